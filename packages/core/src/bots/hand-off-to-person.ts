import type { TTx } from "@forecourt/db";
import { recordSystemActivity } from "../chat/record-event";

/**
 * In the caller's transaction: the bot lets go of the conversation (botId null) and the activity
 * says why; the caller then enqueues a `transferred` routing run (after commit), so the rules
 * find a person in its department.
 */
export async function releaseFromBot(
  tx: TTx,
  entry: { customerId: string; conversationId: string; botName: string; reason: string; actorType?: "SYSTEM" | "BOT" },
): Promise<boolean> {
  const released = await tx.conversation.updateMany({
    where: { id: entry.conversationId, botId: { not: null } },
    data: { botId: null },
  });
  if (released.count === 0) return false;
  await recordSystemActivity(tx, {
    customerId: entry.customerId,
    conversationId: entry.conversationId,
    action: "handed_off",
    actorType: entry.actorType ?? "BOT",
    data: { botName: entry.botName, reason: entry.reason },
  });
  return true;
}
