import { withTenant } from "@forecourt/db";
import { ZLeadFormFields, type TMessageContent } from "@forecourt/protocol";
import { conversationForAgent } from "../chat/dealer-scope";
import { sendMessage, type TSendResult } from "../chat/send-message";
import { NotFoundError, RuleError } from "../errors";
import { assertMay, type TTenantActor } from "../principal";
import { ZSendLeadForm, type TSendLeadForm } from "./lead-form-input";

/**
 * An agent sends one of the conversation's dealer's active lead forms into a website chat: a
 * message whose content (form_request) holds a copy of the form's fields, which the widget shows
 * as a form to fill in (the visitor answers what they were shown, even if the form changes
 * later). Only website chats: other channels cannot show a form. Idempotent by clientId.
 */
export async function sendLeadForm(options: { actor: TTenantActor; input: TSendLeadForm }): Promise<TSendResult> {
  const { actor } = options;
  assertMay(actor, "conversations.reply");
  const input = ZSendLeadForm.parse(options.input);
  const { customerId } = actor.tenant;
  const content = await withTenant(customerId, async (tx) => {
    const conversation = await conversationForAgent(tx, actor, input.conversationId);
    const channel = await tx.channel.findUnique({ where: { id: conversation.channelId }, select: { type: true } });
    if (channel?.type !== "WIDGET")
      throw new RuleError("channel_cannot_show_forms", "Forms can only be sent in a website chat.");
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
    sender: { agent: actor },
    input: { conversationId: input.conversationId, clientId: input.clientId, body: content.name },
    data: content,
  });
}
