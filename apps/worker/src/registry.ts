import type { z } from "zod";
import type { TJobDefinition } from "@forecourt/jobs";
import { LIFECYCLE_DAILY_SCHEDULE, lifecycleDailyJob } from "@forecourt/jobs/lifecycle";
import { handleLifecycleDaily } from "./handlers/lifecycle-daily";
import { RETENTION_HANDLERS } from "./retention-handlers";

/**
 * One registry: job name → payload schema → handler (formbricks' packages/jobs pattern).
 * The worker validates every payload against its schema when it dequeues it.
 */
export type TJobHandler = {
  job: TJobDefinition<z.ZodType>;
  handle: (payload: unknown) => Promise<unknown>;
  /** A repeating schedule (BullMQ job scheduler), e.g. the daily lifecycle run. */
  schedule?: { every?: number; pattern?: string; tz?: string; payload: unknown };
};

export function handler<TPayload extends z.ZodType>(
  job: TJobDefinition<TPayload>,
  handle: (payload: z.output<TPayload>) => Promise<unknown>,
  schedule?: { every?: number; pattern?: string; tz?: string; payload: z.input<TPayload> },
): TJobHandler {
  return { job, handle: (payload) => handle(job.payload.parse(payload)), schedule };
}

/** Every job the worker runs. Add new handlers here. */
export const HANDLERS: TJobHandler[] = [
  handler(lifecycleDailyJob, handleLifecycleDaily, { ...LIFECYCLE_DAILY_SCHEDULE, payload: {} }),
  ...RETENTION_HANDLERS,
];
