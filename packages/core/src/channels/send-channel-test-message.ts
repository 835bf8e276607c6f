import { sendMessenger, sendWhatsApp, ChannelSendError } from "@forecourt/channels";
import { z } from "zod";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError, RuleError } from "../errors";
import type { TTenantPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { graphEndpoint, metaChannelOf } from "./meta-channel";

export const ZChannelTestMessage = z.object({
  channelId: z.uuid(),
  /** WhatsApp: a phone number in international format; Messenger: a page-scoped id (PSID) of someone who wrote to the page. */
  to: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{6,20}$/, "must be a phone number in international format (+31 6 …) or a Messenger id (digits)")
    .transform((v) => v.replace(/^\+/, "")),
  text: z.string().trim().min(1).max(1000).default("Test message from Forecourt: this channel is connected."),
});

/**
 * "Send a test message" in Settings → Channels: sends directly (not through the inbox or a
 * job) so the administrator sees at once whether the token and ids work, with Meta's reason if not.
 */
export async function sendChannelTestMessage(
  options: { principal: TTenantPrincipal } & z.input<typeof ZChannelTestMessage>,
): Promise<{ externalId: string }> {
  const { principal } = options;
  const input = ZChannelTestMessage.parse(options);
  const customerId = principal.tenant.customerId;
  const channel = await inTenant(
    principal,
    customerId,
    { tenant: "settings.channels.manage", reason: "send a test message" },
    (tx) => tx.channel.findFirst({ where: { id: input.channelId, customerId } }),
  );
  if (!channel || !agentMaySeeDealer(principal, channel.dealerId)) throw new NotFoundError("channel");
  const meta = metaChannelOf(channel);
  if (!meta) throw new RuleError("not_a_meta_channel", "Test messages are for WhatsApp and Messenger channels.");
  if (meta.status !== "ACTIVE") throw new RuleError("channel_disabled", "Enable the channel first.");
  try {
    return meta.type === "WHATSAPP"
      ? await sendWhatsApp(
          { endpoint: graphEndpoint(), config: meta.config, secrets: meta.secrets },
          { phone: input.to, bsuid: null },
          { kind: "text", text: input.text },
        )
      : await sendMessenger({ endpoint: graphEndpoint(), config: meta.config, secrets: meta.secrets }, input.to, {
          kind: "text",
          text: input.text,
        });
  } catch (error) {
    if (error instanceof ChannelSendError) throw new RuleError(error.failure.code, error.failure.message);
    throw error;
  }
}
