/*
 * The Meta Graph stand-in's vocabulary: the accounts it knows, what it records, and the failures
 * it can be told to inject. Field names follow Meta's where they mirror a Meta object.
 */

export type TTemplateComponent = { type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS"; text?: string; format?: string };

/** A message template as `GET /{waba-id}/message_templates` lists it. */
export type TGraphTemplate = {
  id: string;
  name: string;
  language: string;
  category: "UTILITY" | "MARKETING" | "AUTHENTICATION";
  status: "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED";
  components: TTemplateComponent[];
};

/** A WhatsApp Business phone number (and its WABA) connected to one Meta app. */
export type TWhatsAppAccount = {
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  /** The Meta app's secret: signs the webhooks posted for this number. */
  appSecret: string;
  /** Where this number's webhooks go (our /api/hooks/meta); null posts nothing. */
  webhookUrl: string | null;
  /** As Meta puts it in `metadata.display_phone_number`: digits only. */
  displayPhoneNumber: string;
  /** As people write it (+31 20 555 0101), for the simulator page. */
  formattedPhoneNumber: string;
  /** For the simulator page (the dealer's name). */
  label: string;
  /** Templates of the WABA; default: a few realistic dealer templates (en, nl, de; one PENDING). */
  templates: TGraphTemplate[];
};

/** A Facebook page connected to one Meta app. */
export type TMessengerPage = {
  pageId: string;
  pageAccessToken: string;
  appSecret: string;
  webhookUrl: string | null;
  pageName: string;
  label: string;
};

export type TWhatsAppAccountInput = Omit<
  TWhatsAppAccount,
  "templates" | "label" | "displayPhoneNumber" | "formattedPhoneNumber"
> &
  Partial<Pick<TWhatsAppAccount, "templates" | "label" | "displayPhoneNumber">>;
export type TMessengerPageInput = Omit<TMessengerPage, "pageName" | "label"> &
  Partial<Pick<TMessengerPage, "pageName" | "label">>;

export type TChannelKind = "whatsapp" | "messenger";

/** The last delivery state the stand-in reported for a message it accepted. */
export type TSentStatus = "accepted" | "sent" | "delivered" | "read" | "played" | "failed";

/** A stored file: uploaded by a business, sent by a customer, or fetched from a Messenger attachment URL. */
export type TStoredMedia = {
  id: string;
  bytes: Buffer;
  mimeType: string;
  /** Hex SHA-256 (what `GET /{media-id}` answers). */
  sha256: string;
  fileName: string | null;
  channel: TChannelKind;
  /** phone number id or page id. */
  accountId: string;
  createdAt: number;
};

/** Every send the stand-in accepted (`sent()` and `GET /__control/sent`). */
export type TSentMessage = {
  /** wamid.… (WhatsApp) or m_… (Messenger). */
  id: string;
  channel: TChannelKind;
  /** phone number id or page id. */
  accountId: string;
  /** The recipient as addressed: phone number, BSUID or PSID. */
  to: string;
  /** text, image, audio, video, document, sticker, template, location… (Messenger: text, image, audio, video, file). */
  type: string;
  /** The request body as received (JSON). */
  payload: Record<string, unknown>;
  /** What the customer reads: the text, the caption, or the template body with its variables filled. */
  text: string | null;
  media: { id: string; mimeType: string; fileName: string | null; size: number } | null;
  /** Messenger: the tag (HUMAN_AGENT) when sent as MESSAGE_TAG. */
  tag: string | null;
  at: string;
  status: TSentStatus;
};

/** Which requests a failure rule applies to. */
export type TFailScope = "send" | "upload" | "media" | "templates" | "any";

/**
 * What to do instead of answering normally.
 * - `server_error`: HTTP 500 (or `status`) with a Graph error (code 2, "Service temporarily unavailable").
 * - `rate_limit`: HTTP 429 with a throttling code (default 130429 for WhatsApp, 613 for Messenger).
 * - `graph_error`: a given Graph error code (e.g. 131047, 131053, 190), HTTP 400 unless `status`.
 * - `hang`: hold the request for `ms`, then drop the connection without recording anything
 *   (or, with `thenProcess`, answer normally after all: the send happened although the caller
 *   may have given up).
 * - `drop`: close the connection at once without an answer (a network error).
 * - `status_failure` (sends only): accept with 200 and a wamid, then post a `failed` status
 *   webhook with this error (how Meta reports most delivery problems, 131047 included).
 */
export type TFailure =
  | { kind: "server_error"; status?: number }
  | { kind: "rate_limit"; code?: number }
  | { kind: "graph_error"; code: number; subcode?: number; status?: number; message?: string; details?: string }
  | { kind: "hang"; ms: number; thenProcess?: boolean }
  | { kind: "drop" }
  | { kind: "status_failure"; code: number; title?: string; details?: string };

export type TFailRule = {
  failure: TFailure;
  on: TFailScope;
  /** How many more matching requests fail. */
  remaining: number;
  /** Only requests for this phone number id / page id (default: any). */
  accountId: string | null;
};

/** A webhook the stand-in posted to us, with our answer. */
export type TWebhookDelivery = {
  id: number;
  url: string;
  /** The exact bytes posted (a redelivery posts them again, same signature). */
  raw: string;
  signature: string;
  status: number | null;
  response: string;
  error: string | null;
  at: string;
};
