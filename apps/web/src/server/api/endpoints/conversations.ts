import { z } from "zod";
import { createConversation, ZCreateConversation } from "@forecourt/core/chat/create-conversation";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { listConversations, ZListConversations } from "@forecourt/core/chat/list-conversations";
import { ZChannelType } from "@forecourt/protocol";
import {
  ZApiConversationDetail,
  ZApiConversationPage,
  ZApiCreatedConversation,
  ZApiCursorQuery,
} from "@forecourt/protocol/api";
import { decodeCursor, encodeCursor } from "../cursor";
import { defineApiEndpoint } from "../endpoint";

/** Keyset of the last row: its lastMessageAt and id (tie-safe; a cursor without id is from before: still accepted). */
const ZConversationCursor = z.object({ before: z.iso.datetime(), id: z.uuid().optional() });

export const listConversationsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/conversations",
    operationId: "listConversations",
    summary: "List conversations",
    description:
      "Newest activity first, within the key's dealers. Filter by status view, dealer, department, assignee or channel.",
    tag: "Conversations",
    permission: "inbox.view",
    query: ZApiCursorQuery.extend({
      status: z.enum(["open", "unassigned", "snoozed", "closed"]).default("open"),
      dealerId: ZListConversations.shape.dealerId,
      departmentId: ZListConversations.shape.departmentId,
      assigneeId: ZListConversations.shape.assigneeId,
      channelType: ZChannelType.optional(),
    }),
    response: ZApiConversationPage,
  },
  async ({ principal, query }) => {
    const position = decodeCursor(ZConversationCursor, query.cursor);
    const rows = await listConversations({
      agent: principal,
      input: {
        view: query.status,
        dealerId: query.dealerId,
        departmentId: query.departmentId,
        assigneeId: query.assigneeId,
        channelType: query.channelType,
        before: position?.before,
        beforeId: position?.id,
        take: query.limit + 1,
      },
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map(({ unread: _unread, contactEmail: _email, ...row }) => row),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ before: last.lastMessageAt, id: last.id }) : null,
    };
  },
);

const ZConversationParams = z.object({ conversationId: z.uuid() });

export const getConversationEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/conversations/{conversationId}",
    operationId: "getConversation",
    summary: "Get a conversation",
    description:
      "With its contact (legal-basis record, opt-outs, vehicles), dealer, department, channel and reply window.",
    tag: "Conversations",
    permission: "inbox.view",
    params: ZConversationParams,
    response: ZApiConversationDetail,
  },
  ({ principal, params }) => getConversation({ agent: principal, conversationId: params.conversationId }),
);

export const createConversationEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/conversations",
    operationId: "createConversation",
    summary: "Open a conversation",
    description:
      "On one of your channels (in the key's dealers; the conversation belongs to the channel's dealer), for an " +
      "existing contact (contactId) or a new one (contact, with its legal basis; needs contacts:write too). If the " +
      "contact already has a conversation on that channel that is not closed, that one is returned (created: false). " +
      "Messages you then send are delivered the channel's way (docs/api-endpoints.md#create-a-conversation).",
    tag: "Conversations",
    permission: "conversations.manage",
    body: ZCreateConversation,
    response: ZApiCreatedConversation,
    status: 201,
  },
  async ({ principal, body }) => {
    const { conversationId, created } = await createConversation({ actor: principal, input: body });
    return { conversation: await getConversation({ agent: principal, conversationId }), created };
  },
);
