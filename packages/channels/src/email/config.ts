import { z } from "zod";

/**
 * An e-mail channel's settings (Channel.config). The dealer forwards a mailbox (sales@…) to the
 * inbound address we generated, `<inboundLocalPart>@<inboundDomain>`; our replies go out
 * From the dealer's own name and address, with a Reply-To on our inbound domain that carries
 * the conversation's reply token. No secrets: the reply-token key is the deployment's.
 */
export const ZEmailLocalPart = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9.-]{0,30}[a-z0-9]$/, "letters, digits, dots and dashes (2–32)");

export const ZEmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "not a domain");

export const ZEmailConfig = z.object({
  /** Generated at connect time; unique across the deployment (the ChannelRoute key holds it). */
  inboundLocalPart: ZEmailLocalPart,
  /** EMAIL_INBOUND_DOMAIN when the channel was connected (kept, so a later change orphans nothing). */
  inboundDomain: ZEmailDomain,
  /** The name customers see on our replies ("Autohaus Meyer Sales"). */
  fromName: z.string().trim().min(1, "required").max(120),
  /** The dealer's own address our replies come From (the mailbox that forwards to us). */
  fromAddress: z.string().trim().toLowerCase().pipe(z.email("not an e-mail address")).pipe(z.string().max(254)),
});
export type TEmailConfig = z.infer<typeof ZEmailConfig>;

/** The channel's inbound address: what the dealer's mailbox forwards to. */
export function inboundAddressOf(config: Pick<TEmailConfig, "inboundLocalPart" | "inboundDomain">): string {
  return `${config.inboundLocalPart}@${config.inboundDomain}`;
}

/** The ChannelRoute key of an inbound address (global: one address, one channel). */
export function emailRouteKey(localPart: string, domain: string): string {
  return `email:${localPart.toLowerCase()}@${domain.toLowerCase()}`;
}
