import { twilioSid } from "./ids";
import type { TTwilioContext } from "./context";
import type { TTwilioMessageStatus, TTwilioPostResult, TTwilioSent } from "./types";

/*
 * What Twilio posts to a number's webhook when a customer texts it, and the status callbacks of
 * messages we sent: Twilio's parameter names (AccountSid, MessageSid, SmsSid, From, To, Body,
 * NumMedia, MediaUrl{N}, MediaContentType{N}, MessageStatus, ErrorCode, …), signed per account.
 */

export type TTwilioInbound = {
  /** The dealer's number the customer writes to (its account is found by it). */
  to: string;
  /** The customer's number (E.164). */
  from: string;
  body?: string;
  media?: { bytes: Uint8Array; mimeType: string }[];
  /** Sign with the wrong token (a forged post). */
  forge?: boolean;
  /** Extra or replacement parameters (fields Twilio adds without notice, or tampering). */
  extra?: Record<string, string>;
  /** Post to this URL instead of the account's inboundUrl. */
  url?: string;
};

export type TTwilioInboundResult = TTwilioPostResult & { messageSid: string; params: Record<string, string> };

export async function postInbound(ctx: TTwilioContext, input: TTwilioInbound): Promise<TTwilioInboundResult> {
  const account = ctx.state.accountByNumber(input.to);
  if (!account) throw new Error(`twilio: no account owns ${input.to}`);
  const url = input.url ?? ctx.state.numberOf(account, input.to).inboundUrl;
  if (!url) throw new Error(`twilio: the account ${account.accountSid} has no inboundUrl`);
  const media = input.media ?? [];
  const messageSid = twilioSid(media.length > 0 ? "MM" : "SM");
  const body = input.body ?? "";
  const params: Record<string, string> = {
    ToCountry: "NL",
    ToState: "",
    SmsMessageSid: messageSid,
    NumMedia: String(media.length),
    ToCity: "",
    FromZip: "",
    SmsSid: messageSid,
    FromState: "",
    SmsStatus: "received",
    FromCity: "",
    Body: body,
    FromCountry: "NL",
    To: input.to,
    ...(account.messagingServiceSid ? { MessagingServiceSid: account.messagingServiceSid } : {}),
    ToZip: "",
    NumSegments: "1",
    MessageSid: messageSid,
    AccountSid: account.accountSid,
    From: input.from,
    ApiVersion: "2010-04-01",
  };
  media.forEach((m, i) => {
    const mediaSid = twilioSid("ME");
    ctx.state.media.set(mediaSid, {
      sid: mediaSid,
      accountSid: account.accountSid,
      bytes: Buffer.from(m.bytes),
      mimeType: m.mimeType,
    });
    params[`MediaContentType${i}`] = m.mimeType;
    params[`MediaUrl${i}`] =
      `${ctx.baseUrl()}/2010-04-01/Accounts/${account.accountSid}/Messages/${messageSid}/Media/${mediaSid}`;
  });
  // Twilio's keyword handling: it answers STOP itself and tells the webhook what it did.
  const optOutType = input.forge ? null : ctx.state.noteKeyword(account.accountSid, input.from, body);
  if (optOutType) params.OptOutType = optOutType;
  Object.assign(params, input.extra ?? {});
  const result = await ctx.poster.post("inbound", url, account.authToken, params, { forge: input.forge });
  return { ...result, messageSid, params };
}

/** A status callback for a message the REST API accepted, to the StatusCallback it was given. */
export async function postStatus(
  ctx: TTwilioContext,
  message: TTwilioSent,
  status: TTwilioMessageStatus,
  errorCode: number | null = null,
  options: { forge?: boolean } = {},
): Promise<TTwilioPostResult | null> {
  ctx.state.setStatus(message, status, errorCode);
  const account = ctx.state.accounts.get(message.accountSid);
  if (!message.statusCallback || !account) return null;
  const params: Record<string, string> = {
    ...(errorCode !== null ? { ErrorCode: String(errorCode) } : {}),
    SmsSid: message.sid,
    SmsStatus: status,
    MessageStatus: status,
    To: message.to,
    ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
    MessageSid: message.sid,
    AccountSid: message.accountSid,
    From: message.from,
    ApiVersion: "2010-04-01",
  };
  return ctx.poster.post("status", message.statusCallback, account.authToken, params, options);
}
