import { z } from "zod";
import { ZConversationSummary, ZMessageEvent, ZSendMessage } from "./index";

/*
 * The public REST API's shapes (/api/v1, docs/api.md), built from the same schemas the app and
 * the real-time protocol use: the OpenAPI document and @forecourt/sdk's types come from these.
 * `.meta({ id })` names them as OpenAPI components.
 */

/** A page of a list: `nextCursor` goes into `?cursor=` for the next page; null on the last page. */
export function ZApiPage<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ data: z.array(item), nextCursor: z.string().nullable() })
    .meta({ id, description: "One page; pass nextCursor as ?cursor= to get the next (null: the last page)." });
}

export const ZApiCursorQuery = z.object({
  cursor: z.string().max(512).optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: "Page size, 1–100" }),
});

export const ZApiConversation = ZConversationSummary.extend({
  /** When a snoozed conversation comes back; null unless snoozed. */
  snoozedUntil: z.iso.datetime().nullable(),
}).meta({ id: "Conversation" });
export type TApiConversation = z.infer<typeof ZApiConversation>;

export const ZApiConversationPage = ZApiPage(ZApiConversation, "ConversationPage");

export const ZApiMessage = ZMessageEvent.meta({ id: "Message" });
export type TApiMessage = z.infer<typeof ZApiMessage>;

export const ZApiMessagePage = ZApiPage(ZApiMessage, "MessagePage");

/** Sending through the API: the conversation comes from the path; clientId from the body or the Idempotency-Key. */
export const ZApiSendMessage = ZSendMessage.pick({ body: true, kind: true })
  .extend({
    clientId: ZSendMessage.shape.clientId.optional().meta({
      description: "Your id for this message (8–64 characters): a resend with the same clientId is not sent twice.",
    }),
    /** Write as this teammate (an active member who works for the conversation's dealer); else as the bot. */
    asUserId: z.uuid().optional(),
  })
  .meta({ id: "SendMessage" });
export type TApiSendMessage = z.input<typeof ZApiSendMessage>;

export const ZApiSentMessage = z
  .object({ message: ZApiMessage, duplicate: z.boolean() })
  .meta({ id: "SentMessage", description: "duplicate: a message with this clientId existed; nothing was sent again." });

export const ZApiError = z
  .object({
    code: z.string().meta({ description: "Stable error code (docs/errors.md)" }),
    error: z.string().meta({ description: "Human-readable message" }),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Error" });
