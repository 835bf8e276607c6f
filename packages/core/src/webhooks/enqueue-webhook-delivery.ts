import { enqueue, queue } from "@forecourt/jobs";
import { deliverWebhookJob, webhookJobId, webhookRetry } from "@forecourt/jobs/webhook-jobs";

export type TDeliveryRef = { customerId: string; deliveryId: string };

/**
 * One job per delivery (job id = delivery id: a second enqueue while it exists is a no-op). If
 * Redis is down the delivery stays PENDING and the dispatch sweep enqueues it later.
 */
export async function enqueueWebhookDeliveries(refs: TDeliveryRef[]): Promise<void> {
  if (refs.length === 0) return;
  const retry = webhookRetry();
  try {
    await queue(deliverWebhookJob.queue).addBulk(
      refs.map((ref) => ({
        name: deliverWebhookJob.name,
        data: deliverWebhookJob.payload.parse(ref),
        opts: { jobId: webhookJobId(ref.deliveryId), ...retry, removeOnComplete: 1000, removeOnFail: 5000 },
      })),
    );
  } catch (error) {
    console.error(`[webhooks] could not enqueue ${refs.length} deliveries; the sweep will: ${String(error)}`);
  }
}

/** The job of a delivery again (Redeliver): a finished job under the same id is removed first. */
export async function enqueueWebhookRedelivery(ref: TDeliveryRef): Promise<"queued" | "busy"> {
  const existing = await queue(deliverWebhookJob.queue).getJob(webhookJobId(ref.deliveryId));
  if (existing) {
    const state = await existing.getState();
    if (state === "active" || state === "waiting" || state === "delayed" || state === "prioritized") return "busy";
    await existing.remove();
  }
  await enqueue(deliverWebhookJob, ref, {
    jobId: webhookJobId(ref.deliveryId),
    ...webhookRetry(),
    removeOnComplete: 1000,
    removeOnFail: 5000,
  });
  return "queued";
}
