import type { TSendFailure } from "../types";

/*
 * Twilio's error codes (https://www.twilio.com/docs/api/errors) in words an agent understands.
 * They arrive two ways: as the REST API's refusal of a send (21xxx, 20xxx) and as the
 * `ErrorCode` of an `undelivered`/`failed` status callback (30xxx, from the carrier).
 * `retryable` says whether trying again may help (the phone was off; Twilio was busy).
 */
const CODES: Record<number, Omit<TSendFailure, "retryable"> & { retryable?: boolean }> = {
  20003: {
    code: "token_invalid",
    message: "Twilio refused the Account SID or Auth Token. Update them in Settings → Channels.",
  },
  20404: { code: "rejected", message: "Twilio does not know this account, number or Messaging Service." },
  20429: { code: "rate_limited", message: "Twilio asked us to slow down; we try again shortly.", retryable: true },
  21211: { code: "invalid_number", message: "This is not a valid phone number." },
  21408: {
    code: "region_not_enabled",
    message: "Sending to this country is not enabled in the Twilio account (Geo permissions).",
  },
  21602: { code: "rejected", message: "The message has no text and no picture." },
  21606: {
    code: "sender_invalid",
    message: "The From number cannot send SMS (not an SMS-capable Twilio number of this account).",
  },
  21610: {
    code: "opted_out",
    message: "The customer replied STOP to this number and does not receive SMS from it until they send START.",
  },
  21612: { code: "undeliverable", message: "Twilio cannot route a message from this number to that one." },
  21614: { code: "not_mobile", message: "This number cannot receive SMS (not a mobile number)." },
  21617: { code: "too_long", message: "The message is longer than Twilio allows (1,600 characters)." },
  21620: { code: "media_download_failed", message: "Twilio could not use the picture's link." },
  21703: { code: "sender_invalid", message: "The Messaging Service has no number that can send this message." },
  30001: {
    code: "rate_limited",
    message: "Too many messages were waiting at Twilio; the message was dropped. Retry it.",
    retryable: true,
  },
  30002: { code: "account_suspended", message: "The Twilio account is suspended." },
  30003: {
    code: "unreachable_handset",
    message: "The phone is switched off or out of reach. Retry later.",
    retryable: true,
  },
  30004: { code: "blocked", message: "The recipient or their carrier blocked this message." },
  30005: { code: "unknown_number", message: "The number does not exist or is no longer in use." },
  30006: { code: "landline", message: "The number is a landline or cannot receive SMS." },
  30007: {
    code: "carrier_filtered",
    message:
      "The carrier filtered the message as spam. Change the wording or register the sender (A2P 10DLC / toll-free verification).",
  },
  30008: {
    code: "undeliverable",
    message: "The carrier could not deliver the message (unknown reason). Retry later.",
    retryable: true,
  },
  30019: { code: "too_long", message: "The picture or message is too large for the carrier." },
  30032: { code: "sender_unregistered", message: "The toll-free number is not verified for messaging." },
  30034: { code: "sender_unregistered", message: "The US number is not registered for A2P 10DLC messaging." },
  11200: { code: "media_download_failed", message: "Twilio could not fetch the picture from Forecourt." },
};

/** A Twilio error code (from the API or a status callback) as a failure we store and show. */
export function twilioFailure(code: number | null, fallback?: string): TSendFailure {
  const known = code !== null ? CODES[code] : undefined;
  if (known) return { retryable: false, ...known };
  return {
    code: "rejected",
    message: `Twilio refused the message${code !== null ? ` (error ${code})` : ""}${fallback ? `: ${fallback}` : "."}`,
    retryable: false,
  };
}

/** A failure the REST API answered (RestException: HTTP status + Twilio code). */
export function twilioApiFailure(status: number, code: number | null, message: string | null): TSendFailure {
  if (code !== null && CODES[code]) return twilioFailure(code);
  if (status === 429) return twilioFailure(20429);
  if (status >= 500)
    return { code: "service_error", message: `Twilio had a problem (HTTP ${status}); we try again.`, retryable: true };
  if (status === 401) return twilioFailure(20003);
  return twilioFailure(code, message ?? `HTTP ${status}`);
}
