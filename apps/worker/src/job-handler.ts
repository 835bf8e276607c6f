import type { z } from "zod";
import type { TJobDefinition } from "@forecourt/jobs";

/**
 * One registry entry: job name → payload schema → handler (formbricks' packages/jobs pattern).
 * The worker validates every payload against its schema when it dequeues it. Kept apart from
 * registry.ts so the files of handlers can use it without importing the registry (a cycle).
 */
/** Which try this is (1-based) out of how many BullMQ allows: a handler records a final failure itself. */
export type TJobAttempt = { attempt: number; maxAttempts: number };

export type TJobHandler = {
  job: TJobDefinition<z.ZodType>;
  handle: (payload: unknown, attempt?: TJobAttempt) => Promise<unknown>;
  /** A repeating schedule (BullMQ job scheduler), e.g. the daily lifecycle run. */
  schedule?: { every?: number; pattern?: string; tz?: string; payload: unknown };
};

export function handler<TPayload extends z.ZodType>(
  job: TJobDefinition<TPayload>,
  handle: (payload: z.output<TPayload>, attempt: TJobAttempt) => Promise<unknown>,
  schedule?: { every?: number; pattern?: string; tz?: string; payload: z.input<TPayload> },
): TJobHandler {
  // async: a payload that fails its schema rejects the promise rather than throwing at the caller.
  return {
    job,
    handle: async (payload, attempt = { attempt: 1, maxAttempts: 1 }) => handle(job.payload.parse(payload), attempt),
    schedule,
  };
}
