import { z } from "zod";
import { defineJob } from "./define-job";

/** A calendar day, YYYY-MM-DD (UTC): the simulated-clock friendly "now" of a retention run. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

/**
 * The daily retention run: lists the tenants and fans out one job per tenant and task.
 * Without a day, the worker's today (UTC). Payloads carry ids and dates only.
 */
export const retentionDailyJob = defineJob({
  name: "retention.daily",
  queue: "retention",
  payload: z.object({ day: ZDay.optional() }),
});

/** Anonymised statistics of one finished day for one tenant (run for yesterday). */
export const dailyStatsJob = defineJob({
  name: "retention.daily-stats",
  queue: "retention",
  payload: z.object({ customerId: z.uuid(), day: ZDay }),
});

/**
 * Every hour: recompute today's statistics of every tenant (one retention.daily-stats job each),
 * so Reports show today's conversations within the hour; the nightly run finalises the day.
 */
export const statsTodayJob = defineJob({
  name: "retention.stats-today",
  queue: "retention",
  payload: z.object({}),
});

/** The retention purge of one tenant on one day. */
export const purgeTenantJob = defineJob({
  name: "retention.purge-tenant",
  queue: "retention",
  payload: z.object({ customerId: z.uuid(), day: ZDay }),
});

/** Post-termination deletion of one customer, on or after its deletion date. */
export const deleteCustomerJob = defineJob({
  name: "retention.delete-customer",
  queue: "retention",
  payload: z.object({ customerId: z.uuid(), day: ZDay }),
});

/**
 * A job id that de-duplicates per tenant and day (BullMQ ignores an add whose id exists), so a
 * scheduler that fires twice, or a retried fan-out, never runs the same purge twice at once.
 */
export function retentionJobId(name: string, customerId: string, day: string): string {
  return `${name.replace(/\./g, "_")}_${customerId}_${day}`;
}
