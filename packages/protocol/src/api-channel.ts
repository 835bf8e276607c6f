import { z } from "zod";
// Its own entry point (@forecourt/protocol/api-channel), so index.ts and this file form no import cycle.
import { MAX_MESSAGE_LENGTH, MAX_SEQ, ZMessageEvent, ZSeqParam } from "./index";

/*
 * The API channel (OEM apps, docs/api-channel.md): the public Client API under
 * /api/v1/client/inboxes/{inboxIdentifier}/…, modelled on Chatwoot's. An app identifies its
 * user with an identifier and an HMAC of it under the channel's secret, gets a contact token,
 * and from then on is a visitor like the widget's: the same token on the gateway's /visitor
 * namespace, the same message events, the same resume by seq. The SDK infers its types here.
 */

/** The public id of an API channel (`in_<customer id hex>_<random>`): it names the inbox, it grants nothing. */
export const ZInboxIdentifier = z.string().regex(/^in_[0-9a-f]{32}_[A-Za-z0-9_-]{6,40}$/, "unknown inbox");

/** Text an app writes: PostgreSQL text cannot hold U+0000. */
const noNul = (v: string) => !v.includes("\u0000");

/** POST …/contacts: identify (create or find) the app's user. */
export const ZClientIdentify = z.object({
  /** The app's own id of its user (account id, e-mail…); unique per channel. */
  identifier: z.string().trim().min(1).max(200).refine(noNul, "must not contain NUL characters"),
  /** Hex HMAC-SHA256 of `identifier` under the channel's secret, computed by the app's backend. */
  identifierHash: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, "must be a hex HMAC-SHA256"),
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
});
export type TClientIdentify = z.input<typeof ZClientIdentify>;

/** What identify answers: the contact token is a bearer for the routes below and for the gateway. */
export const ZClientContactSession = z.object({
  contactId: z.uuid(),
  /** Send as `Authorization: Bearer …` and as the gateway's `auth.token` on /visitor. */
  contactToken: z.string(),
  /** Socket.io server to connect to (namespace NAMESPACES.visitor). */
  gatewayUrl: z.string(),
  /** True when this call created the contact. */
  created: z.boolean(),
});
export type TClientContactSession = z.infer<typeof ZClientContactSession>;

export const ZClientConversation = z.object({
  id: z.uuid(),
  status: z.enum(["OPEN", "PENDING", "SNOOZED", "CLOSED"]),
  lastSeq: z.number().int(),
  /** How far the contact has read, and any agent ("seen"; never who). */
  contactReadSeq: z.number().int(),
  agentReadSeq: z.number().int(),
});
export type TClientConversation = z.infer<typeof ZClientConversation>;

export const ZClientConversationList = z.object({ conversations: z.array(ZClientConversation) });

/** A message the app sends: text with its idempotency key (a resend with the same clientId writes nothing). */
export const ZClientSendText = z.object({
  text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH).refine(noNul, "must not contain NUL characters"),
  clientId: z.string().min(8).max(64),
});
export type TClientSendText = z.input<typeof ZClientSendText>;

/** POST …/conversations: open a conversation, optionally with its first message. */
export const ZClientStartConversation = z.object({
  departmentId: z.uuid().optional(),
  message: ZClientSendText.optional(),
});
export type TClientStartConversation = z.input<typeof ZClientStartConversation>;

/** GET …/messages: `after` (resume: everything after this seq, oldest first) or `before` (history page). */
export const ZClientMessagesQuery = z
  .object({
    after: z.coerce.number().int().min(0).max(MAX_SEQ).optional(),
    before: ZSeqParam.optional(),
  })
  .refine((q) => q.after === undefined || q.before === undefined, "give after or before, not both");

export const ZClientMessagePage = z.object({ messages: z.array(ZMessageEvent) });
export type TClientMessagePage = z.infer<typeof ZClientMessagePage>;

/** The ack of a send (text or file): a duplicate (same clientId) returns the first one's. */
export const ZClientSendResult = z.object({
  id: z.uuid(),
  seq: z.number().int().min(1),
  message: ZMessageEvent,
});
export type TClientSendResult = z.infer<typeof ZClientSendResult>;
