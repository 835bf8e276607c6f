import { recordAuditEvent } from "../audit/record-audit-event";
import { inChannelSettings, loadManagedChannel } from "../channels/channel-settings";
import { NotFoundError } from "../errors";
import type { TPrincipal } from "../principal";
import { newApiChannelSecret, sealApiChannelSecrets } from "./api-channel-keys";

/**
 * A new HMAC secret for an API channel (the old one leaked, or routine rotation). From the
 * commit on, only hashes under the new secret identify; contact tokens already issued stay
 * valid (they were earned with a valid hash). Audited without the secret; answers the new one.
 */
export async function rotateApiChannelSecret(options: { principal: TPrincipal; channelId: string }) {
  return inChannelSettings(options.principal, "rotate an API channel secret", async (tx, agent) => {
    const channel = await loadManagedChannel(tx, agent, options.channelId);
    if (channel.type !== "API") throw new NotFoundError("channel");
    const hmacSecret = newApiChannelSecret();
    await tx.channel.update({
      where: { id: channel.id },
      data: { secretsEncrypted: sealApiChannelSecrets({ hmacSecret }) },
    });
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: "channel.api.secret_rotated",
      targetType: "Channel",
      targetId: channel.id,
    });
    // The administrator copies it into the app's backend now.
    return { hmacSecret };
  });
}
