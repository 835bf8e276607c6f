import { can, type TProviderRole } from "@forecourt/auth";
import { withProviderAccess } from "@forecourt/db";
import { enqueue } from "@forecourt/jobs";
import { orphanSweepJob } from "@forecourt/jobs/storage-jobs";
import { ForbiddenError } from "../errors";

/**
 * Provider support starts the orphan sweep now ("Run orphan sweep now" under Deletions). The
 * sweep only removes files no row references and older than the grace period, so an extra run
 * is harmless. Audited.
 */
export async function enqueueOrphanSweep(options: {
  actor: { userId: string; providerRole: TProviderRole | null };
}): Promise<{ jobId: string }> {
  if (!can({ providerRole: options.actor.providerRole }, "provider.queues.view")) throw new ForbiddenError();
  await withProviderAccess({ actorUserId: options.actor.userId, reason: "start the orphan sweep" }, (tx) =>
    tx.auditEvent.create({
      data: { actorUserId: options.actor.userId, action: "storage.sweep_requested", data: {} },
    }),
  );
  const job = await enqueue(
    orphanSweepJob,
    { trigger: "manual" },
    { removeOnComplete: { age: 86_400, count: 1_000 }, removeOnFail: { age: 7 * 86_400 } },
  );
  return { jobId: String(job.id) };
}
