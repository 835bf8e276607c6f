/** The worker process: BullMQ workers for every queue that has handlers, and their schedulers. */
import { Worker } from "bullmq";
import { loadConfigOrExit } from "@forecourt/config";
import { queue, workerOptions, type TQueueName } from "@forecourt/jobs";
import { HANDLERS } from "./registry";
import { startWebhookListener } from "./webhook-listener";

loadConfigOrExit();

const byName = new Map(HANDLERS.map((h) => [h.job.name, h]));
const queueNames = [...new Set(HANDLERS.map((h) => h.job.queue))] as TQueueName[];

for (const h of HANDLERS) {
  if (h.schedule) {
    const { payload, ...repeat } = h.schedule;
    await queue(h.job.queue).upsertJobScheduler(`${h.job.name}:schedule`, repeat, { name: h.job.name, data: payload });
  }
}

const workers = queueNames.map(
  (name) =>
    new Worker(
      name,
      async (job) => {
        const h = byName.get(job.name);
        if (!h) throw new Error(`No handler for job ${job.name}`);
        return h.handle(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 });
      },
      workerOptions(name),
    ),
);
for (const worker of workers) {
  worker.on("failed", (job, error) => console.error(`[worker] ${job?.name} ${job?.id} failed: ${error.message}`));
}
const webhookListener = startWebhookListener();
console.log(`[worker] running ${HANDLERS.length} job type(s) on queue(s): ${queueNames.join(", ") || "none"}`);

async function shutdown() {
  await Promise.all([...workers.map((w) => w.close()), webhookListener.close()]);
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    shutdown().catch((error: unknown) => {
      console.error("[worker] shutdown failed", error);
      process.exit(1);
    });
  });
}
