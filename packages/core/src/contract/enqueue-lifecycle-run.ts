import { can, type TProviderRole } from "@forecourt/auth";
import { withProviderAccess } from "@forecourt/db";
import { enqueue } from "@forecourt/jobs";
import { lifecycleDailyJob } from "@forecourt/jobs/lifecycle";
import type { IsoDate } from "@forecourt/contract";
import { ForbiddenError } from "../errors";

/**
 * Provider staff start the daily lifecycle run now (for `day`, normally today). The run is
 * idempotent, so an extra run changes only what is due. Audited.
 */
export async function enqueueLifecycleRun(options: {
  actor: { userId: string; providerRole: TProviderRole | null };
  day: IsoDate;
}): Promise<{ jobId: string }> {
  if (!can({ providerRole: options.actor.providerRole }, "provider.subscriptions.manage")) throw new ForbiddenError();
  await withProviderAccess({ actorUserId: options.actor.userId, reason: "start the lifecycle run" }, (tx) =>
    tx.auditEvent.create({
      data: { actorUserId: options.actor.userId, action: "lifecycle.run_requested", data: { day: options.day } },
    }),
  );
  const job = await enqueue(lifecycleDailyJob, { day: options.day });
  return { jobId: String(job.id) };
}
