import { withSystemAccess } from "@forecourt/db";
import { queue } from "@forecourt/jobs";
import { deliverMessageJob, deliveryJobId, fetchInboundMediaJob, mediaJobId } from "@forecourt/jobs/channel-jobs";
import { enqueueDelivery, enqueueMediaFetch } from "./enqueue-delivery";

/** A message waits this long for its job before the sweep assumes the job was lost. */
const STALE_AFTER_MS = 60_000;
/** Older than this, a QUEUED message is not sent any more (the reply window has long closed). */
const GIVE_UP_AFTER_MS = 2 * 86_400_000;

/**
 * Every minute: QUEUED messages (and pending media) whose job is gone (the web process died
 * between commit and enqueue, or Redis lost it) are enqueued again under the same job id, so a
 * job that does exist is never doubled. Reads ids only, across tenants (a platform job).
 */
export async function requeueStaleDeliveries(now = new Date()): Promise<{ requeued: number }> {
  const stale = await withSystemAccess(
    { job: "channel.requeue-stale" },
    (tx) =>
      tx.$queryRaw<{ id: string; customerId: string; media: boolean }[]>`
      SELECT "id", "customerId", ("deliveryStatus" IS NULL) AS "media" FROM "Message"
       WHERE "awaitingJob" = true
         AND "createdAt" BETWEEN ${new Date(now.getTime() - GIVE_UP_AFTER_MS)} AND ${new Date(now.getTime() - STALE_AFTER_MS)}
       ORDER BY "createdAt" LIMIT 500`,
  );
  let requeued = 0;
  for (const m of stale) {
    const jobId = m.media ? mediaJobId(m.id) : deliveryJobId(m.id);
    const existing = await queue((m.media ? fetchInboundMediaJob : deliverMessageJob).queue).getJob(jobId);
    const state = existing ? await existing.getState() : "missing";
    if (state === "waiting" || state === "delayed" || state === "active" || state === "prioritized") continue;
    await existing?.remove().catch(() => undefined);
    if (m.media) await enqueueMediaFetch(m.customerId, m.id);
    else await enqueueDelivery(m.customerId, m.id);
    requeued += 1;
  }
  return { requeued };
}
