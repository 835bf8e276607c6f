import { withTenant } from "@forecourt/db";
import { z } from "zod";
import { conversationForAgent } from "../chat/dealer-scope";
import { conversationSummary } from "../chat/message-event";
import { publishConversation } from "../chat/realtime";
import { InvalidInputError, RuleError } from "../errors";
import { assertMay, type TTenantActor } from "../principal";
import { enqueueRouting } from "../routing/enqueue-routing";
import { releaseFromBot } from "./hand-off-to-person";

export const ZHandOff = z.object({
  conversationId: z.uuid(),
  /** Where the person should come from: a department of the conversation's dealer (optional). */
  departmentId: z.uuid().optional(),
  /** Why, shown in the conversation's activity ("wants a test drive"). */
  reason: z.string().trim().max(200).optional(),
});

/**
 * A webhook bot (through the API, with its key) gives the conversation to a person: the bot lets
 * go, the activity says so, and the routing rules find someone (in the department given).
 * Refused when no bot holds the conversation.
 */
export async function handOffConversation(options: { agent: TTenantActor; input: z.input<typeof ZHandOff> }) {
  const { agent } = options;
  assertMay(agent, "conversations.assign");
  const input = ZHandOff.parse(options.input);
  const customerId = agent.tenant.customerId;
  await withTenant(customerId, async (tx) => {
    const c = await conversationForAgent(tx, agent, input.conversationId);
    const bot = c.botId ? await tx.bot.findUnique({ where: { id: c.botId }, select: { name: true } }) : null;
    if (!bot) throw new RuleError("no_bot", "No bot holds this conversation.");
    if (input.departmentId) {
      const d = await tx.department.findFirst({ where: { id: input.departmentId, dealerId: c.dealerId } });
      if (!d) throw new InvalidInputError("That department does not belong to this dealer");
      await tx.conversation.update({ where: { id: c.id }, data: { departmentId: d.id } });
    }
    await releaseFromBot(tx, {
      customerId,
      conversationId: c.id,
      botName: bot.name,
      reason: input.reason || "the bot handed off",
    });
  });
  await enqueueRouting(customerId, input.conversationId, "transferred");
  const summary = await withTenant(customerId, (tx) => conversationSummary(tx, input.conversationId));
  if (summary) publishConversation(summary);
  return summary;
}
