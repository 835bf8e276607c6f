import type { TTx } from "@forecourt/db";
import { auditActor, type TTenantActor } from "../principal";

/**
 * An inbox action (who did what to which conversation): an audit trail entry, and the same
 * entry in the conversation's own activity, which its timeline shows between the messages.
 */
export async function recordEvent(tx: TTx, agent: TTenantActor, conversationId: string, action: string, data: object) {
  const { actorUserId, keyData } = auditActor(agent);
  const customerId = agent.tenant.customerId;
  const json = JSON.parse(JSON.stringify({ ...data, ...keyData }));
  await tx.auditEvent.create({
    data: {
      customerId,
      actorUserId,
      action: `conversation.${action}`,
      targetType: "Conversation",
      targetId: conversationId,
      data: json,
    },
  });
  await tx.conversationActivity.create({
    data: {
      customerId,
      conversationId,
      action,
      actorType: agent.kind === "user" ? "AGENT" : "BOT",
      actorUserId,
      data: json,
    },
  });
}

/**
 * The same for what the platform does by itself (a routing rule, the wake-up job, a bot hand-off):
 * no user acts, so the audit entry has no actor and the activity is SYSTEM's (or BOT's).
 */
export async function recordSystemActivity(
  tx: TTx,
  entry: { customerId: string; conversationId: string; action: string; data: object; actorType?: "SYSTEM" | "BOT" },
) {
  const { customerId, conversationId, action } = entry;
  const json = JSON.parse(JSON.stringify(entry.data));
  await tx.auditEvent.create({
    data: {
      customerId,
      actorUserId: null,
      action: `conversation.${action}`,
      targetType: "Conversation",
      targetId: conversationId,
      data: json,
    },
  });
  await tx.conversationActivity.create({
    data: { customerId, conversationId, action, actorType: entry.actorType ?? "SYSTEM", data: json },
  });
}
