import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "./dealer-scope";
import { assertMay, type TTenantActor } from "../principal";
import { InvalidInputError } from "../errors";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";
import { recordEvent } from "./record-event";
import { recordWebhookEvent } from "../webhooks/record-webhook-event";
import { enqueueRouting } from "../routing/enqueue-routing";
import { enqueuePush } from "../push/enqueue-push";

export const ZAssignConversation = z.object({
  conversationId: z.uuid(),
  /** null: unassign. */
  assigneeId: z.uuid().nullable().optional(),
  /** Transfer to a department of the same dealer (null: none). */
  departmentId: z.uuid().nullable().optional(),
});

/** Assign or transfer a conversation to a colleague and/or a department of its dealer. */
export async function assignConversation(options: { agent: TTenantActor; input: z.input<typeof ZAssignConversation> }) {
  const { agent } = options;
  assertMay(agent, "conversations.assign");
  const input = ZAssignConversation.parse(options.input);
  const result = await withTenant(agent.tenant.customerId, async (tx) => {
    const c = await conversationForAgent(tx, agent, input.conversationId);
    const data: { assigneeId?: string | null; departmentId?: string | null; botId?: null } = {};
    if (input.assigneeId !== undefined) {
      if (input.assigneeId) {
        const m = await tx.membership.findFirst({
          where: { customerId: agent.tenant.customerId, userId: input.assigneeId, status: "ACTIVE" },
          include: { dealerScope: true, user: { select: { name: true } } },
        });
        const inScope = m && (m.dealerScope.length === 0 || m.dealerScope.some((d) => d.dealerId === c.dealerId));
        if (!inScope) throw new InvalidInputError("That colleague cannot work on this dealer's conversations");
      }
      data.assigneeId = input.assigneeId;
      // A person takes over from the conversation's bot.
      if (input.assigneeId && c.botId) data.botId = null;
    }
    if (input.departmentId !== undefined) {
      if (input.departmentId) {
        const d = await tx.department.findFirst({ where: { id: input.departmentId, dealerId: c.dealerId } });
        if (!d) throw new InvalidInputError("That department does not belong to this dealer");
      }
      data.departmentId = input.departmentId;
    }
    await tx.conversation.update({ where: { id: c.id }, data });
    await recordEvent(tx, agent, c.id, "assigned", data);
    await recordWebhookEvent(tx, agent.tenant.customerId, { type: "conversation.assigned", conversationId: c.id });
    // Moved to another department without a colleague chosen: its routing rules find someone there.
    const transferred = Boolean(data.departmentId) && data.departmentId !== c.departmentId && !data.assigneeId;
    const newAssignee = Boolean(data.assigneeId) && data.assigneeId !== c.assigneeId;
    return { summary: await conversationSummary(tx, c.id), transferred, newAssignee };
  });
  if (result.summary) publishConversation(result.summary);
  if (result.newAssignee)
    await enqueuePush({
      customerId: agent.tenant.customerId,
      conversationId: input.conversationId,
      kind: "assigned",
      actorUserId: agent.kind === "user" ? agent.userId : null,
    });
  if (result.transferred) await enqueueRouting(agent.tenant.customerId, input.conversationId, "transferred");
  return result.summary;
}
