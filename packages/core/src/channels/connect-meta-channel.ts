import type { Prisma } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { asTenantPrincipal, type TPrincipal } from "../principal";
import {
  alreadyConnected,
  assertRouteFree,
  metaRouteKey,
  newMetaPublicKey,
  newVerifyToken,
  sealSecrets,
  type TMetaChannelType,
  type TMetaSecrets,
} from "./meta-connection";
import { inChannelSettings } from "./channel-settings";
import { verifyTokenRouteKey } from "./verify-meta-subscription";

/**
 * Connects a WhatsApp number or a Facebook page to one dealer (connect-whatsapp-channel.ts and
 * connect-messenger-channel.ts call this with their validated input). One transaction writes
 * the channel, its sealed secrets with a fresh verify token, and its two global routes: the
 * inbound route (by phone number id / page id) and the handshake route (by the verify token's
 * hash). The routes' keys are unique across tenants, so the same number or page cannot be
 * connected twice; the refusal never says where it is connected.
 */
export async function connectMetaChannel(
  principal: TPrincipal,
  channel: {
    type: TMetaChannelType;
    dealerId: string;
    name: string;
    externalId: string;
    config: Prisma.InputJsonObject;
    secrets: Omit<TMetaSecrets, "verifyToken">;
    defaultName: (dealerName: string) => string;
  },
): Promise<{ channelId: string }> {
  const agent = asTenantPrincipal(principal);
  const routeKey = metaRouteKey(channel.type, channel.externalId);
  try {
    return await inChannelSettings(principal, `connect a ${channel.type} channel`, async (tx) => {
      const customerId = agent.tenant.customerId;
      const dealer = agentMaySeeDealer(agent, channel.dealerId)
        ? await tx.dealer.findFirst({ where: { id: channel.dealerId, customerId } })
        : null;
      if (!dealer) throw new NotFoundError("dealer");
      await assertRouteFree(tx, channel.type, routeKey);
      const verifyToken = newVerifyToken();
      const created = await tx.channel.create({
        data: {
          customerId,
          dealerId: dealer.id,
          type: channel.type,
          name: channel.name || channel.defaultName(dealer.name),
          publicKey: newMetaPublicKey(channel.type),
          status: "ACTIVE",
          externalId: channel.externalId,
          config: channel.config,
          secretsEncrypted: sealSecrets(channel.type, { ...channel.secrets, verifyToken } as TMetaSecrets),
        },
      });
      await tx.channelRoute.createMany({
        data: [routeKey, verifyTokenRouteKey(verifyToken)].map((key) => ({
          key,
          channelId: created.id,
          routedCustomerId: customerId,
        })),
      });
      await recordAuditEvent(tx, agent, {
        customerId,
        action: `channel.${channel.type.toLowerCase()}.connected`,
        targetType: "Channel",
        targetId: created.id,
        // Ids only: no token, secret or verify token in the audit log.
        data: { dealerId: dealer.id, externalId: channel.externalId, name: created.name },
      });
      return { channelId: created.id };
    });
  } catch (error) {
    // Two admins connecting the same number at once: the route's primary key decides.
    if (isUniqueViolation(error)) throw alreadyConnected(channel.type);
    throw error;
  }
}
