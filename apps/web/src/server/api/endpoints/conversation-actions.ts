import { z } from "zod";
import { assignConversation } from "@forecourt/core/chat/assign-conversation";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { setConversationStatus } from "@forecourt/core/chat/set-conversation-status";
import { handOffConversation } from "@forecourt/core/bots/hand-off-conversation";
import { ZApiConversationDetail } from "@forecourt/protocol/api";
import { defineApiEndpoint } from "../endpoint";

/*
 * What an agent does to a conversation, through the API: assign, transfer, close, reopen. Each
 * answers with the conversation as it is afterwards (the same shape as GET).
 */

const ZConversationParams = z.object({ conversationId: z.uuid() });

export const ZApiAssign = z
  .object({ assigneeId: z.uuid().nullable().meta({ description: "A teammate of the dealer; null unassigns" }) })
  .meta({ id: "AssignConversation" });

export const ZApiTransfer = z
  .object({
    departmentId: z.uuid().nullable().optional().meta({ description: "A department of the dealer; null: none" }),
    assigneeId: z.uuid().nullable().optional().meta({ description: "A teammate of the dealer; null unassigns" }),
  })
  .refine((t) => t.departmentId !== undefined || t.assigneeId !== undefined, {
    message: "Give departmentId and/or assigneeId",
    path: ["departmentId"],
  })
  .meta({ id: "TransferConversation" });

export const assignConversationEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/conversations/{conversationId}/assign",
    operationId: "assignConversation",
    summary: "Assign a conversation",
    description: "To an active teammate who works for the conversation's dealer, or unassign (null).",
    tag: "Conversations",
    permission: "conversations.assign",
    params: ZConversationParams,
    body: ZApiAssign,
    response: ZApiConversationDetail,
  },
  async ({ principal, params, body }) => {
    await assignConversation({
      agent: principal,
      input: { conversationId: params.conversationId, assigneeId: body.assigneeId },
    });
    return getConversation({ agent: principal, conversationId: params.conversationId });
  },
);

export const transferConversationEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/conversations/{conversationId}/transfer",
    operationId: "transferConversation",
    summary: "Transfer a conversation",
    description: "To another department of the same dealer and/or another teammate.",
    tag: "Conversations",
    permission: "conversations.assign",
    params: ZConversationParams,
    body: ZApiTransfer,
    response: ZApiConversationDetail,
  },
  async ({ principal, params, body }) => {
    await assignConversation({ agent: principal, input: { conversationId: params.conversationId, ...body } });
    return getConversation({ agent: principal, conversationId: params.conversationId });
  },
);

function statusEndpoint(action: "close" | "reopen") {
  return defineApiEndpoint(
    {
      method: "POST",
      path: `/conversations/{conversationId}/${action}`,
      operationId: `${action}Conversation`,
      summary: action === "close" ? "Close a conversation" : "Reopen a conversation",
      description:
        action === "close"
          ? "Closing twice is harmless. The customer writing again reopens it."
          : "Open again (also a snoozed one: it stops snoozing).",
      tag: "Conversations",
      permission: "conversations.manage",
      params: ZConversationParams,
      response: ZApiConversationDetail,
    },
    async ({ principal, params }) => {
      await setConversationStatus({ agent: principal, input: { conversationId: params.conversationId, action } });
      return getConversation({ agent: principal, conversationId: params.conversationId });
    },
  );
}

export const ZApiHandOff = z
  .object({
    departmentId: z.uuid().optional().meta({ description: "A department of the dealer the person should come from" }),
    reason: z.string().trim().max(200).optional().meta({ description: "Why, shown in the conversation's activity" }),
  })
  .meta({ id: "HandOffConversation" });

export const handOffConversationEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/conversations/{conversationId}/handoff",
    operationId: "handOffConversation",
    summary: "Hand a conversation from its bot to a person",
    description:
      "For webhook bots: the bot lets go of the conversation and the dealer's routing rules find a person (in the department given). 422 `no_bot` when no bot holds it.",
    tag: "Conversations",
    permission: "conversations.assign",
    params: ZConversationParams,
    body: ZApiHandOff,
    response: ZApiConversationDetail,
  },
  async ({ principal, params, body }) => {
    await handOffConversation({ agent: principal, input: { conversationId: params.conversationId, ...body } });
    return getConversation({ agent: principal, conversationId: params.conversationId });
  },
);

export const closeConversationEndpoint = statusEndpoint("close");
export const reopenConversationEndpoint = statusEndpoint("reopen");
