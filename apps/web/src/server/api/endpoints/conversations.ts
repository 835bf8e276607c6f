import { z } from "zod";
import { listConversations, ZListConversations } from "@forecourt/core/chat/list-conversations";
import { ZChannelType } from "@forecourt/protocol";
import { ZApiConversationPage, ZApiCursorQuery } from "@forecourt/protocol/api";
import { decodeCursor, encodeCursor } from "../cursor";
import { defineApiEndpoint } from "../endpoint";

const ZConversationCursor = z.object({ before: z.iso.datetime() });

export const listConversationsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/conversations",
    operationId: "listConversations",
    summary: "List conversations",
    description:
      "Newest activity first, within the key's dealers. Filter by status view, dealer, department or channel.",
    tag: "Conversations",
    permission: "inbox.view",
    query: ZApiCursorQuery.extend({
      status: z.enum(["open", "unassigned", "snoozed", "closed"]).default("open"),
      dealerId: ZListConversations.shape.dealerId,
      departmentId: ZListConversations.shape.departmentId,
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
        channelType: query.channelType,
        before: position?.before,
        take: query.limit + 1,
      },
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map(({ unread: _unread, contactEmail: _email, ...row }) => row),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ before: last.lastMessageAt }) : null,
    };
  },
);
