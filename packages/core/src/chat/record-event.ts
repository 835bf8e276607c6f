import type { TTx } from "@forecourt/db";
import type { TTenantPrincipal } from "../principal";

/** An audit trail entry for an inbox action (who did what to which conversation). */
export async function recordEvent(
  tx: TTx,
  agent: TTenantPrincipal,
  conversationId: string,
  action: string,
  data: object,
) {
  await tx.auditEvent.create({
    data: {
      customerId: agent.tenant.customerId,
      actorUserId: agent.userId,
      action: `conversation.${action}`,
      targetType: "Conversation",
      targetId: conversationId,
      data: JSON.parse(JSON.stringify(data)),
    },
  });
}
