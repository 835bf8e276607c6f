import type { z } from "zod";

/** The queues. A job's queue decides which worker pool runs it and how it is throttled. */
export const QUEUES = ["lifecycle", "retention", "delivery", "webhooks"] as const;
export type TQueueName = (typeof QUEUES)[number];

/** Jobs run at once per worker process: delivery waits on Meta's HTTP, the rest on Postgres. */
export const QUEUE_CONCURRENCY: Record<TQueueName, number> = { lifecycle: 4, retention: 4, delivery: 16, webhooks: 8 };

/**
 * A job type: its name, its queue and the zod schema of its payload. Payloads carry ids, never
 * message text or personal data (DESIGN.md), so purging the database also purges the queues.
 */
export type TJobDefinition<TPayload extends z.ZodType> = {
  name: string;
  queue: TQueueName;
  payload: TPayload;
};

export function defineJob<TPayload extends z.ZodType>(definition: TJobDefinition<TPayload>) {
  return definition;
}
