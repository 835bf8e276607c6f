import { z } from "zod";
import { getEmailHtml } from "@forecourt/core/channels/get-email-html";
import { listChannelTemplates } from "@forecourt/core/channels/list-channel-templates";
import { retryDelivery } from "@forecourt/core/channels/retry-delivery";
import { sendTemplateMessage, ZSendTemplate } from "@forecourt/core/channels/send-template-message";
import { defineHandler } from "../define-handler";

/*
 * The inbox's channel actions (WhatsApp, Messenger): retry a failed delivery, and the approved
 * templates for a closed reply window. Core checks tenant and dealer scope, so a foreign or
 * guessed id is "not found".
 */

const ZId = z.object({ id: z.uuid() });

/** POST /api/inbox/messages/:id/retry: send a failed outbound message again (answers it, queued). */
export const handleRetryDelivery = defineHandler(
  { permission: "conversations.reply", input: ZId },
  async ({ principal, input }) => ({ message: await retryDelivery({ agent: principal, messageId: input.id }) }),
);

/** GET /api/inbox/conversations/:id/templates: the approved templates of the conversation's channel. */
export const handleListTemplates = defineHandler(
  { permission: "conversations.reply", input: ZId },
  async ({ principal, input }) => ({
    templates: await listChannelTemplates({ agent: principal, conversationId: input.id }),
  }),
);

/** POST /api/inbox/conversations/:id/templates: send one, `{clientId, templateId, variables}`. */
export const handleSendTemplate = defineHandler(
  {
    permission: "conversations.reply",
    input: ZId.extend({ body: ZSendTemplate.omit({ conversationId: true }) }),
  },
  async ({ principal, input }) => {
    const sent = await sendTemplateMessage({ agent: principal, conversationId: input.id, ...input.body });
    return { id: sent.id, seq: sent.seq };
  },
);

/**
 * GET /api/inbox/messages/:id/email: an inbound e-mail's HTML, sanitised, as a document for the
 * inbox's sandboxed iframe (srcdoc); `images` lets remote images load (the agent asked).
 */
export const handleEmailHtml = defineHandler(
  { permission: "inbox.view", input: ZId.extend({ images: z.boolean() }) },
  async ({ principal, input }) => getEmailHtml({ principal, messageId: input.id, images: input.images }),
);
