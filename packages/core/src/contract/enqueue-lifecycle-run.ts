import { assertProvider, type TUserPrincipal } from "../principal";
import { withProviderAccess } from "@forecourt/db";
import { enqueue } from "@forecourt/jobs";
import { lifecycleDailyJob } from "@forecourt/jobs/lifecycle";
import type { IsoDate } from "@forecourt/contract";

/**
 * Provider staff start the daily lifecycle run now (for `day`, normally today). The run is
 * idempotent, so an extra run changes only what is due. Audited.
 */
export async function enqueueLifecycleRun(options: {
  actor: TUserPrincipal;
  day: IsoDate;
}): Promise<{ jobId: string }> {
  assertProvider(options.actor, "provider.subscriptions.manage");
  await withProviderAccess(
    { actorUserId: options.actor.userId, reason: "start the lifecycle run", ip: options.actor.ip },
    (tx) =>
      tx.auditEvent.create({
        data: { actorUserId: options.actor.userId, action: "lifecycle.run_requested", data: { day: options.day } },
      }),
  );
  const job = await enqueue(lifecycleDailyJob, { day: options.day });
  return { jobId: String(job.id) };
}
