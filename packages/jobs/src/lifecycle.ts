import { z } from "zod";
import { defineJob } from "./define-job";

/**
 * The daily contract lifecycle run (docs/contract-lifecycle.md). The payload names the day to
 * run for; the job scheduler's repeating job carries none, and the handler then uses the day
 * the job was created in the contract time zone. A manual or test run passes the day.
 */
export const lifecycleDailyJob = defineJob({
  name: "lifecycle.daily",
  queue: "lifecycle",
  payload: z.object({
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a calendar date YYYY-MM-DD")
      .optional(),
    /** Only these customers (a manual re-run for one customer, tests); default: every customer. */
    customerIds: z.array(z.uuid()).optional(),
  }),
});

/** When the scheduler runs it: 00:05 every day in the contract time zone. */
export const LIFECYCLE_DAILY_SCHEDULE = { pattern: "5 0 * * *", tz: "Europe/Amsterdam" } as const;
