import { withSystemAccess, withTenant } from "@forecourt/db";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";

/** At most this many conversations wake per run (the next run, 30 s later, takes the rest). */
const BATCH = 500;

/**
 * The wake-up job: snoozed conversations whose time has come are open again, at the top of the
 * agents' lists (live), with an audit entry. A platform job across tenants: one statement
 * picks and reopens them (SKIP LOCKED, so two workers never wake one twice), by the index on
 * snoozedUntil (only snoozed conversations have one). A customer writing wakes it earlier
 * (send-message.ts).
 */
export async function wakeSnoozedConversations(now = new Date()): Promise<{ woken: number }> {
  const woken = await withSystemAccess({ job: "inbox.wake-snoozed" }, async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; customerId: string; snoozedUntil: Date }[]>`
      WITH due AS (
        SELECT "id" FROM "Conversation"
         WHERE "snoozedUntil" <= ${now} AND "status" = 'SNOOZED'
         ORDER BY "snoozedUntil"
         LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED
      ), before AS (
        SELECT c."id", c."snoozedUntil" FROM "Conversation" c JOIN due ON due."id" = c."id"
      )
      UPDATE "Conversation" c
         SET "status" = 'OPEN', "snoozedUntil" = NULL
        FROM before
       WHERE c."id" = before."id"
   RETURNING c."id", c."customerId", before."snoozedUntil"`;
    if (rows.length > 0)
      await tx.auditEvent.createMany({
        data: rows.map((r) => ({
          customerId: r.customerId,
          actorUserId: null,
          action: "conversation.woke",
          targetType: "Conversation",
          targetId: r.id,
          data: { snoozedUntil: r.snoozedUntil.toISOString() },
        })),
      });
    if (rows.length > 0)
      await tx.conversationActivity.createMany({
        data: rows.map((r) => ({
          customerId: r.customerId,
          conversationId: r.id,
          action: "woke",
          actorType: "SYSTEM" as const,
          data: { snoozedUntil: r.snoozedUntil.toISOString() },
        })),
      });
    return rows;
  });
  for (const row of woken) {
    const summary = await withTenant(row.customerId, (tx) => conversationSummary(tx, row.id));
    if (summary) publishConversation(summary);
  }
  return { woken: woken.length };
}
