import { z } from "zod";

/*
 * A dealer's own Twilio account (L 1.1: SMS only through the customer's own Twilio account).
 * Channel.config holds the ids, Channel.secretsEncrypted the Auth Token.
 */

const ZSid = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .regex(
      new RegExp(`^${prefix}[0-9a-fA-F]{32}$`),
      `must be the ${what} Twilio shows (${prefix} and 32 hex characters)`,
    );

/** A phone number in E.164 (+ and up to 15 digits), as Twilio writes it. */
export const ZE164 = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, "must be in international format, e.g. +31612345678"));

export const ZTwilioAccountSid = ZSid("AC", "Account SID");
export const ZTwilioMessagingServiceSid = ZSid("MG", "Messaging Service SID");

export const ZTwilioSmsConfig = z
  .object({
    accountSid: ZTwilioAccountSid,
    /** A Messaging Service (number pool, opt-out handling, A2P registration); preferred when given. */
    messagingServiceSid: ZTwilioMessagingServiceSid.nullable().default(null),
    /** The sending number when there is no Messaging Service (and the number customers write to). */
    fromNumber: ZE164.nullable().default(null),
  })
  .refine((c) => c.messagingServiceSid !== null || c.fromNumber !== null, {
    message: "needs a Messaging Service SID or a From number",
    path: ["fromNumber"],
  });
export type TTwilioSmsConfig = z.infer<typeof ZTwilioSmsConfig>;

export const ZTwilioSmsSecrets = z.object({
  /** Signs every webhook Twilio posts (X-Twilio-Signature) and authenticates our API calls and media downloads. */
  authToken: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, "must be the Auth Token Twilio shows (32 hex characters)"),
});
export type TTwilioSmsSecrets = z.infer<typeof ZTwilioSmsSecrets>;

/** How to reach Twilio's REST API: https://api.twilio.com in production, a stand-in in tests and the demo. */
export type TTwilioEndpoint = { apiUrl: string; timeoutMs: number };

/** The routes (ChannelRoute keys) of a Twilio channel: its id (webhooks name it in the path) and what it sends from. */
export const twilioChannelRouteKey = (channelId: string) => `twilio:${channelId}`;
export const twilioSenderRouteKey = (config: TTwilioSmsConfig) =>
  config.messagingServiceSid
    ? `twilio-service:${config.messagingServiceSid}`
    : `twilio-number:${config.accountSid}:${config.fromNumber}`;

/** The URLs pasted into Twilio, built from WEB_URL (never from a request's Host header). */
export function twilioWebhookUrls(webUrl: string, channelId: string) {
  const base = `${webUrl.replace(/\/+$/, "")}/api/hooks/twilio/${channelId}`;
  return { inbound: base, status: `${base}/status` };
}
