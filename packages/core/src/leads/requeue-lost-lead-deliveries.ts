import { withSystemAccess } from "@forecourt/db";
import { queue } from "@forecourt/jobs";
import { deliverLeadJob, leadJobId } from "@forecourt/jobs/lead-jobs";
import { enqueueLeadDeliveries } from "./enqueue-lead-deliveries";

/** A PENDING delivery untouched for this long, without a waiting, delayed or running job, was lost. */
export const LEAD_DELIVERY_STALE_MS = 60_000;

/**
 * The sweep behind the lead export (every minute): finds PENDING deliveries of the last three
 * days that nobody is working on (the enqueue failed while Redis was down, or the queue was
 * flushed) and queues their jobs again. A delivery waiting for its backoff has a delayed job and
 * is left alone.
 */
export async function requeueLostLeadDeliveries(now = new Date()): Promise<{ requeued: number }> {
  const pending = await withSystemAccess(
    { job: "leads.requeue" },
    (tx) =>
      tx.$queryRaw<{ id: string; customerId: string }[]>`
      SELECT "id", "customerId" FROM "LeadDelivery"
       WHERE "status" = 'PENDING'
         AND COALESCE("lastAttemptAt", "createdAt") < ${new Date(now.getTime() - LEAD_DELIVERY_STALE_MS)}
         AND "createdAt" > now() - interval '3 days'
       ORDER BY "createdAt" LIMIT 500`,
  );
  let requeued = 0;
  for (const row of pending) {
    const job = await queue(deliverLeadJob.queue).getJob(leadJobId(row.id));
    const state = job ? await job.getState() : "missing";
    if (state === "waiting" || state === "delayed" || state === "active" || state === "prioritized") continue;
    await job?.remove().catch(() => undefined);
    await enqueueLeadDeliveries(row.customerId, [row.id]);
    requeued++;
  }
  return { requeued };
}
