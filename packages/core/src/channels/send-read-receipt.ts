import { ChannelSendError } from "@forecourt/channels";
import { enqueue } from "@forecourt/jobs";
import { readReceiptJobId, sendReadReceiptJob } from "@forecourt/jobs/channel-jobs";
import { withTenant, type TTx } from "@forecourt/db";
import { driverFor } from "./drivers";

/*
 * Read receipts to the customer: when an agent reads a channel conversation, the customer's
 * last message up to what was read is marked read on the channel (WhatsApp's blue ticks,
 * Messenger's "Seen"). One job per message (job id "read-<message id>"), so reading the same
 * conversation again sends nothing new; best effort, never shown as an error.
 */

/** In the agent's mark-read transaction: the customer message to acknowledge, if its channel can. */
export async function readReceiptTarget(tx: TTx, conversationId: string, upToSeq: number): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string; type: string }[]>`
    SELECT m."id", ch."type"::text AS "type"
      FROM "Message" m
      JOIN "Conversation" c ON c."id" = m."conversationId"
      JOIN "Channel" ch ON ch."id" = c."channelId"
     WHERE m."conversationId" = ${conversationId}::uuid
       AND m."seq" <= ${upToSeq}
       AND m."authorType" = 'CONTACT'
       AND m."externalId" IS NOT NULL
     ORDER BY m."seq" DESC
     LIMIT 1`;
  if (!row || !driverFor(row.type as never)?.markRead) return null;
  return row.id;
}

/** After commit. Redis down: the receipt is skipped (the next read sends a later one). */
export async function enqueueReadReceipt(customerId: string, messageId: string): Promise<void> {
  try {
    await enqueue(
      sendReadReceiptJob,
      { customerId, messageId },
      {
        jobId: readReceiptJobId(messageId),
        attempts: 3,
        backoff: { type: "exponential", delay: 2_000 },
        removeOnComplete: { age: 86_400 },
        removeOnFail: { age: 86_400 },
      },
    );
  } catch (error) {
    console.error(`[channels] could not enqueue the read receipt of ${messageId}: ${String(error)}`);
  }
}

/** The job: sends the receipt through the channel's driver; a disabled or misconfigured channel sends none. */
export async function sendReadReceipt(options: { customerId: string; messageId: string }) {
  const loaded = await withTenant(options.customerId, (tx) =>
    tx.message.findUnique({
      where: { id: options.messageId },
      select: {
        externalId: true,
        conversation: { select: { channel: true, contact: { select: { identities: true } } } },
      },
    }),
  );
  if (!loaded?.externalId) return "skipped" as const;
  const { channel, contact } = loaded.conversation;
  const driver = driverFor(channel.type);
  if (!driver?.markRead || channel.status !== "ACTIVE") return "skipped" as const;
  try {
    await driver.markRead(channel, {
      externalId: loaded.externalId,
      identities: contact.identities.filter((i) => i.channelType === channel.type),
    });
  } catch (error) {
    // Retryable (5xx, time-out): BullMQ tries again; permanent: a receipt is not worth more.
    if (error instanceof ChannelSendError && error.failure.retryable) throw error;
    console.warn(`[channels] read receipt of ${options.messageId} refused: ${String(error)}`);
    return "failed" as const;
  }
  return "sent" as const;
}
