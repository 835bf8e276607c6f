import { assertProvider, type TUserPrincipal } from "../principal";
import { withProviderAccess } from "@forecourt/db";
import { enqueue } from "@forecourt/jobs";
import { orphanSweepJob } from "@forecourt/jobs/storage-jobs";

/**
 * Provider support starts the orphan sweep now ("Run orphan sweep now" under Deletions). The
 * sweep only removes files no row references and older than the grace period, so an extra run
 * is harmless. Audited.
 */
export async function enqueueOrphanSweep(options: { actor: TUserPrincipal }): Promise<{ jobId: string }> {
  assertProvider(options.actor, "provider.queues.view");
  await withProviderAccess(
    { actorUserId: options.actor.userId, reason: "start the orphan sweep", ip: options.actor.ip },
    (tx) =>
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
