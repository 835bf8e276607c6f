import { randomBytes } from "node:crypto";
import { ZEmailConfig, emailRouteKey, inboundAddressOf } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import type { TPrincipal } from "../principal";
import { inChannelSettings, ZChannelName } from "./channel-settings";

/** Settings → Channels → Connect e-mail: the name and address our replies come from. */
export const ZConnectEmailChannel = z.object({
  dealerId: z.uuid(),
  name: ZChannelName,
  fromName: ZEmailConfig.shape.fromName,
  fromAddress: ZEmailConfig.shape.fromAddress,
});
export type TConnectEmailChannel = z.input<typeof ZConnectEmailChannel>;

/** "Autohaus Meyer – Sales" → "autohaus-meyer-sa"; with a random tail, so it cannot be guessed or collide. */
function newLocalPart(dealerName: string): string {
  const slug = dealerName
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 18)
    .replace(/-+$/g, "");
  const tail = randomBytes(5).toString("hex").slice(0, 8);
  return `${slug || "dealer"}-${tail}`;
}

/**
 * Connects an e-mail channel to a dealer: generates its inbound address on EMAIL_INBOUND_DOMAIN
 * (the dealer's mailbox forwards there) and the global route that lets the SMTP ingress accept
 * mail for it, in one transaction. Nothing secret is stored (reply tokens are keyed by the
 * deployment). Audited.
 */
export async function connectEmailChannel(
  options: { principal: TPrincipal } & TConnectEmailChannel,
): Promise<{ channelId: string; inboundAddress: string }> {
  const { principal, ...raw } = options;
  const input = ZConnectEmailChannel.parse(raw);
  return inChannelSettings(principal, "connect an e-mail channel", async (tx, agent) => {
    const customerId = agent.tenant.customerId;
    const dealer = agentMaySeeDealer(agent, input.dealerId)
      ? await tx.dealer.findFirst({ where: { id: input.dealerId, customerId } })
      : null;
    if (!dealer) throw new NotFoundError("dealer");
    const config = ZEmailConfig.parse({
      inboundLocalPart: newLocalPart(dealer.name),
      inboundDomain: getConfig().EMAIL_INBOUND_DOMAIN,
      fromName: input.fromName,
      fromAddress: input.fromAddress,
    });
    const inboundAddress = inboundAddressOf(config);
    const created = await tx.channel.create({
      data: {
        customerId,
        dealerId: dealer.id,
        type: "EMAIL",
        name: input.name || `${dealer.name} e-mail`,
        publicKey: `em_${randomBytes(18).toString("base64url")}`,
        status: "ACTIVE",
        externalId: inboundAddress,
        config,
      },
    });
    await tx.channelRoute.create({
      data: {
        key: emailRouteKey(config.inboundLocalPart, config.inboundDomain),
        channelId: created.id,
        routedCustomerId: customerId,
      },
    });
    await recordAuditEvent(tx, agent, {
      customerId,
      action: "channel.email.connected",
      targetType: "Channel",
      targetId: created.id,
      data: { dealerId: dealer.id, inboundAddress, name: created.name },
    });
    return { channelId: created.id, inboundAddress };
  });
}
