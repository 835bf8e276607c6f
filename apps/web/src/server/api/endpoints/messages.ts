import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { ZApiCursorQuery, ZApiMessagePage, ZApiSendMessage, ZApiSentMessage } from "@forecourt/protocol/api";
import { decodeCursor, encodeCursor } from "../cursor";
import { defineApiEndpoint } from "../endpoint";

const ZConversationParams = z.object({ conversationId: z.uuid() });
const ZMessageCursor = z.object({ beforeSeq: z.number().int().min(1) });

export const listMessagesEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/conversations/{conversationId}/messages",
    operationId: "listMessages",
    summary: "List a conversation's messages",
    description: "Newest page first; each page is oldest first. Private notes are included (kind NOTE).",
    tag: "Messages",
    permission: "inbox.view",
    params: ZConversationParams,
    query: ZApiCursorQuery,
    response: ZApiMessagePage,
  },
  async ({ principal, params, query }) => {
    const position = decodeCursor(ZMessageCursor, query.cursor);
    const rows = await listMessagesBefore({
      reader: { agent: principal },
      conversationId: params.conversationId,
      beforeSeq: position?.beforeSeq,
      take: query.limit + 1,
    });
    // Oldest first: the extra row (if any) is the first one.
    const more = rows.length > query.limit;
    const page = more ? rows.slice(1) : rows;
    const first = page[0];
    return { data: page, nextCursor: more && first ? encodeCursor({ beforeSeq: first.seq }) : null };
  },
);

/** The clientId of a send: the body's, else one derived from the Idempotency-Key, else a fresh one. */
function clientIdOf(given: string | undefined, idempotencyKey: string | null | undefined): string {
  if (given) return given;
  if (idempotencyKey) return `idem-${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40)}`;
  return randomUUID();
}

export const sendMessageEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/conversations/{conversationId}/messages",
    operationId: "sendMessage",
    summary: "Send a message",
    description:
      "As the bot, or as a teammate (asUserId). Idempotent by clientId or the Idempotency-Key header. " +
      "On WhatsApp, Messenger, SMS, e-mail and Telegram it is delivered by the worker; follow message.delivery.",
    tag: "Messages",
    permission: "conversations.reply",
    params: ZConversationParams,
    body: ZApiSendMessage,
    response: ZApiSentMessage,
    status: 201,
  },
  async ({ principal, params, body, meta }) => {
    const result = await sendMessage({
      sender: { agent: principal, asUserId: body.asUserId },
      input: {
        conversationId: params.conversationId,
        clientId: clientIdOf(body.clientId, meta.idempotencyKey),
        body: body.body,
        kind: body.kind,
      },
    });
    return { message: result.event, duplicate: result.duplicate };
  },
);
