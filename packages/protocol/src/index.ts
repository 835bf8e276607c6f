/**
 * The live-chat protocol (DESIGN.md "Real-time protocol"): Socket.io event names and zod
 * schemas shared by the gateway, the agent inbox, the widget and the SDK. Every payload a
 * client sends is parsed with these schemas at the gateway; nothing else is trusted.
 *
 * Namespaces: /agent (auth: short-lived token from the web app) and /visitor (auth: widget
 * session token). Rooms (server-side only): `conv:<id>:agents`, `conv:<id>:visitor`,
 * `dealer:<id>` (inbox scope), `tenant:<customerId>`, `user:<id>`, `session:<id>`.
 */
import { z } from "zod";
import { ZLeadData, ZLeadFormFields, ZLeadFormKind } from "./leads";
import { STOCK_WIDGET_TEXTS, WIDGET_LANGUAGES } from "./widget-text";

export const MAX_MESSAGE_LENGTH = 5000;

/**
 * A message seq from a client. Seqs are PostgreSQL `integer`s, so anything above 2^31 - 1 is
 * refused here (400 / invalid_payload) instead of failing in the database.
 */
export const MAX_SEQ = 2 ** 31 - 1;
/** A seq in a query string (`?before=`): a number, 1 … MAX_SEQ. */
export const ZSeqParam = z.coerce.number().int().min(1).max(MAX_SEQ);
/** Text a client sends: PostgreSQL text cannot hold U+0000, so it is refused with a message. */
const noNul = (v: string) => !v.includes("\u0000");
const NO_NUL = "must not contain NUL characters (\\u0000)";

// ── client → server ────────────────────────────────────────────────────────────────────────

/** Send a message. `clientId` is the idempotency key: a resend returns the same ack. */
export const ZSendMessage = z.object({
  conversationId: z.uuid(),
  clientId: z.string().min(8).max(64),
  body: z.string().trim().max(MAX_MESSAGE_LENGTH).refine(noNul, NO_NUL).default(""),
  /** NOTE is agent-only and never reaches the visitor. */
  kind: z.enum(["TEXT", "NOTE"]).default("TEXT"),
  /** Attachments uploaded beforehand over HTTP. */
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export type TSendMessage = z.input<typeof ZSendMessage>;

/** After (re)connect: the last seq the client holds per conversation; the server replays the rest. */
export const ZSync = z.object({
  conversations: z
    .array(z.object({ conversationId: z.uuid(), afterSeq: z.number().int().min(0).max(MAX_SEQ) }))
    .max(500),
});
export type TSync = z.input<typeof ZSync>;

export const ZTyping = z.object({ conversationId: z.uuid(), typing: z.boolean() });
export const ZMarkRead = z.object({ conversationId: z.uuid(), seq: z.number().int().min(0).max(MAX_SEQ) });
/** Agents: open a conversation (join its room). Refused unless the membership's scope allows it. */
export const ZJoinConversation = z.object({ conversationId: z.uuid() });

// ── server → client ────────────────────────────────────────────────────────────────────────

export const ZAck = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), id: z.uuid(), seq: z.number().int().min(1) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type TAck = z.infer<typeof ZAck>;

export const ZAttachmentRef = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  /** A download URL (served with Content-Disposition: attachment). */
  url: z.string(),
});

/** The channels a conversation can come through (Channel.type). */
export const CHANNEL_TYPES = ["WIDGET", "WHATSAPP", "MESSENGER", "EMAIL", "TWILIO_SMS", "API", "TELEGRAM"] as const;
export const ZChannelType = z.enum(CHANNEL_TYPES);
export type TChannelType = z.infer<typeof ZChannelType>;

/** A conversation's priority (set by an agent or a routing rule). */
export const ZConversationPriority = z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]);
export type TConversationPriority = z.infer<typeof ZConversationPriority>;

/**
 * Structured content of a channel message (Message.data), shown readably in the inbox. Every
 * string in it came from outside: render it escaped, never as HTML.
 */
/** What wrote an automated message. */
export const ZAutomationSource = z.enum(["away", "greeting", "faq", "routing", "bot", "closing"]);
export type TAutomationSource = z.infer<typeof ZAutomationSource>;

export const ZMessageContent = z.discriminatedUnion("type", [
  /** An agent sent a lead form (docs/leads.md): the widget shows it as a form to fill in. */
  z.object({
    type: z.literal("form_request"),
    formId: z.uuid(),
    kind: ZLeadFormKind,
    name: z.string().max(100),
    fields: ZLeadFormFields,
  }),
  /** A visitor's answers to a form (kind FORM): the lead. */
  z.object({
    type: z.literal("form_result"),
    formId: z.uuid().nullable(),
    requestMessageId: z.uuid(),
    kind: ZLeadFormKind,
    leadId: z.uuid(),
    ...ZLeadData.shape,
  }),
  z.object({
    type: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(500).optional(),
    address: z.string().max(1000).optional(),
  }),
  z.object({
    type: z.literal("contacts"),
    contacts: z
      .array(
        z.object({
          name: z.string().max(500),
          phones: z.array(z.string().max(100)).max(20),
          emails: z.array(z.string().max(320)).max(20),
        }),
      )
      .max(20),
  }),
  /** A tap on a button or list row the business sent (WhatsApp interactive, Messenger quick reply). */
  z.object({ type: z.literal("reply"), id: z.string().max(256), title: z.string().max(1000) }),
  z.object({
    type: z.literal("reaction"),
    emoji: z.string().max(32),
    /** The external id of the message reacted to, and ours when we know it. */
    toExternalId: z.string().max(256),
    toMessageId: z.uuid().nullable(),
  }),
  /**
   * The customer edited an earlier message (Telegram edited_message): the body is the new text;
   * the original stays as it was, and is linked when we have it.
   */
  z.object({
    type: z.literal("edit"),
    toExternalId: z.string().max(256),
    toMessageId: z.uuid().nullable(),
  }),
  /** Media from a channel: "pending" until the worker has downloaded and checked it, then "stored" (see attachments) or "failed". */
  z.object({
    type: z.literal("media"),
    mediaKind: z.enum(["image", "audio", "voice", "video", "document", "sticker", "file"]),
    state: z.enum(["pending", "stored", "failed"]),
    reason: z.string().max(500).optional(),
  }),
  /** An approved WhatsApp template, with its variables filled. */
  z.object({
    type: z.literal("template"),
    name: z.string().max(512),
    language: z.string().max(20),
    variables: z.array(z.string().max(1024)).max(20),
  }),
  /** A message type we cannot show (the body says what it was). */
  z.object({ type: z.literal("unsupported"), originalType: z.string().max(64) }),
  /**
   * Written by the platform, not a person (authorType BOT): an away message, a greeting, a
   * keyword answer, a routing rule's auto-reply or a bot. `name` is what the agent sees as author.
   */
  z.object({
    type: z.literal("automated"),
    source: ZAutomationSource,
    name: z.string().max(200),
    /** The rule, bot or setting that wrote it. */
    sourceId: z.string().max(100).nullable(),
  }),
  /**
   * An e-mail (inbound; our replies are plain text). The body holds what the sender wrote now;
   * `folded` the quoted earlier mail and signature (the inbox folds it away). The HTML is never
   * here: the inbox asks for it sanitised (GET /api/inbox/messages/<id>/email) when `hasHtml`.
   */
  z.object({
    type: z.literal("email"),
    subject: z.string().max(500),
    from: z.object({ name: z.string().max(300).nullable(), address: z.string().max(320) }),
    to: z.array(z.string().max(320)).max(100),
    cc: z.array(z.string().max(320)).max(100),
    folded: z.string().max(100_000),
    /** The mail's References (Message-IDs, oldest first): our reply's References start with them. */
    references: z.array(z.string().max(1000)).max(50).default([]),
    hasHtml: z.boolean(),
    /** SPF / DKIM / DMARC as checked on arrival; flagged: the sender's domain says it did not send it. */
    auth: z
      .object({
        spf: z.string().max(20),
        dkim: z.string().max(20),
        dmarc: z.string().max(20),
        flagged: z.boolean(),
      })
      .nullable(),
    /** Files the mail carried that we did not keep (type not allowed, too large), with the reason. */
    refused: z.array(z.object({ fileName: z.string().max(300), reason: z.string().max(200) })).max(50),
  }),
]);
export type TMessageContent = z.infer<typeof ZMessageContent>;

export const DELIVERY_STATUSES = ["QUEUED", "SENT", "DELIVERED", "READ", "PLAYED", "FAILED"] as const;
export const ZDeliveryStatus = z.enum(DELIVERY_STATUSES);
export type TDeliveryStatus = z.infer<typeof ZDeliveryStatus>;

/** Where an outbound channel message is (ticks in the inbox); null for widget messages and inbound ones. */
export const ZDelivery = z.object({
  status: ZDeliveryStatus,
  /** Why it failed, in words an agent understands; `retryable` says whether "Retry" may help. */
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }).nullable(),
  at: z.iso.datetime().nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;

/**
 * Whether an agent may write free text on this conversation's channel now. "open": yes, until
 * closesAt; "human_agent": only a person, with Messenger's HUMAN_AGENT tag, until closesAt;
 * "closed": only an approved template (WhatsApp) or nothing (Messenger); "always": no window
 * (website chat, e-mail…).
 */
export const ZReplyWindow = z.object({
  state: z.enum(["always", "open", "human_agent", "closed"]),
  closesAt: z.iso.datetime().nullable(),
  /** Templates can be sent when the window is closed (WhatsApp). */
  templates: z.boolean(),
});
export type TReplyWindow = z.infer<typeof ZReplyWindow>;

export const ZMessageEvent = z.object({
  conversationId: z.uuid(),
  id: z.uuid(),
  seq: z.number().int().min(1),
  clientId: z.string(),
  authorType: z.enum(["CONTACT", "AGENT", "MANAGED_AGENT", "BOT", "SYSTEM"]),
  /** Who wrote it, as the recipient may see it (managed agents are shown as the provider's). */
  author: z.object({ name: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  kind: z.enum(["TEXT", "ATTACHMENT", "NOTE", "EVENT", "FORM"]),
  /** Plain text. Render escaped; never as HTML. */
  body: z.string(),
  attachments: z.array(ZAttachmentRef),
  /** Channel content beyond text (location, contact cards, reactions, media state, template). */
  content: ZMessageContent.nullable(),
  /** Delivery to the customer's channel (outbound WhatsApp/Messenger messages); null otherwise. */
  delivery: ZDelivery.nullable(),
  createdAt: z.iso.datetime(),
});
export type TMessageEvent = z.infer<typeof ZMessageEvent>;

/** An inbox row: sent to the dealer room whenever a conversation changes. */
export const ZConversationSummary = z.object({
  id: z.uuid(),
  dealerId: z.uuid(),
  departmentId: z.uuid().nullable(),
  channelType: ZChannelType,
  status: z.enum(["OPEN", "PENDING", "SNOOZED", "CLOSED"]),
  assigneeId: z.uuid().nullable(),
  contact: z.object({ id: z.uuid(), name: z.string().nullable() }),
  lastSeq: z.number().int(),
  lastMessageAt: z.iso.datetime(),
  /** The start of the last visitor-visible message, plain text. */
  preview: z.string(),
});
export type TConversationSummary = z.infer<typeof ZConversationSummary>;

export const ZTypingEvent = z.object({
  conversationId: z.uuid(),
  from: z.enum(["contact", "agent"]),
  name: z.string().nullable(),
  typing: z.boolean(),
});
export const ZReadEvent = z.object({
  conversationId: z.uuid(),
  seq: z.number().int(),
  by: z.enum(["contact", "agent"]),
});

export const EVENTS = {
  /** client → server */
  send: "message:send",
  sync: "sync",
  typing: "typing",
  read: "read",
  join: "conversation:join",
  leave: "conversation:leave",
  /** server → client */
  message: "message",
  conversation: "conversation",
  /** A message changed after it was sent: its delivery status, or its media finished downloading. Replace by id. */
  messageUpdate: "message:update",
  typingEvent: "typing",
  readEvent: "read",
  /** The session was revoked or the customer suspended; the server disconnects next. */
  revoked: "session:revoked",
} as const;

/** Error codes in acks and HTTP errors. */
export const ERROR_CODES = [
  // The one vocabulary of packages/core/src/errors.ts (docs/errors.md); acks carry the same codes as HTTP.
  "invalid_input",
  "unauthenticated",
  "not_found",
  "forbidden",
  "rate_limited",
  "conversation_closed",
  "channel_disabled",
  "read_only",
  /** The server could not handle it now (e.g. the database is busy): resend later, same clientId. */
  "unavailable",
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

// ── rooms (server-side names; clients never choose a room) ────────────────────────────────────

export const ROOMS = {
  /** Agents who opened the conversation: every message, notes included. */
  convAgents: (conversationId: string) => `conv:${conversationId}:agents`,
  /** The visitor's sockets: visitor-visible messages only (never notes). */
  convVisitor: (conversationId: string) => `conv:${conversationId}:visitor`,
  /** Inbox scope: conversation summaries of one dealer. */
  dealer: (dealerId: string) => `dealer:${dealerId}`,
  tenant: (customerId: string) => `tenant:${customerId}`,
  user: (userId: string) => `user:${userId}`,
  /** Every socket of one sign-in session (revocation disconnects this room). */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;

export const NAMESPACES = { agent: "/agent", visitor: "/visitor" } as const;

/** Replay reply to `sync`: missed messages per conversation, oldest first. */
export const ZSyncResult = z.object({
  ok: z.literal(true),
  messages: z.array(ZMessageEvent),
});

// ── widget settings (Channel.config for type WIDGET) ──────────────────────────────────────────

export const ZFieldMode = z.enum(["off", "optional", "required"]);
export type TFieldMode = z.infer<typeof ZFieldMode>;

export const ZLegalBasis = z.enum([
  "CONSENT",
  "CONTRACT",
  "LEGAL_OBLIGATION",
  "VITAL_INTERESTS",
  "PUBLIC_TASK",
  "LEGITIMATE_INTERESTS",
]);

const ZHexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1f6feb");

/** An origin like https://www.dealer.example (scheme, host, optional port; nothing else). */
export const ZOrigin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, "must be an origin like https://www.dealer.example");

export { WIDGET_LANGUAGES };
export const ZWidgetLanguage = z.enum(WIDGET_LANGUAGES);
export type TWidgetLanguage = z.infer<typeof ZWidgetLanguage>;

/** A widget text per language; a language left out (or empty) falls back (widget-text.ts). */
const localisedWidgetText = (max: number) => z.partialRecord(ZWidgetLanguage, z.string().trim().max(max)).default({});
/** A department's name for visitors in each widget language (Department.visitorNames). */
export const ZLocalisedNames = localisedWidgetText(120);
export type TLocalisedNames = z.infer<typeof ZLocalisedNames>;
export const ZWidgetTexts = z
  .object({
    greeting: localisedWidgetText(280),
    consentText: localisedWidgetText(1000),
    offlineText: localisedWidgetText(500),
  })
  .default({ greeting: {}, consentText: {}, offlineText: {} });
export type TWidgetTexts = z.infer<typeof ZWidgetTexts>;

export const ZWidgetConfig = z.object({
  /** "auto": the visitor's browser language (or the host page's setLocale); else always this one. */
  language: z.enum(["auto", ...WIDGET_LANGUAGES]).default("auto"),
  /** The greeting, consent and offline texts per language; the single fields below are older. */
  texts: ZWidgetTexts,
  primaryColour: ZHexColour.default("#1f6feb"),
  textColour: ZHexColour.default("#ffffff"),
  greeting: z.string().trim().max(280).default(STOCK_WIDGET_TEXTS.greeting),
  dealerName: z.string().trim().max(80).default(""),
  logoUrl: z.union([z.url(), z.literal("")]).default(""),
  allowedOrigins: z.array(ZOrigin).max(50).default([]),
  preChat: z
    .object({
      name: ZFieldMode.default("required"),
      email: ZFieldMode.default("optional"),
      phone: ZFieldMode.default("off"),
    })
    .default({ name: "required", email: "optional", phone: "off" }),
  consentText: z.string().trim().max(1000).default(STOCK_WIDGET_TEXTS.consentText),
  /** Recorded on the contact when the visitor starts a chat (RULES.md §6, T 7.1). */
  legalBasis: ZLegalBasis.default("CONSENT"),
  /** Ask the visitor to choose a department (the dealer's departments). */
  askDepartment: z.boolean().default(true),
  offlineText: z.string().trim().max(500).default(STOCK_WIDGET_TEXTS.offlineText),
});
export type TWidgetConfig = z.infer<typeof ZWidgetConfig>;

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time like 09:00");
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** Opening hours per weekday (dealer's time zone); a missing day is closed; `{}` = always open. */
export const ZBusinessHours = z.partialRecord(z.enum(WEEKDAYS), z.array(z.tuple([ZTime, ZTime])).max(4));
export type TBusinessHours = z.infer<typeof ZBusinessHours>;
/** The IANA time zones this runtime knows (the list the settings screens offer). */
export function timeZoneList(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}
/** An IANA time zone the runtime can compute with ("Europe/Amsterdam"), never free text. */
export const ZTimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return zone.includes("/") || zone === "UTC";
    } catch {
      return false;
    }
  },
  { message: "Choose a time zone from the list" },
);
/** Days closed all day in the dealer's time zone (public holidays, a stock-take). */
export const ZHolidays = z.array(z.object({ date: z.iso.date(), name: z.string().trim().max(80).default("") })).max(60);
export type THolidays = z.infer<typeof ZHolidays>;

/** What the widget loader and app receive (public; no secrets). */
export const ZPublicWidget = z.object({
  channelId: z.uuid(),
  dealerName: z.string(),
  config: ZWidgetConfig,
  open: z.boolean(),
  /** The dealer's departments: `name` for any language, `names` in the ones the dealer wrote. */
  departments: z.array(z.object({ id: z.uuid(), name: z.string(), names: ZLocalisedNames })),
});
export type TPublicWidget = z.infer<typeof ZPublicWidget>;

/** The widget's pre-chat (or offline) form. */
export const ZStartConversation = z.object({
  key: z.string().min(10).max(120),
  /** The embedding page's origin, as the iframe sees it. */
  origin: z.string().max(200),
  name: z.string().trim().max(120).optional(),
  email: z.union([z.email().max(200), z.literal("")]).optional(),
  phone: z
    .union([
      z
        .string()
        .trim()
        .regex(/^[+0-9 ()-]{6,30}$/, "must be a phone number"),
      z.literal(""),
    ])
    .optional(),
  consent: z.boolean(),
  departmentId: z.uuid().optional(),
  /** Outside business hours: the visitor's message (the offline form). */
  offlineMessage: z.string().trim().max(MAX_MESSAGE_LENGTH).optional(),
});
export type TStartConversation = z.input<typeof ZStartConversation>;

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Files we accept and keep (checked by size, declared type and magic bytes): pictures, PDFs, and
 * since WhatsApp and Messenger, voice notes, audio and video clips.
 */
export const ATTACHMENT_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "audio/ogg",
  "audio/webm",
  "audio/mpeg",
  "audio/mp4",
  "audio/aac",
  "audio/amr",
  "video/mp4",
  "video/webm",
] as const;

export { smsSegments, type TSmsEncoding, type TSmsSegments } from "./sms-segments";
export * from "./canned-replies";
export * from "./widget-api";
export * from "./webhooks";
export * from "./leads";
