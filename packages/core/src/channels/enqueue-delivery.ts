import { enqueue } from "@forecourt/jobs";
import {
  DELIVERY_RETRY,
  deliverMessageJob,
  deliveryJobId,
  fetchInboundMediaJob,
  mediaJobId,
} from "@forecourt/jobs/channel-jobs";

/**
 * After commit: one delivery job per message (job id = message id, so a second enqueue is a
 * no-op). If Redis is down the message stays QUEUED and the stale sweep enqueues it later.
 */
export async function enqueueDelivery(customerId: string, messageId: string): Promise<void> {
  try {
    await enqueue(
      deliverMessageJob,
      { customerId, messageId },
      { jobId: deliveryJobId(messageId), ...DELIVERY_RETRY, removeOnComplete: 1000, removeOnFail: 5000 },
    );
  } catch (error) {
    console.error(`[channels] could not enqueue delivery of ${messageId}; the stale sweep will: ${String(error)}`);
  }
}

export async function enqueueMediaFetch(customerId: string, messageId: string): Promise<void> {
  try {
    await enqueue(
      fetchInboundMediaJob,
      { customerId, messageId },
      {
        jobId: mediaJobId(messageId),
        attempts: 5,
        backoff: { type: "exponential", delay: 1_000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    );
  } catch (error) {
    console.error(
      `[channels] could not enqueue the media download of ${messageId}; the stale sweep will: ${String(error)}`,
    );
  }
}
