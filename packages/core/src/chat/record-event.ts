import type { TTx } from "@forecourt/db";
import type { TAgent } from "./agent";

/** An audit trail entry for an inbox action (who did what to which conversation). */
export async function recordEvent(tx: TTx, agent: TAgent, conversationId: string, action: string, data: object) {
  await tx.auditEvent.create({
    data: {
      customerId: agent.customerId,
      actorUserId: agent.userId,
      action: `conversation.${action}`,
      targetType: "Conversation",
      targetId: conversationId,
      data: JSON.parse(JSON.stringify(data)),
    },
  });
}
