import { recordAuditEvent } from "../audit/record-audit-event";
import type { TPrincipal } from "../principal";
import { inChannelSettings } from "./channel-settings";
import { loadManagedMetaChannel, newVerifyToken, sealSecrets } from "./meta-connection";
import { verifyTokenRouteKey } from "./verify-meta-subscription";

/**
 * A new verify token for a WhatsApp or Messenger channel (e.g. the old one was shared): the
 * handshake route of the old token goes in the same transaction, so only the new one verifies.
 * Meta asks for the token only when the callback is (re)verified: paste the new one there.
 */
export async function regenerateVerifyToken(options: {
  principal: TPrincipal;
  channelId: string;
}): Promise<{ ok: true }> {
  return inChannelSettings(options.principal, "regenerate a verify token", async (tx, agent) => {
    const { row: channel, meta } = await loadManagedMetaChannel(tx, agent, options.channelId);
    const verifyToken = newVerifyToken();
    await tx.channelRoute.deleteMany({
      where: { channelId: channel.id, key: verifyTokenRouteKey(meta.secrets.verifyToken) },
    });
    await tx.channelRoute.create({
      data: { key: verifyTokenRouteKey(verifyToken), channelId: channel.id, routedCustomerId: agent.tenant.customerId },
    });
    await tx.channel.update({
      where: { id: channel.id },
      data: { secretsEncrypted: sealSecrets(meta.type, { ...meta.secrets, verifyToken }) },
    });
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: "channel.verify_token_regenerated",
      targetType: "Channel",
      targetId: channel.id,
    });
    return { ok: true as const };
  });
}
