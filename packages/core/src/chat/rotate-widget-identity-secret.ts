import { recordAuditEvent } from "../audit/record-audit-event";
import { inChannelSettings, loadManagedChannel } from "../channels/channel-settings";
import { NotFoundError } from "../errors";
import type { TPrincipal } from "../principal";
import { newIdentitySecret, openWidgetSecrets, sealWidgetSecrets } from "./widget-identity-secret";

/**
 * A new identity-verification secret for a widget channel (the first one, or a replacement when
 * the old one leaked). From now on only hashes made with the new secret verify: the dealer's
 * server must switch to it. Audited (without the secret).
 */
export async function rotateWidgetIdentitySecret(options: {
  principal: TPrincipal;
  channelId: string;
}): Promise<{ ok: true; identitySecret: string }> {
  return inChannelSettings(options.principal, "rotate a widget identity secret", async (tx, agent) => {
    const channel = await loadManagedChannel(tx, agent, options.channelId);
    if (channel.type !== "WIDGET") throw new NotFoundError("channel");
    const hadSecret = openWidgetSecrets(channel.secretsEncrypted) !== null;
    const identitySecret = newIdentitySecret();
    await tx.channel.update({
      where: { id: channel.id },
      data: { secretsEncrypted: sealWidgetSecrets({ identitySecret }) },
    });
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: hadSecret ? "channel.widget.identity_secret_rotated" : "channel.widget.identity_secret_created",
      targetType: "Channel",
      targetId: channel.id,
    });
    return { ok: true as const, identitySecret };
  });
}
