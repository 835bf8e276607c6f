/**
 * Outbound: agent replies on WhatsApp conversations, committed QUEUED by core's sendMessage
 * (which enqueues `channel.deliver`), delivered by ONE worker process to the Meta Graph
 * stand-in, which fails a share of sends with 500 or 429. Lost and doubled are read from the
 * stand-in's log of accepted sends (each reply carries a unique token in its text).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { receiveMetaWebhook } from "@forecourt/core/channels/receive-meta-webhook";
import { createMetaChannel } from "@forecourt/core/channels/test-helpers";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { enqueue, queue } from "@forecourt/jobs";
import { deliverMessageJob, deliveryJobId, requeueDeliveriesJob } from "@forecourt/jobs/channel-jobs";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import type { TMetaGraph } from "@forecourt/testing/meta-graph";
import { root, round, sleep, startCpuMeter, startProcess, stopProcess, type TProcess } from "./common";
import { buildPayload, type TChannel } from "./inbound";

type TReply = { id: string; token: string };

export type TOutboundArrangement = {
  customerId: string;
  agent: ReturnType<typeof testMemberPrincipal>;
  conversationIds: string[];
};

/**
 * A tenant with WhatsApp numbers known to the stand-in, and conversations whose 24-hour window
 * is open because each customer wrote first (an inbound webhook through core, in-process).
 */
export async function arrangeOutbound(graph: TMetaGraph, options: { channels: number; conversations: number }) {
  const tenant = await createTestTenant("Bench outbound");
  const channels: TChannel[] = [];
  for (let i = 0; i < options.channels; i++) {
    const c = await createMetaChannel(tenant, "WHATSAPP");
    graph.addWhatsApp({
      phoneNumberId: c.externalId,
      wabaId: c.wabaId,
      accessToken: c.accessToken,
      appSecret: c.appSecret,
      webhookUrl: null,
    });
    channels.push(c);
  }
  const at = Math.floor(Date.now() / 1000);
  for (let first = 0; first < options.conversations; first += 10) {
    const senders = Array.from({ length: Math.min(10, options.conversations - first) }, (_, i) => first + i);
    const payload = buildPayload(channels[(first / 10) % channels.length]!, senders, at);
    await receiveMetaWebhook({ rawBody: payload.raw, signature: payload.signature });
  }
  const conversations = await ownerDb().conversation.findMany({
    where: { customerId: tenant.customer.id },
    select: { id: true },
  });
  const { user } = await createTestUser({ customerId: tenant.customer.id, role: "AGENT" });
  return {
    customerId: tenant.customer.id,
    agent: testMemberPrincipal(user.id, tenant.customer.id, "AGENT", { name: "Bench agent" }),
    conversationIds: conversations.map((c) => c.id),
  };
}

/** N replies, round-robin over the conversations, through sendMessage (QUEUED + one job each). */
export async function queueReplies(a: TOutboundArrangement, count: number, label: string): Promise<TReply[]> {
  const replies: TReply[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const token = `${label}-${i}-${randomUUID().slice(0, 8)}`;
      const result = await sendMessage({
        sender: { agent: a.agent },
        input: {
          conversationId: a.conversationIds[i % a.conversationIds.length]!,
          clientId: `bench-${token}`,
          body: `Thanks, we have the car ready for a test drive on Saturday. [${token}]`,
        },
        publish: false,
      });
      replies.push({ id: result.id, token });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return replies;
}

async function statusCounts(ids: string[]) {
  const rows = await ownerDb().$queryRaw<{ status: string | null; n: number }[]>`
    SELECT "deliveryStatus"::text AS "status", count(*)::int AS "n" FROM "Message"
     WHERE "id" = ANY(${ids}::uuid[]) GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.status ?? "null", r.n])) as Record<string, number>;
}

/** Injects one retryable failure (alternately 500 and 429) per `share` of the sends the stand-in sees. */
function injectFailures(graph: TMetaGraph, share: number) {
  let injected = 0;
  const timer = setInterval(() => {
    const seen = graph.sent({ channel: "whatsapp" }).length + injected;
    while (share > 0 && injected < Math.floor(seen * share) + 1) {
      graph.failNext(injected % 2 === 0 ? { kind: "server_error" } : { kind: "rate_limit" }, { on: "send" });
      injected++;
    }
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      graph.clearFailures();
      return injected;
    },
  };
}

export function startWorker(name = "worker"): Promise<TProcess> {
  return startProcess({
    name,
    cwd: path.join(root, "apps/worker"),
    script: "src/main.ts",
    ready: /\[worker\] running/,
    quiet: /channel\.deliver \S+ failed: Meta (had a problem|asked us to slow down)/,
  });
}

/** Waits until every reply is SENT or FAILED (or the deadline), calling `onProgress` with the SENT count. */
async function waitDelivered(ids: string[], deadlineMs: number, onProgress?: (sent: number) => Promise<void>) {
  const deadline = performance.now() + deadlineMs;
  const marks: { at: number; sent: number }[] = [];
  for (;;) {
    const counts = await statusCounts(ids);
    const sent = counts.SENT ?? 0;
    marks.push({ at: performance.now(), sent });
    if (onProgress) await onProgress(sent);
    if (sent + (counts.FAILED ?? 0) >= ids.length || performance.now() > deadline) return { counts, marks };
    await sleep(250);
  }
}

/**
 * From the stand-in's log: how many times each reply was accepted, and whether the database
 * stored the accepted wamid. A reply accepted before the kill and again after it was in flight
 * between Meta's answer and our commit of SENT (the window docs/channels.md names).
 */
async function check(graph: TMetaGraph, replies: TReply[], killAt: number | null) {
  const accepted = new Map<string, { id: string; at: number }[]>();
  for (const m of graph.sent({ channel: "whatsapp" })) {
    const token = /\[([^\]]+)\]$/.exec(m.text ?? "")?.[1];
    if (!token) continue;
    accepted.set(token, [...(accepted.get(token) ?? []), { id: m.id, at: Date.parse(m.at) }]);
  }
  const stored = new Map(
    (
      await ownerDb().message.findMany({
        where: { id: { in: replies.map((r) => r.id) } },
        select: { id: true, externalId: true },
      })
    ).map((m) => [m.id, m.externalId]),
  );
  let lost = 0;
  let doubled = 0;
  let doubledAcrossKill = 0;
  let storedWamidNotAccepted = 0;
  for (const r of replies) {
    const sends = accepted.get(r.token) ?? [];
    if (sends.length === 0) lost++;
    if (sends.length > 1) {
      doubled++;
      if (killAt !== null && sends[0]!.at <= killAt && sends.at(-1)!.at >= killAt) doubledAcrossKill++;
    }
    if (sends.length > 0 && !sends.some((s) => s.id === stored.get(r.id))) storedWamidNotAccepted++;
  }
  return {
    lost,
    doubled,
    ...(killAt === null ? {} : { doubledAcrossKill, doubledOtherwise: doubled - doubledAcrossKill }),
    storedWamidNotAccepted,
  };
}

/** Deliveries per second through one worker: all replies queued first, then the worker is started and timed. */
export async function runOutbound(
  graph: TMetaGraph,
  a: TOutboundArrangement,
  options: { messages: number; failureShare: number },
) {
  graph.reset();
  const replies = await queueReplies(a, options.messages, "t");
  const ids = replies.map((r) => r.id);
  const failures = injectFailures(graph, options.failureShare);
  const worker = await startWorker();
  const cpu = await startCpuMeter(worker.child.pid ?? null);
  const started = performance.now();
  try {
    const { counts, marks } = await waitDelivered(ids, 10 * 60_000);
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = await cpu(counts.SENT ?? 0);
    const injected = failures.stop();
    const ninety = marks.find((m) => m.sent >= 0.9 * ids.length);
    return {
      name: "outbound: queued replies delivered by one worker process (Meta Graph stand-in)",
      messages: ids.length,
      injectedFailures: injected,
      statuses: counts,
      seconds: round(seconds),
      deliveriesPerSecond: round((counts.SENT ?? 0) / seconds),
      first90PercentPerSecond: ninety ? round((0.9 * ids.length) / ((ninety.at - started) / 1000)) : null,
      ...(await check(graph, replies, null)),
      ...cpuUsed,
    };
  } finally {
    failures.stop();
    await stopProcess(worker);
  }
}

/**
 * A crash: the worker is killed with SIGKILL once `killShare` of the replies are SENT and
 * another started. Replies committed but not sent at that moment must still go out once. Some
 * replies also lose their job before any worker sees it (as if the web process died between
 * commit and enqueue): the stale sweep must send those. Its messages must be a minute old, so
 * the bench waits for that and then enqueues the sweep (the worker also runs it every minute).
 */
export async function runCrash(
  graph: TMetaGraph,
  a: TOutboundArrangement,
  options: { messages: number; orphans: number; failureShare: number; killShare: number },
) {
  graph.reset();
  const orphans = await queueReplies(a, options.orphans, "o");
  for (const r of orphans) await (await queue(deliverMessageJob.queue).getJob(deliveryJobId(r.id)))?.remove();
  const orphansQueuedAt = performance.now();
  const replies = await queueReplies(a, options.messages, "c");
  const all = [...orphans, ...replies];
  const failures = injectFailures(graph, options.failureShare);
  let worker = await startWorker("worker-1");
  const started = performance.now();
  let killAt: number | null = null;
  let killedAfter = 0;
  let sentAtKill = 0;
  let sweepEnqueued = false;
  try {
    const { counts } = await waitDelivered(
      all.map((r) => r.id),
      10 * 60_000,
      async (sent) => {
        if (killAt === null && sent >= options.killShare * replies.length) {
          killAt = Date.now();
          killedAfter = (performance.now() - started) / 1000;
          sentAtKill = sent;
          await stopProcess(worker, "SIGKILL");
          console.error(`[bench] worker killed with SIGKILL at ${sent} sent; starting another…`);
          worker = await startWorker("worker-2");
        }
        if (!sweepEnqueued && options.orphans > 0 && performance.now() - orphansQueuedAt > 62_000) {
          sweepEnqueued = true;
          await enqueue(requeueDeliveriesJob, {});
        }
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const injected = failures.stop();
    return {
      name: "outbound crash: worker killed with SIGKILL mid-run, another started; orphaned jobs left to the stale sweep",
      messages: replies.length,
      orphans: orphans.length,
      injectedFailures: injected,
      statuses: counts,
      killedAfterSeconds: round(killedAfter),
      sentAtKill,
      allDoneAfterSeconds: round(seconds),
      ...(await check(graph, all, killAt)),
    };
  } finally {
    failures.stop();
    await stopProcess(worker);
  }
}
