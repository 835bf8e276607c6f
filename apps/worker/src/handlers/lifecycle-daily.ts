import type { z } from "zod";
import { calendarDay } from "@forecourt/core/contract/dates";
import { runLifecycle } from "@forecourt/core/contract/run-lifecycle";
import type { lifecycleDailyJob } from "@forecourt/jobs/lifecycle";

/**
 * The daily lifecycle run. The clock is read here, once, at the edge: the day goes into the
 * core use case, which never reads the clock. A failed customer fails the job (visible in the
 * queue page); the next run picks it up, and the customers already done are not touched again
 * (the run is idempotent).
 */
export async function handleLifecycleDaily(payload: z.output<(typeof lifecycleDailyJob)["payload"]>) {
  const day = payload.day ?? calendarDay(new Date());
  const result = await runLifecycle({ day, customerIds: payload.customerIds });
  console.log(
    `[lifecycle] ${day}: ${result.customers} customer(s), ${result.changed} changed, ${result.changes.length} transition(s), ${result.failed.length} failed`,
  );
  if (result.failed.length > 0) {
    throw new Error(
      `Lifecycle run ${day}: ${result.failed.length} customer(s) failed: ${JSON.stringify(result.failed)}`,
    );
  }
  return { day, customers: result.customers, changed: result.changed, transitions: result.changes.length };
}
