import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { inChannelSettings, ZChannelName } from "../channels/channel-settings";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import type { TPrincipal } from "../principal";
import { newApiChannelSecret, newInboxIdentifier, sealApiChannelSecrets } from "./api-channel-keys";

/** Settings → Channels → Connect "API / OEM app": the dealer and a name. */
export const ZConnectApiChannel = z.object({ dealerId: z.uuid(), name: ZChannelName });
export type TConnectApiChannel = z.input<typeof ZConnectApiChannel>;

/**
 * Connects an API channel for a dealer: a public inbox identifier and a generated HMAC secret
 * (encrypted at rest; the administrator copies it into the app's backend). Audited, ids only.
 */
export async function connectApiChannel(
  options: { principal: TPrincipal } & TConnectApiChannel,
): Promise<{ channelId: string; inboxIdentifier: string }> {
  const { principal, ...raw } = options;
  const input = ZConnectApiChannel.parse(raw);
  return inChannelSettings(principal, "connect an API channel", async (tx, agent) => {
    const customerId = agent.tenant.customerId;
    const dealer = agentMaySeeDealer(agent, input.dealerId)
      ? await tx.dealer.findFirst({ where: { id: input.dealerId, customerId } })
      : null;
    if (!dealer) throw new NotFoundError("dealer");
    const inboxIdentifier = newInboxIdentifier(customerId);
    const channel = await tx.channel.create({
      data: {
        customerId,
        dealerId: dealer.id,
        type: "API",
        name: input.name || `${dealer.name} app`,
        publicKey: inboxIdentifier,
        status: "ACTIVE",
        config: {},
        secretsEncrypted: sealApiChannelSecrets({ hmacSecret: newApiChannelSecret() }),
      },
    });
    await recordAuditEvent(tx, agent, {
      customerId,
      action: "channel.api.connected",
      targetType: "Channel",
      targetId: channel.id,
      data: { dealerId: dealer.id, name: channel.name },
    });
    return { channelId: channel.id, inboxIdentifier };
  });
}
