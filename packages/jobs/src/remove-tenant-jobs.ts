import { QUEUES } from "./define-job";
import { queue } from "./producer";

/**
 * Post-termination deletion: removes every job of every queue whose payload names the
 * customer (waiting, delayed, prioritised, completed and failed; a job that is running
 * is left to finish, since it only carries ids and will find nothing). Returns how many went.
 */
export async function removeTenantJobs(customerId: string): Promise<number> {
  let removed = 0;
  for (const name of QUEUES) {
    const q = queue(name);
    const states = ["waiting", "delayed", "prioritized", "completed", "failed", "waiting-children"] as const;
    // Collect first, then remove: removing while paging would shift the pages.
    const matching = [];
    for (let start = 0; ; start += 500) {
      const jobs = await q.getJobs([...states], start, start + 499);
      matching.push(...jobs.filter((j) => (j?.data as { customerId?: unknown })?.customerId === customerId));
      if (jobs.length < 500) break;
    }
    for (const job of matching) {
      // A job that started meanwhile cannot be removed; it carries ids only and will find nothing.
      if (
        await job.remove().then(
          () => true,
          () => false,
        )
      )
        removed += 1;
    }
  }
  return removed;
}
