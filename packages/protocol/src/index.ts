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

export const MAX_MESSAGE_LENGTH = 5000;

// ── client → server ────────────────────────────────────────────────────────────────────────

/** Send a message. `clientId` is the idempotency key: a resend returns the same ack. */
export const ZSendMessage = z.object({
  conversationId: z.uuid(),
  clientId: z.string().min(8).max(64),
  body: z.string().trim().max(MAX_MESSAGE_LENGTH).default(""),
  /** NOTE is agent-only and never reaches the visitor. */
  kind: z.enum(["TEXT", "NOTE"]).default("TEXT"),
  /** Attachments uploaded beforehand over HTTP. */
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export type TSendMessage = z.input<typeof ZSendMessage>;

/** After (re)connect: the last seq the client holds per conversation; the server replays the rest. */
export const ZSync = z.object({
  conversations: z.array(z.object({ conversationId: z.uuid(), afterSeq: z.number().int().min(0) })).max(500),
});
export type TSync = z.input<typeof ZSync>;

export const ZTyping = z.object({ conversationId: z.uuid(), typing: z.boolean() });
export const ZMarkRead = z.object({ conversationId: z.uuid(), seq: z.number().int().min(0) });
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
  createdAt: z.iso.datetime(),
});
export type TMessageEvent = z.infer<typeof ZMessageEvent>;

/** An inbox row: sent to the dealer room whenever a conversation changes. */
export const ZConversationSummary = z.object({
  id: z.uuid(),
  dealerId: z.uuid(),
  departmentId: z.uuid().nullable(),
  channelType: z.enum(["WIDGET", "WHATSAPP", "MESSENGER", "EMAIL", "TWILIO_SMS", "API"]),
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
  typingEvent: "typing",
  readEvent: "read",
  /** The session was revoked or the customer suspended; the server disconnects next. */
  revoked: "session:revoked",
} as const;

/** Error codes in acks and HTTP errors. */
export const ERROR_CODES = [
  "invalid_payload",
  "not_found",
  "forbidden",
  "rate_limited",
  "conversation_closed",
  "channel_disabled",
  "read_only",
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];
