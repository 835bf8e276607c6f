import type { z } from "zod";
import type { TJobDefinition } from "@forecourt/jobs";

/**
 * One registry entry: job name → payload schema → handler (formbricks' packages/jobs pattern).
 * The worker validates every payload against its schema when it dequeues it. Kept apart from
 * registry.ts so the files of handlers can use it without importing the registry (a cycle).
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
  // async: a payload that fails its schema rejects the promise rather than throwing at the caller.
  return { job, handle: async (payload) => handle(job.payload.parse(payload)), schedule };
}
