import type { WorkerOptions } from "bullmq";
import { backoffStrategy } from "./backoff";
import { bullConnection, bullPrefix } from "./connection";
import { QUEUE_CONCURRENCY, type TQueueName } from "./define-job";

/** What every Worker of a queue is started with (the worker process and the tests that run jobs). */
export function workerOptions(queue: TQueueName, overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
    connection: bullConnection(),
    prefix: bullPrefix(),
    concurrency: QUEUE_CONCURRENCY[queue],
    settings: { backoffStrategy },
    ...overrides,
  };
}
