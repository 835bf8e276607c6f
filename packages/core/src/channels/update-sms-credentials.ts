import { ZTwilioSmsSecrets } from "@forecourt/channels/twilio-sms";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError } from "../errors";
import type { TPrincipal } from "../principal";
import { inChannelSettings, loadManagedChannel } from "./channel-settings";
import { sealTwilioSecrets, twilioChannelOf } from "./twilio-channel";

export const ZUpdateSmsCredentials = z.object({ channelId: z.uuid(), secrets: ZTwilioSmsSecrets });

/**
 * A new Auth Token for an SMS channel (after "Rotate" in Twilio's console the old one stops
 * signing webhooks and sending). Audited without the value.
 */
export async function updateSmsCredentials(options: { principal: TPrincipal } & z.input<typeof ZUpdateSmsCredentials>) {
  const { principal, ...raw } = options;
  const input = ZUpdateSmsCredentials.parse(raw);
  return inChannelSettings(principal, "update SMS credentials", async (tx, agent) => {
    const row = await loadManagedChannel(tx, agent, input.channelId);
    if (!twilioChannelOf(row)) throw new NotFoundError("channel");
    await tx.channel.update({ where: { id: row.id }, data: { secretsEncrypted: sealTwilioSecrets(input.secrets) } });
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: "channel.credentials_updated",
      targetType: "Channel",
      targetId: row.id,
      data: { fields: ["authToken"] },
    });
    return { updated: ["authToken"] };
  });
}
