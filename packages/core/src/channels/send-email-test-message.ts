import { ChannelSendError, inboundAddressOf, newMessageId, sendEmail } from "@forecourt/channels";
import { appDb } from "@forecourt/db";
import { z } from "zod";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError, RuleError } from "../errors";
import { mailLocaleOf, renderMail } from "../mail/render-mail";
import type { TTenantPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { emailChannelOf, smtpRelay } from "./email-channel";

export const ZEmailTestMessage = z.object({
  channelId: z.uuid(),
  to: z.string().trim().toLowerCase().pipe(z.email("not an e-mail address")),
});

/**
 * "Send a test e-mail" in Settings → Channels: one mail From the channel's name and address
 * through the SMTP relay, at once (not through a job), so the administrator sees whether the
 * relay takes it, with its reason if not. Replies to it go to the inbound address. Written in the
 * administrator's own locale, as text and HTML.
 */
export async function sendEmailTestMessage(
  options: { principal: TTenantPrincipal } & z.input<typeof ZEmailTestMessage>,
): Promise<{ messageId: string }> {
  const { principal } = options;
  const input = ZEmailTestMessage.parse(options);
  const customerId = principal.tenant.customerId;
  const row = await inTenant(
    principal,
    customerId,
    { tenant: "settings.channels.manage", reason: "send a test e-mail" },
    (tx) => tx.channel.findFirst({ where: { id: input.channelId, customerId } }),
  );
  if (!row || !agentMaySeeDealer(principal, row.dealerId)) throw new NotFoundError("channel");
  const channel = emailChannelOf(row);
  if (!channel) throw new RuleError("not_an_email_channel", "Test e-mails are for e-mail channels.");
  if (channel.status !== "ACTIVE") throw new RuleError("channel_disabled", "Enable the channel first.");
  const messageId = newMessageId(channel.config.inboundDomain);
  const sender = await appDb().user.findUnique({ where: { id: principal.userId }, select: { locale: true } });
  const mail = renderMail("emailChannelTest", mailLocaleOf(sender?.locale), {});
  try {
    await sendEmail(smtpRelay(), {
      from: { name: channel.config.fromName, address: channel.config.fromAddress },
      to: input.to,
      replyTo: inboundAddressOf(channel.config),
      subject: mail.subject,
      messageId,
      inReplyTo: null,
      references: [],
      text: mail.text,
      html: mail.html,
      attachments: [],
    });
  } catch (error) {
    if (error instanceof ChannelSendError) throw new RuleError(error.failure.code, error.failure.message);
    throw error;
  }
  return { messageId };
}
