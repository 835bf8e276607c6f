import { aggregateDailyStats } from "@forecourt/core/retention/aggregate-daily-stats";
import { previousDay, startOfUtcDay, utcDay } from "@forecourt/core/retention/cutoff";
import { deleteCustomerData } from "@forecourt/core/retention/delete-customer-data";
import { listRetentionWork } from "@forecourt/core/retention/list-retention-work";
import { DEFAULT_PURGE_PAUSE_RATIO, purgeTenant } from "@forecourt/core/retention/purge-tenant";
import { sweepOrphanFiles } from "@forecourt/core/storage/sweep-orphan-files";
import { enqueue } from "@forecourt/jobs";
import { removeTenantJobs } from "@forecourt/jobs/remove-tenant-jobs";
import {
  dailyStatsJob,
  deleteCustomerJob,
  purgeTenantJob,
  retentionDailyJob,
  retentionJobId,
  statsTodayJob,
} from "@forecourt/jobs/retention-jobs";
import { ORPHAN_SWEEP_SCHEDULE, orphanSweepJob } from "@forecourt/jobs/storage-jobs";
import { handler } from "./job-handler";

/**
 * Jobs keep no results and few failures in Redis: they carry ids and dates only, and what a run
 * deleted is recorded in Postgres (the certificate), not in the job.
 */
const KEEP = { removeOnComplete: { age: 86_400, count: 1_000 }, removeOnFail: { age: 7 * 86_400 }, attempts: 5 };
const BACKOFF = { backoff: { type: "exponential", delay: 60_000 } } as const;

/** The run of the day: fan out stats (for yesterday), purges and due deletions per tenant. */
export async function runRetentionDaily(payload: { day?: string }, now = new Date()) {
  const day = payload.day ?? utcDay(now);
  const work = await listRetentionWork({ now: startOfUtcDay(day) });
  for (const customerId of work.purge) {
    const statsDay = previousDay(day);
    await enqueue(
      dailyStatsJob,
      { customerId, day: statsDay },
      { jobId: retentionJobId(dailyStatsJob.name, customerId, statsDay), ...KEEP, ...BACKOFF },
    );
    await enqueue(
      purgeTenantJob,
      { customerId, day },
      { jobId: retentionJobId(purgeTenantJob.name, customerId, day), ...KEEP, ...BACKOFF },
    );
  }
  for (const customerId of work.delete) {
    await enqueue(
      deleteCustomerJob,
      { customerId, day },
      { jobId: retentionJobId(deleteCustomerJob.name, customerId, day), ...KEEP, ...BACKOFF },
    );
  }
  return { purge: work.purge.length, delete: work.delete.length };
}

/**
 * The hourly refresh: today's aggregates per tenant, upserted (aggregateDailyStats recomputes a
 * day in full). The job id names the hour, so each hour enqueues once however often it fires.
 */
export async function runStatsToday(now = new Date()) {
  const day = utcDay(now);
  const hour = String(now.getUTCHours()).padStart(2, "0");
  const work = await listRetentionWork({ now: startOfUtcDay(day) });
  for (const customerId of work.purge) {
    await enqueue(
      dailyStatsJob,
      { customerId, day },
      { jobId: retentionJobId(dailyStatsJob.name, customerId, `${day}_h${hour}`), ...KEEP, ...BACKOFF },
    );
  }
  return { tenants: work.purge.length };
}

export const RETENTION_HANDLERS = [
  handler(retentionDailyJob, (p) => runRetentionDaily(p), { pattern: "15 2 * * *", payload: {} }),
  handler(statsTodayJob, () => runStatsToday(), { pattern: "7 * * * *", payload: {} }),
  handler(dailyStatsJob, async (p) => ({ rows: await aggregateDailyStats({ customerId: p.customerId, day: p.day }) })),
  handler(purgeTenantJob, async (p) => {
    // The cutoff depends on the job's day only, so a retry computes the same cutoff.
    const result = await purgeTenant({
      customerId: p.customerId,
      now: startOfUtcDay(p.day),
      pauseRatio: DEFAULT_PURGE_PAUSE_RATIO,
    });
    // Only the certificate id goes back into Redis; the counts live in Postgres.
    return { certificateId: result.certificateId };
  }),
  handler(deleteCustomerJob, async (p) => {
    const result = await deleteCustomerData({
      customerId: p.customerId,
      now: new Date(),
      pauseRatio: DEFAULT_PURGE_PAUSE_RATIO,
      removeQueuedJobs: removeTenantJobs,
    });
    return { status: result.status };
  }),
  handler(
    orphanSweepJob,
    async (p) => {
      // What was removed is on the StorageSweep row; Redis gets its id only.
      const result = await sweepOrphanFiles({ trigger: p.trigger });
      return { sweepId: result.sweepId };
    },
    { ...ORPHAN_SWEEP_SCHEDULE, payload: { trigger: "schedule" } },
  ),
];
