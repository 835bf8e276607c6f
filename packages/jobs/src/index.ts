export { bullConnection, bullPrefix } from "./connection";
export { QUEUES, QUEUE_CONCURRENCY, defineJob, type TJobDefinition, type TQueueName } from "./define-job";
export { closeQueues, enqueue, queue } from "./producer";
export { CHANNEL_BACKOFF, WEBHOOK_BACKOFF, backoffStrategy } from "./backoff";
export { workerOptions } from "./worker-options";
