import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "../chat/dealer-scope";
import { assertMay, type TTenantActor } from "../principal";
import { ZConversationRef } from "./lead-form-input";

/** The composer's "Send form" picker: the active forms of the conversation's dealer (none outside website chats). */
export async function listLeadFormsForConversation(options: {
  actor: TTenantActor;
  input: { conversationId: string };
}) {
  const { actor } = options;
  assertMay(actor, "conversations.reply");
  const input = ZConversationRef.parse(options.input);
  const { customerId } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    const conversation = await conversationForAgent(tx, actor, input.conversationId);
    const channel = await tx.channel.findUnique({ where: { id: conversation.channelId }, select: { type: true } });
    if (channel?.type !== "WIDGET") return { forms: [] };
    const forms = await tx.leadForm.findMany({
      where: { customerId, dealerId: conversation.dealerId, active: true },
      orderBy: { kind: "asc" },
      select: { id: true, kind: true, name: true },
    });
    return { forms };
  });
}
