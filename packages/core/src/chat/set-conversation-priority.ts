import { z } from "zod";
import { ZConversationPriority } from "@forecourt/protocol";
import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "./dealer-scope";
import { assertMay, type TTenantActor } from "../principal";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";
import { recordEvent } from "./record-event";

// The one schema of a priority lives in the protocol (routing rules and the inbox share it).
export { ZConversationPriority, type TConversationPriority } from "@forecourt/protocol";

export const ZSetConversationPriority = z.object({ conversationId: z.uuid(), priority: ZConversationPriority });

/**
 * Sets a conversation's priority (triage, like assigning: the same permission). Records the
 * activity "prioritised" with the old and new priority; setting the same again records nothing.
 */
export async function setConversationPriority(options: {
  agent: TTenantActor;
  input: z.input<typeof ZSetConversationPriority>;
}) {
  const { agent } = options;
  assertMay(agent, "conversations.assign");
  const input = ZSetConversationPriority.parse(options.input);
  const summary = await withTenant(agent.tenant.customerId, async (tx) => {
    const c = await conversationForAgent(tx, agent, input.conversationId);
    if (c.priority === input.priority) return null;
    await tx.conversation.update({ where: { id: c.id }, data: { priority: input.priority } });
    await recordEvent(tx, agent, c.id, "prioritised", { priority: input.priority, from: c.priority });
    return conversationSummary(tx, c.id);
  });
  if (summary) publishConversation(summary);
  return { changed: summary !== null };
}
