import { withTenant } from "@forecourt/db";
import {
  ZClientStartConversation,
  type TClientConversation,
  type TClientStartConversation,
} from "@forecourt/protocol/api-channel";
import { conversationSummary } from "../chat/message-event";
import { publishConversation } from "../chat/realtime";
import { sendMessage } from "../chat/send-message";
import type { TVisitorPrincipal } from "../principal";
import type { TApiInbox } from "./find-api-inbox";

/**
 * An app's user opens a conversation with the dealer of the API channel, optionally with its
 * first message (idempotent by its clientId like every send). A department not of this dealer
 * is ignored, as in the widget. The inbox sees it at once (summary to the dealer room).
 */
export async function startApiConversation(options: {
  visitor: TVisitorPrincipal;
  inbox: TApiInbox;
  input: TClientStartConversation;
}): Promise<TClientConversation> {
  const input = ZClientStartConversation.parse(options.input);
  const { visitor, inbox } = options;
  const departmentId = inbox.departments.some((d) => d.id === input.departmentId) ? input.departmentId! : null;
  const conversation = await withTenant(visitor.customerId, async (tx) => {
    await tx.contact.update({ where: { id: visitor.contactId }, data: { lastEngagedAt: new Date() } });
    return tx.conversation.create({
      data: {
        customerId: visitor.customerId,
        dealerId: visitor.dealerId,
        channelId: visitor.channelId,
        contactId: visitor.contactId,
        departmentId,
      },
    });
  });
  let lastSeq = 0;
  if (input.message) {
    const sent = await sendMessage({
      sender: { visitor },
      input: { conversationId: conversation.id, clientId: input.message.clientId, body: input.message.text },
    });
    lastSeq = sent.seq;
  } else {
    const summary = await withTenant(visitor.customerId, (tx) => conversationSummary(tx, conversation.id));
    if (summary) publishConversation(summary);
  }
  return { id: conversation.id, status: conversation.status, lastSeq, contactReadSeq: 0, agentReadSeq: 0 };
}
