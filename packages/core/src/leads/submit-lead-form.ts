import { randomUUID } from "node:crypto";
import { withTenant, type TTx } from "@forecourt/db";
import { ZMessageContent, ZSubmitLeadForm, type TMessageContent, type TSubmitLeadForm } from "@forecourt/protocol";
import { afterAppend, appendMessage, type TAppended } from "../chat/send-message";
import { InvalidInputError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import type { TVisitorPrincipal } from "../principal";
import { createLeadDeliveries, enqueueLeadDeliveries } from "./enqueue-lead-deliveries";
import { fillContactFromLead } from "./fill-contact-from-lead";
import { leadSummary, validateLeadAnswers } from "./validate-lead-answers";

export type TSubmitLeadFormResult = { leadId: string; messageId: string; seq: number; duplicate: boolean };

/** One answer per form message: its clientId is derived from the form message's id. */
export const formResultClientId = (requestMessageId: string) => `form-${requestMessageId}`;

/**
 * A website visitor submits the form an agent sent into their conversation (docs/leads.md). One
 * transaction writes the FORM message (content form_result: the answers with labels; body a
 * readable summary), the Lead, the contact's missing name / e-mail / phone from the answers, and
 * one LeadDelivery per export target of the dealer; after commit
 * the message is published and the export jobs are queued. Answers are checked against the
 * form as it was sent; a refusal names each field (`answers.<key>`). A form is answered once: a
 * second submit of the same form returns the first lead and writes nothing.
 */
export async function submitLeadForm(options: {
  visitor: TVisitorPrincipal;
  input: TSubmitLeadForm;
}): Promise<TSubmitLeadFormResult> {
  const { visitor } = options;
  const input = ZSubmitLeadForm.parse(options.input);
  const { customerId } = visitor;
  const clientId = formResultClientId(input.requestMessageId);
  let written: { result: TSubmitLeadFormResult; appended: TAppended | null; deliveryIds: string[] };
  try {
    written = await withTenant(customerId, async (tx) => {
      const conversation = await tx.conversation.findFirst({
        where: {
          id: input.conversationId,
          customerId,
          contactId: visitor.contactId,
          channelId: visitor.channelId,
        },
        select: { id: true, dealerId: true },
      });
      if (!conversation) throw new NotFoundError("conversation");
      const existing = await existingLead(tx, conversation.id, clientId);
      if (existing) return { result: existing, appended: null, deliveryIds: [] };
      const request = await tx.message.findFirst({
        where: { id: input.requestMessageId, conversationId: conversation.id, authorType: { not: "CONTACT" } },
        select: { data: true },
      });
      const content = ZMessageContent.safeParse(request?.data);
      if (!content.success || content.data.type !== "form_request") throw new NotFoundError("form");
      const form = content.data;
      const checked = validateLeadAnswers(form.name, form.fields, input.answers);
      if (!checked.ok) {
        throw new InvalidInputError(checked.issues.map((i) => `${i.path}: ${i.message}`).join("; "), checked.issues);
      }
      const leadId = randomUUID();
      const still = await tx.leadForm.findUnique({ where: { id: form.formId }, select: { id: true } });
      const result: TMessageContent = {
        type: "form_result",
        formId: still?.id ?? null,
        requestMessageId: input.requestMessageId,
        kind: form.kind,
        leadId,
        ...checked.data,
      };
      const appended = await appendMessage(tx, {
        sender: { visitor },
        input: { conversationId: conversation.id, clientId, body: leadSummary(checked.data) },
        data: result,
        formResult: true,
      });
      if (appended.duplicate) {
        const first = await existingLead(tx, conversation.id, clientId);
        if (!first) throw new NotFoundError("lead");
        return { result: first, appended: null, deliveryIds: [] };
      }
      await tx.lead.create({
        data: {
          id: leadId,
          customerId,
          dealerId: conversation.dealerId,
          conversationId: conversation.id,
          messageId: appended.id,
          formId: still?.id ?? null,
          kind: form.kind,
          data: checked.data,
        },
      });
      await fillContactFromLead(tx, customerId, visitor.contactId, checked.data);
      const deliveryIds = await createLeadDeliveries(tx, customerId, conversation.dealerId, leadId);
      return {
        result: { leadId, messageId: appended.id, seq: appended.seq, duplicate: false },
        appended,
        deliveryIds,
      };
    });
  } catch (error) {
    // Two submits raced: the unique clientId let one win; answer with its lead.
    if (!isUniqueViolation(error)) throw error;
    const first = await withTenant(customerId, (tx) => existingLead(tx, input.conversationId, clientId));
    if (!first) throw error;
    return first;
  }
  if (written.appended) await afterAppend(customerId, written.appended);
  await enqueueLeadDeliveries(customerId, written.deliveryIds);
  return written.result;
}

async function existingLead(tx: TTx, conversationId: string, clientId: string): Promise<TSubmitLeadFormResult | null> {
  const message = await tx.message.findUnique({
    where: { conversationId_clientId: { conversationId, clientId } },
    select: { id: true, seq: true, leads: { select: { id: true } } },
  });
  const lead = message?.leads[0];
  if (!message || !lead) return null;
  return { leadId: lead.id, messageId: message.id, seq: message.seq, duplicate: true };
}
