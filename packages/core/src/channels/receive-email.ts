import { authenticateEmail, parseInboundEmail, type TEmailAuth, type TInboundEmail } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { InvalidInputError } from "../errors";
import { checkEmailRecipient } from "./check-email-recipient";
import { emailDnsResolver } from "./email-channel";
import { recordInboundEmail } from "./record-inbound-email";

export type TReceivedEmail = { recorded: number; duplicates: number };
export type TSmtpEnvelope = { mailFrom: string; rcptTo: string[]; remoteAddress: string; helo: string };

/**
 * A mail the SMTP ingress accepted (apps/mail-ingress; it answers 250 only after this
 * returned). The ingress does no more than SMTP: parsing, the SPF/DKIM/DMARC check, dedupe,
 * threading and storage happen here, through the same append as every other channel. A mail
 * addressed to two of our channels is recorded in each. Throws InvalidInputError (the ingress
 * answers 550) when no recipient is an enabled channel any more or the bytes are not a mail.
 */
export async function receiveEmail(options: { raw: Uint8Array; envelope: TSmtpEnvelope }): Promise<TReceivedEmail> {
  const channels = new Map<string, { customerId: string; dealerId: string; tokens: string[] }>();
  for (const address of options.envelope.rcptTo) {
    const recipient = await checkEmailRecipient({ address });
    if (recipient.state !== "accept") continue;
    const entry = channels.get(recipient.channelId) ?? {
      customerId: recipient.customerId,
      dealerId: recipient.dealerId,
      tokens: [],
    };
    if (recipient.token) entry.tokens.push(recipient.token);
    channels.set(recipient.channelId, entry);
  }
  if (channels.size === 0) throw new InvalidInputError("No recipient of this mail is a connected e-mail channel.");
  let email: TInboundEmail;
  try {
    email = await parseInboundEmail(options.raw);
  } catch (error) {
    throw new InvalidInputError(`Not a mail we can read: ${(error as Error).message}`);
  }
  const auth: TEmailAuth = await authenticateEmail(
    options.raw,
    {
      ip: options.envelope.remoteAddress,
      helo: options.envelope.helo,
      mailFrom: options.envelope.mailFrom,
      mta: getConfig().EMAIL_INBOUND_DOMAIN,
    },
    emailDnsResolver(),
  );
  const counts: TReceivedEmail = { recorded: 0, duplicates: 0 };
  for (const [channelId, channel] of channels) {
    const outcome = await recordInboundEmail(
      { kind: "channel", customerId: channel.customerId, dealerId: channel.dealerId, channelId, channelType: "EMAIL" },
      { email, raw: options.raw, auth, tokens: channel.tokens },
    );
    if (outcome.state === "recorded") counts.recorded += 1;
    else counts.duplicates += 1;
  }
  return counts;
}
