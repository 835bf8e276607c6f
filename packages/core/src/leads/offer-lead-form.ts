import { withTenant } from "@forecourt/db";
import { ZLeadFormFields, type TMessageContent } from "@forecourt/protocol";
import { sendMessage, type TSendResult } from "../chat/send-message";
import { NotFoundError } from "../errors";
import type { TVisitorPrincipal } from "../principal";
import { ZOfferLeadForm, type TOfferLeadForm } from "./lead-form-input";

/** One offer per form per conversation: the message's clientId comes from the form's id. */
export const offerClientId = (formId: string) => `offer-${formId}`;

/**
 * The widget offers one of the dealer's active forms by itself (the visitor picked "Book a test
 * drive" from the chat's form menu, no agent needed): the platform (authorType BOT) writes the
 * same form message an agent's "Send form" writes, which the visitor then fills in. Only in the
 * visitor's own conversation, only the conversation's dealer's active forms. Offering the same
 * form again returns the first offer (answered or not) and writes nothing.
 */
export async function offerLeadForm(options: {
  visitor: TVisitorPrincipal;
  input: TOfferLeadForm;
}): Promise<TSendResult> {
  const { visitor } = options;
  const input = ZOfferLeadForm.parse(options.input);
  const { customerId } = visitor;
  const content = await withTenant(customerId, async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { id: input.conversationId, customerId, contactId: visitor.contactId, channelId: visitor.channelId },
      select: { dealerId: true },
    });
    if (!conversation) throw new NotFoundError("conversation");
    const form = await tx.leadForm.findFirst({
      where: { id: input.formId, customerId, dealerId: conversation.dealerId, active: true },
    });
    if (!form) throw new NotFoundError("form");
    return {
      type: "form_request",
      formId: form.id,
      kind: form.kind,
      name: form.name,
      fields: ZLeadFormFields.parse(form.fields),
    } satisfies TMessageContent;
  });
  return sendMessage({
    sender: { automation: { customerId } },
    input: { conversationId: input.conversationId, clientId: offerClientId(input.formId), body: content.name },
    data: content,
  });
}
