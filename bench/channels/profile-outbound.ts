/**
 * Where a delivery's time goes, without the worker process: replies queued as in the bench,
 * their jobs removed, then deliverMessage (the job's body) called here one at a time against
 * the Meta Graph stand-in: time, statements sent to PostgreSQL and CPU per delivery.
 */
import { deliverMessage } from "@forecourt/core/channels/deliver-message";
import { queue } from "@forecourt/jobs";
import { deliverMessageJob, deliveryJobId } from "@forecourt/jobs/channel-jobs";
import type { TMetaGraph } from "@forecourt/testing/meta-graph";
import { round, startCpuMeter } from "./common";
import { arrangeOutbound, queueReplies } from "./outbound";
import { statementCount } from "./statements";

export async function profileOutbound(graph: TMetaGraph, options: { messages: number }) {
  const a = await arrangeOutbound(graph, { channels: 1, conversations: 20 });
  const replies = await queueReplies(a, options.messages + 10, "p");
  for (const r of replies) await (await queue(deliverMessageJob.queue).getJob(deliveryJobId(r.id)))?.remove();
  const deliver = (id: string) =>
    deliverMessage({ customerId: a.customerId, messageId: id, attempt: 1, maxAttempts: 8 });
  for (const r of replies.slice(0, 10)) await deliver(r.id); // warm-up: query shapes, connections
  const measured = replies.slice(10);
  const times: number[] = [];
  const before = statementCount();
  const cpu = await startCpuMeter(process.pid);
  for (const r of measured) {
    const started = performance.now();
    if ((await deliver(r.id)) !== "sent") throw new Error(`delivery of ${r.id} did not send`);
    times.push(performance.now() - started);
  }
  const { cpuMsPerEvent } = await cpu(measured.length);
  return {
    name: "outbound, sequential: deliverMessage in-process against the stand-in",
    deliveries: measured.length,
    msPerDelivery: round(times.reduce((x, y) => x + y, 0) / times.length),
    statementsPerDelivery: round((statementCount() - before) / measured.length),
    cpuMsPerDelivery: { process: cpuMsPerEvent.process, postgres: cpuMsPerEvent.postgres },
  };
}
