import { z } from "zod";
import { consumeChatLimit } from "@forecourt/core/chat/chat-limits";
import { RateLimitedError } from "@forecourt/core/errors";
import {
  ZSaveLeadExportTarget,
  ZRetryLeadDelivery,
  ZSendLeadForm,
  ZOfferLeadForm,
  ZSetLeadFormActive,
} from "@forecourt/core/leads/lead-form-input";
import { listLeadFormsForConversation } from "@forecourt/core/leads/list-lead-forms-for-conversation";
import { listLeadFormsForSettings } from "@forecourt/core/leads/list-lead-forms-for-settings";
import { listLeadFormsForVisitor } from "@forecourt/core/leads/list-lead-forms-for-visitor";
import { offerLeadForm } from "@forecourt/core/leads/offer-lead-form";
import { retryLeadDelivery } from "@forecourt/core/leads/retry-lead-delivery";
import { saveLeadExportTarget } from "@forecourt/core/leads/save-lead-export-target";
import { sendLeadForm } from "@forecourt/core/leads/send-lead-form";
import { setLeadFormActive } from "@forecourt/core/leads/set-lead-form-active";
import { submitLeadForm } from "@forecourt/core/leads/submit-lead-form";
import { ZSubmitLeadForm } from "@forecourt/protocol";
import { defineHandler, defineVisitorHandler } from "../define-handler";

/*
 * Lead forms (docs/leads.md): the composer's "Send form", the widget's submit, and Settings →
 * Lead forms. Core checks tenant and dealer scope, so a foreign or guessed id is "not found".
 */

const ZId = z.object({ id: z.uuid() });

/** GET /api/inbox/conversations/:id/forms: the active forms of the conversation's dealer (the picker). */
export const handleListConversationForms = defineHandler(
  { permission: "conversations.reply", input: ZId },
  ({ principal, input }) => listLeadFormsForConversation({ actor: principal, input: { conversationId: input.id } }),
);

/** POST /api/inbox/conversations/:id/forms: send one, `{clientId, formId}`. */
export const handleSendLeadForm = defineHandler(
  { permission: "conversations.reply", input: ZId.extend({ body: ZSendLeadForm.omit({ conversationId: true }) }) },
  async ({ principal, input }) => {
    const sent = await sendLeadForm({ actor: principal, input: { conversationId: input.id, ...input.body } });
    return { id: sent.id, seq: sent.seq };
  },
);

async function spend(ip: string | null, channelId: string) {
  const limit = await consumeChatLimit("messages", ip ?? "unknown", channelId);
  if (!limit.ok)
    throw new RateLimitedError(limit.retryAfterSeconds, `Too many requests; try again in ${limit.retryAfterSeconds} s`);
}

/** POST /api/widget/forms: the visitor's answers to a form in their conversation. */
export const handleSubmitLeadForm = defineVisitorHandler(
  { input: ZSubmitLeadForm },
  async ({ visitor, input, meta }) => {
    await spend(meta.ip, visitor.channelId);
    return submitLeadForm({ visitor, input });
  },
);

/** GET /api/widget/forms: the widget's form menu (the active forms of the visitor's dealer). */
export const handleListVisitorForms = defineVisitorHandler({}, ({ visitor }) => listLeadFormsForVisitor({ visitor }));

/** POST /api/widget/forms/offer: the visitor picked a form from the menu; the platform sends it into the chat. */
export const handleOfferLeadForm = defineVisitorHandler({ input: ZOfferLeadForm }, async ({ visitor, input, meta }) => {
  await spend(meta.ip, visitor.channelId);
  const sent = await offerLeadForm({ visitor, input });
  return { id: sent.id, seq: sent.seq, message: sent.event };
});

/** Settings → Lead forms (owners and admins, within their dealers). */
export const loadLeadFormsPage = defineHandler({ permission: "settings.lead_forms.manage" }, ({ principal }) =>
  listLeadFormsForSettings({ actor: principal }),
);

export const handleSetLeadFormActive = defineHandler(
  { permission: "settings.lead_forms.manage", input: ZSetLeadFormActive },
  ({ principal, input }) => setLeadFormActive({ actor: principal, input }),
);

export const handleSaveLeadExportTarget = defineHandler(
  { permission: "settings.lead_forms.manage", input: ZSaveLeadExportTarget },
  ({ principal, input }) => saveLeadExportTarget({ actor: principal, input }),
);

export const handleRetryLeadDelivery = defineHandler(
  { permission: "settings.lead_forms.manage", input: ZRetryLeadDelivery },
  ({ principal, input }) => retryLeadDelivery({ actor: principal, input }),
);
