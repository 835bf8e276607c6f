import { assertProvider, type TUserPrincipal } from "../principal";
import { QUEUES, queue, type TQueueName } from "@forecourt/jobs";

export type TQueueJob = {
  id: string;
  name: string;
  state: string;
  data: unknown;
  attemptsMade: number;
  createdAt: number;
  finishedAt: number | null;
  result: unknown;
  failedReason: string | null;
};

export type TQueueOverview = {
  name: TQueueName;
  counts: Record<string, number>;
  schedulers: { key: string; name: string; pattern: string | null; tz: string | null; next: number | null }[];
  jobs: TQueueJob[];
};

/**
 * A read-only view of the job queues for provider staff (counts, job schedulers, recent jobs),
 * read with BullMQ's own Queue API. Payloads carry ids and days only, never personal data.
 */
export async function getQueueOverview(options: { actor: TUserPrincipal; limit?: number }): Promise<TQueueOverview[]> {
  assertProvider(options.actor, "provider.queues.view");
  const limit = options.limit ?? 15;
  return Promise.all(
    QUEUES.map(async (name) => {
      const q = queue(name);
      const [counts, schedulers, jobs] = await Promise.all([
        q.getJobCounts("active", "waiting", "delayed", "completed", "failed", "prioritized"),
        q.getJobSchedulers(0, 20),
        q.getJobs(["active", "waiting", "delayed", "completed", "failed"], 0, limit - 1),
      ]);
      const withState = await Promise.all(
        jobs.filter(Boolean).map(async (job) => ({
          id: String(job.id),
          name: job.name,
          state: await job.getState(),
          data: job.data,
          attemptsMade: job.attemptsMade,
          createdAt: job.timestamp,
          finishedAt: job.finishedOn ?? null,
          result: job.returnvalue ?? null,
          failedReason: job.failedReason || null,
        })),
      );
      return {
        name,
        counts,
        schedulers: schedulers.map((s) => ({
          key: s.key,
          name: s.name,
          pattern: s.pattern ?? null,
          tz: s.tz ?? null,
          next: s.next ?? null,
        })),
        jobs: withState.sort((a, b) => b.createdAt - a.createdAt),
      };
    }),
  );
}
