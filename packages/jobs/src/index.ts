export { bullConnection, bullPrefix } from "./connection";
export { QUEUES, defineJob, type TJobDefinition, type TQueueName } from "./define-job";
export { closeQueues, enqueue, queue } from "./producer";
