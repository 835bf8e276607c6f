import twilio from "twilio";
import type { TIdentity, TInboundMessage, TMediaKind, TStatusEvent } from "../types";
import { twilioFailure } from "./errors";
import { optOutChangeOf, type TOptOutChange } from "./opt-out";

/*
 * Twilio's webhooks: form-encoded POSTs (application/x-www-form-urlencoded) signed with the
 * account's Auth Token. Fields are added without notice, so we read the ones we need and
 * ignore the rest (but sign over all of them: the signature covers every parameter).
 */

export type TTwilioParams = Record<string, string | string[]>;

/** The form parameters of a raw body, as the SDK's validator expects them (a repeated key → array). */
export function twilioParamsOf(rawBody: Uint8Array): TTwilioParams {
  const params: TTwilioParams = {};
  for (const [key, value] of new URLSearchParams(Buffer.from(rawBody).toString("utf8"))) {
    const existing = params[key];
    if (existing === undefined) params[key] = value;
    else params[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return params;
}

/**
 * `X-Twilio-Signature` = base64 HMAC-SHA1 of the URL Twilio called plus the sorted parameters,
 * keyed with the Auth Token, checked by the SDK (which also tries the URL with and without
 * the default port). `publicUrl` must be the URL configured in Twilio, rebuilt from our own
 * configuration: behind a proxy the request's Host is not what Twilio signed, and a header
 * the caller controls must not decide what is verified.
 */
export function verifyTwilioSignature(input: {
  authToken: string;
  signature: string | null;
  publicUrl: string;
  params: TTwilioParams;
}): boolean {
  if (!input.signature || input.signature.length > 200) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.publicUrl, input.params);
}

const one = (params: TTwilioParams, key: string): string | null => {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v)?.trim() || null;
};

/** Who sent it, to which of the dealer's numbers, in which account. */
export type TTwilioAddressing = { accountSid: string; to: string; from: string; messagingServiceSid: string | null };

export type TTwilioInbound = TTwilioAddressing & {
  /** The message (and, for an MMS with several files, one more message per extra file). */
  messages: TInboundMessage[];
  /** STOP / START and their equivalents (opt-out.ts). */
  optOut: TOptOutChange | null;
};

/** Twilio sends at most 10 files per MMS. */
const MAX_MEDIA = 10;

function mediaKindOf(mimeType: string): TMediaKind {
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("video/")) return "video";
  return "document";
}

/** E.164 digits without "+" (what TInboundMessage.phone holds), when From is a phone number. */
const digitsOf = (from: string) => (/^\+[1-9]\d{6,14}$/.test(from) ? from.slice(1) : null);

function addressingOf(params: TTwilioParams): TTwilioAddressing | null {
  const accountSid = one(params, "AccountSid");
  const to = one(params, "To");
  const from = one(params, "From");
  if (!accountSid || !to || !from) return null;
  return { accountSid, to, from, messagingServiceSid: one(params, "MessagingServiceSid") };
}

/**
 * An inbound SMS or MMS. The customer is known by their number (`phone:+316…`). Each file of an
 * MMS is fetched by a job (Twilio's media URLs need the account's Basic auth); an MMS with
 * several files becomes one message per file after the first (`<MessageSid>/<n>`), so each
 * is deduplicated on its own.
 */
export function parseTwilioInbound(params: TTwilioParams, now: Date = new Date()): TTwilioInbound | null {
  const addressing = addressingOf(params);
  const sid = one(params, "MessageSid") ?? one(params, "SmsMessageSid");
  if (!addressing || !sid || !/^[A-Z]{2}[0-9a-f]{32}$/i.test(sid)) return null;
  const body = (Array.isArray(params.Body) ? params.Body[0] : params.Body) ?? "";
  const identities: TIdentity[] = [{ kind: "phone", value: addressing.from }];
  const base = {
    type: "message" as const,
    identities,
    // SMS carries no name: a new contact is named by their number (an agent can change it), not "Visitor".
    profileName: addressing.from,
    phone: digitsOf(addressing.from),
    sentAt: now,
  };
  const count = Math.min(MAX_MEDIA, Math.max(0, Number.parseInt(one(params, "NumMedia") ?? "0", 10) || 0));
  const media: { url: string; mimeType: string }[] = [];
  for (let i = 0; i < count; i++) {
    const url = one(params, `MediaUrl${i}`);
    if (url) media.push({ url, mimeType: one(params, `MediaContentType${i}`) ?? "application/octet-stream" });
  }
  const messages: TInboundMessage[] = [];
  if (media.length === 0) messages.push({ ...base, externalId: sid, text: body, content: null, media: null });
  media.forEach((m, i) => {
    const kind = mediaKindOf(m.mimeType);
    messages.push({
      ...base,
      externalId: i === 0 ? sid : `${sid}/${i}`,
      text: i === 0 ? body : "",
      content: { type: "media", mediaKind: kind, state: "pending" },
      media: { ref: m.url, mimeType: m.mimeType, fileName: null, kind },
    });
  });
  return { ...addressing, messages, optOut: optOutChangeOf(body, one(params, "OptOutType")) };
}

const STATUS: Record<string, TStatusEvent["status"] | undefined> = {
  sent: "SENT",
  delivered: "DELIVERED",
  read: "READ",
  undelivered: "FAILED",
  failed: "FAILED",
  canceled: "FAILED",
};

/**
 * A status callback (the `StatusCallback` we give on create): `MessageStatus` moves the ticks;
 * `queued`, `accepted`, `scheduled` and `sending` say nothing our QUEUED/SENT does not.
 * `undelivered`/`failed` carry the carrier's `ErrorCode`, kept in words.
 */
export function parseTwilioStatus(
  params: TTwilioParams,
  now: Date = new Date(),
): (TTwilioAddressing & { event: TStatusEvent | null }) | null {
  const addressing = addressingOf(params);
  const sid = one(params, "MessageSid") ?? one(params, "SmsSid");
  const raw = (one(params, "MessageStatus") ?? one(params, "SmsStatus"))?.toLowerCase();
  if (!addressing || !sid || !raw) return null;
  const status = STATUS[raw];
  if (!status) return { ...addressing, event: null };
  const code = Number.parseInt(one(params, "ErrorCode") ?? "", 10);
  const error =
    status === "FAILED"
      ? raw === "canceled"
        ? { code: "canceled", message: "The message was canceled before it was sent.", retryable: true }
        : twilioFailure(Number.isFinite(code) ? code : null)
      : null;
  return { ...addressing, event: { type: "status", externalId: sid, status, at: now, error } };
}
