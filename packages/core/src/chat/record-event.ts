import type { TTx } from "@forecourt/db";
import { auditActor, type TTenantActor } from "../principal";

/** An audit trail entry for an inbox action (who did what to which conversation). */
export async function recordEvent(tx: TTx, agent: TTenantActor, conversationId: string, action: string, data: object) {
  const { actorUserId, keyData } = auditActor(agent);
  await tx.auditEvent.create({
    data: {
      customerId: agent.tenant.customerId,
      actorUserId,
      action: `conversation.${action}`,
      targetType: "Conversation",
      targetId: conversationId,
      data: JSON.parse(JSON.stringify({ ...data, ...keyData })),
    },
  });
}
