import { Queue, type JobsOptions } from "bullmq";
import type { z } from "zod";
import { bullConnection, bullPrefix } from "./connection";
import type { TJobDefinition, TQueueName } from "./define-job";

const queues = new Map<TQueueName, Queue>();

export function queue(name: TQueueName): Queue {
  let existing = queues.get(name);
  if (!existing) {
    existing = new Queue(name, { connection: bullConnection(), prefix: bullPrefix() });
    queues.set(name, existing);
  }
  return existing;
}

/** Validates the payload against the job's schema, then enqueues it. */
export async function enqueue<TPayload extends z.ZodType>(
  job: TJobDefinition<TPayload>,
  payload: z.input<TPayload>,
  options?: JobsOptions,
) {
  const data = job.payload.parse(payload);
  return queue(job.queue).add(job.name, data, options);
}

export async function closeQueues() {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
