/*
 * The Twilio stand-in's vocabulary: the accounts it knows, what it records and the failures it
 * can inject. Field names follow Twilio's REST API and webhooks where they mirror them.
 */

export type TTwilioAccountInput = {
  accountSid: string;
  authToken: string;
  /** The account's SMS-capable numbers (E.164). The first is where the simulator's customers write. */
  numbers: string[];
  /** A Messaging Service owning those numbers; sends may name it instead of a From number. */
  messagingServiceSid?: string | null;
  /** Where inbound SMS to these numbers are posted (our /api/hooks/twilio/<channelId>); null posts nothing. */
  inboundUrl: string | null;
  /** For the simulator page (the dealer's name). */
  label?: string;
  /**
   * Per number: its own webhook and label (one account, several dealers: each number is another
   * dealer's channel with its own /api/hooks/twilio/<channelId>). Falls back to the account's.
   */
  numberSettings?: Record<string, { inboundUrl?: string | null; label?: string }>;
};
export type TTwilioAccount = Required<TTwilioAccountInput> & { friendlyName: string };

export type TTwilioMessageStatus =
  "accepted" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "received";

/** A message the REST API accepted (outbound) — what `POST …/Messages.json` created. */
export type TTwilioSent = {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  messagingServiceSid: string | null;
  body: string;
  /** The MediaUrl parameters as given, and what fetching them returned. */
  mediaUrls: string[];
  /** `sid`: where the fetched bytes are kept (state.media), for the simulator page. */
  media: { url: string; mimeType: string; size: number; error: string | null; sid: string | null }[];
  statusCallback: string | null;
  status: TTwilioMessageStatus;
  errorCode: number | null;
  numSegments: number;
  at: string;
};

export type TTwilioFailure =
  /** 500 (code 20500), or another 5xx. */
  | { kind: "server_error"; status?: number }
  /** 429, code 20429. */
  | { kind: "rate_limit" }
  /** Any REST error, e.g. { code: 21211 } (400) or { code: 20003, status: 401 }. */
  | { kind: "api_error"; code: number; status?: number; message?: string }
  /** No answer for `ms` (past the caller's time-out); nothing recorded. */
  | { kind: "hang"; ms: number }
  /** The connection is closed without an answer. */
  | { kind: "drop" }
  /** 201 queued, then `sent` and an `undelivered` (or `failed`) status callback with this ErrorCode. */
  | { kind: "status_failure"; code: number; status?: "undelivered" | "failed" };

export type TTwilioFailScope = "send" | "media" | "any";

/** A webhook the stand-in posted (inbound message or status callback), with our answer. */
export type TTwilioWebhook = {
  id: number;
  kind: "inbound" | "status";
  url: string;
  /** The form body exactly as sent, and its signature. */
  raw: string;
  signature: string;
  idempotencyToken: string;
  status: number | null;
  contentType: string | null;
  response: string;
  error: string | null;
  at: string;
};

export type TTwilioPostResult = {
  status: number | null;
  body: string;
  contentType: string | null;
  error: string | null;
  webhook: TTwilioWebhook;
};
