import { ChannelSendError } from "@forecourt/channels";
import { sendTwilioSms, ZE164 } from "@forecourt/channels/twilio-sms";
import { z } from "zod";
import { RuleError } from "../errors";
import type { TPrincipal } from "../principal";
import { inChannelSettings, loadManagedChannel } from "./channel-settings";
import { twilioChannelOf, twilioChannelUrls, twilioEndpoint } from "./twilio-channel";

export const ZSmsTestMessage = z.object({
  channelId: z.uuid(),
  to: ZE164,
  text: z.string().trim().min(1).max(320).default("Test message from Forecourt: this SMS channel is connected."),
});

/**
 * "Send a test message" on an SMS channel: sends at once through the real SDK (not through the
 * inbox or a job), so the administrator sees whether the Account SID, Auth Token and number
 * work, with Twilio's reason in words if not (e.g. 21608 trial accounts, 21408 geo permissions).
 */
export async function sendSmsTestMessage(
  options: { principal: TPrincipal } & z.input<typeof ZSmsTestMessage>,
): Promise<{ externalId: string }> {
  const { principal, ...raw } = options;
  const input = ZSmsTestMessage.parse(raw);
  const channel = await inChannelSettings(principal, "send an SMS test message", async (tx, agent) =>
    twilioChannelOf(await loadManagedChannel(tx, agent, input.channelId)),
  );
  if (!channel) throw new RuleError("not_an_sms_channel", "Test SMS are for SMS channels.");
  if (channel.status !== "ACTIVE") throw new RuleError("channel_disabled", "Enable the channel first.");
  try {
    return await sendTwilioSms(
      {
        endpoint: twilioEndpoint(),
        config: channel.config,
        secrets: channel.secrets,
        statusCallbackUrl: twilioChannelUrls(channel.id).status,
      },
      input.to,
      { kind: "text", text: input.text },
    );
  } catch (error) {
    if (error instanceof ChannelSendError) throw new RuleError(error.failure.code, error.failure.message);
    throw error;
  }
}
