import { z } from "zod";
import { getManagedConversation } from "@forecourt/core/provider/get-managed-conversation";
import { listManagedQueue } from "@forecourt/core/provider/list-managed-queue";
import { sendManagedReply, ZSendManagedReply } from "@forecourt/core/provider/send-managed-reply";
import { defineHandler } from "../define-handler";

/*
 * Provider console → Managed queue (Plus tier, docs/plus.md): managed agents and provider
 * support see it; only managed agents answer. Core checks the Plus tier of every conversation.
 */
const VIEW = { permission: "provider.managed_queue.view", scope: "user" } as const;

export const loadManagedQueuePage = defineHandler(VIEW, ({ principal }) => listManagedQueue({ actor: principal }));

export const loadManagedConversationPage = defineHandler(
  { ...VIEW, input: z.object({ conversationId: z.uuid() }) },
  ({ principal, input }) => getManagedConversation({ actor: principal, conversationId: input.conversationId }),
);

export const handleSendManagedReply = defineHandler(
  { permission: "provider.managed_queue.reply", scope: "user", input: ZSendManagedReply },
  async ({ principal, input }) => {
    const sent = await sendManagedReply({ actor: principal, input });
    return { id: sent.id, seq: sent.seq };
  },
);
