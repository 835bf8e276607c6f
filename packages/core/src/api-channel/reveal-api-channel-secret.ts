import { recordAuditEvent } from "../audit/record-audit-event";
import { inChannelSettings, loadManagedChannel } from "../channels/channel-settings";
import { NotFoundError } from "../errors";
import type { TPrincipal } from "../principal";
import { openApiChannelSecrets } from "./api-channel-keys";

/**
 * Settings → Channels → Show secret: an API channel's HMAC secret in full, for an administrator
 * of its dealer to paste into the app's backend. Shown on request only (the page holds it
 * masked), and each showing is audited.
 */
export async function revealApiChannelSecret(options: { principal: TPrincipal; channelId: string }) {
  return inChannelSettings(options.principal, "show an API channel secret", async (tx, agent) => {
    const channel = await loadManagedChannel(tx, agent, options.channelId);
    const secrets = channel.type === "API" ? openApiChannelSecrets(channel.secretsEncrypted) : null;
    if (!secrets) throw new NotFoundError("channel");
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: "channel.api.secret_revealed",
      targetType: "Channel",
      targetId: channel.id,
    });
    return { hmacSecret: secrets.hmacSecret };
  });
}
