/**
 * The webhooks benchmark (issue 12; docs/benchmarks.md "Outbound webhooks"). One run measures:
 *   1. backlog: N message.created events committed while no worker runs, then ONE worker process
 *      (apps/worker/src/main.ts) started: deliveries per second to a local receiver (real HTTP,
 *      every signature verified with the standardwebhooks verifier), with a share of injected
 *      500s retried by the backoff; lost / doubled counted at the receiver by webhook-id;
 *   2. live: messages sent at a fixed rate while the worker runs: commit → receiver latency
 *      (NOTIFY → fan-out → job → signed POST).
 *
 * Usage (the test environment of a slot, never the development database):
 *   export FC_SLOT=2; source scripts/test-env.sh
 *   pnpm --silent --filter @forecourt/bench webhooks --events 2000 --rate 100 --duration 10
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { Webhook } from "standardwebhooks";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { createChatTenant, TEST_ORIGIN } from "@forecourt/core/chat/test-helpers";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { createWebhookEndpoint } from "@forecourt/core/webhooks/create-webhook-endpoint";
import { closeQueues, queue } from "@forecourt/jobs";
import { assertLocalTestDatabase, createTestUser, ownerDb } from "@forecourt/testing";
import { startWebhookReceiver, type TReceivedWebhook } from "@forecourt/testing/webhook-receiver";
import { latencySummary, loadAverage, root, round, sleep, startProcess, stopProcess } from "../channels/common";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "2000" },
    failures: { type: "string", default: "0.05" },
    rate: { type: "string", default: "100" },
    duration: { type: "string", default: "10" },
  },
});
const EVENTS = Number(args.events);
const FAILURES = Number(args.failures);
const RATE = Number(args.rate);
const DURATION_S = Number(args.duration);
/** Our own budget (the issue names none): the 200 msg/s chat load, each message one message.created. */
const BUDGET = { deliveriesPerSecond: 200, liveP95Ms: 1_000 };

assertLocalTestDatabase();
await queue("webhooks").obliterate({ force: true });
const receiver = await startWebhookReceiver();
// A share of first attempts answer 500 (retried with backoff); every retry then succeeds.
const failedOnce = new Set<string>();
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
receiver.respond = (hit) => {
  const id = hit.headers["webhook-id"]!;
  if (!failedOnce.has(id) && random() < FAILURES) {
    failedOnce.add(id);
    return 500;
  }
  return 200;
};

const t = await createChatTenant("Bench webhooks");
const { user } = await createTestUser({ customerId: t.customer.id, role: "OWNER" });
const owner = testMemberPrincipal(user.id, t.customer.id, "OWNER");
const { secret } = await createWebhookEndpoint({
  actor: owner,
  input: { url: receiver.url("/bench"), events: ["message.created"] },
});
const verifier = new Webhook(secret);
// Eight conversations (one per lane of concurrent sends), so sends do not queue on one row lock.
const chats = await Promise.all(
  Array.from({ length: 8 }, async () => {
    const started = await startVisitorConversation({
      input: { key: t.channel.publicKey!, origin: TEST_ORIGIN, name: "Bench", consent: true },
    });
    return {
      conversationId: started.conversationId,
      visitor: (await resolveVisitorSession({ token: started.token }))!,
    };
  }),
);
let clientSeq = 0;
const send = () => {
  const n = ++clientSeq;
  const chat = chats[n % chats.length]!;
  return sendMessage({
    sender: { visitor: chat.visitor },
    input: {
      conversationId: chat.conversationId,
      clientId: `bench-${String(n).padStart(8, "0")}`,
      body: `message ${n}`,
    },
    publish: false,
  });
};

// 1. Backlog: commit EVENTS events with no worker running.
console.log(`load average before: ${loadAverage()}`);
const commitStart = performance.now();
for (let i = 0; i < EVENTS; i += 8) await Promise.all(Array.from({ length: Math.min(8, EVENTS - i) }, send));
console.log(`committed ${EVENTS} messages (events) in ${round((performance.now() - commitStart) / 1000)} s`);

const sentAt = new Map<string, number>();
const worker = await startProcess({
  name: "worker",
  cwd: path.join(root, "apps/worker"),
  script: "src/main.ts",
  env: { WEBHOOK_BACKOFF_BASE_MS: "200" },
  ready: /\[worker\] running/,
  quiet: /webhooks\.deliver .* failed: HTTP 500/,
});
const workerReady = performance.now();
const ok = (all: TReceivedWebhook[]) => all.filter((h) => h.status === 200);
await receiver.waitFor((all) => ok(all).length >= EVENTS, 300_000);
const backlogDone = performance.now();
const backlog = summarise(receiver.received, EVENTS);
const first200 = Math.min(...ok(receiver.received).map((h) => h.at));
const last200 = Math.max(...ok(receiver.received).map((h) => h.at));
const backlogRate = EVENTS / ((last200 - first200) / 1000);

// 2. Live: RATE messages/s for DURATION_S seconds, commit → receipt.
receiver.reset();
failedOnce.clear();
receiver.respond = () => 200;
const liveCount = RATE * DURATION_S;
const liveStart = performance.now();
const commits: Promise<void>[] = [];
for (let i = 0; i < liveCount; i++) {
  const due = liveStart + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  commits.push(
    send().then(async (r) => {
      const row = await ownerDb().webhookEvent.findFirst({ where: { messageId: r.id }, select: { id: true } });
      if (row) sentAt.set(row.id, Date.now());
    }),
  );
}
await Promise.all(commits);
await receiver.waitFor((all) => ok(all).length >= liveCount, 120_000);
const live = summarise(receiver.received, liveCount);
const latencies = ok(receiver.received)
  .map((h) => h.at - (sentAt.get(h.headers["webhook-id"]!) ?? NaN))
  .filter(Number.isFinite);
const liveLatency = latencySummary(latencies);

await stopProcess(worker);
await receiver.close();
await closeQueues();
console.log(`load average after: ${loadAverage()}`);
console.table({
  backlog: {
    events: EVENTS,
    injected500s: backlog.failures,
    lost: backlog.lost,
    doubled: backlog.doubled,
    badSignatures: backlog.badSignatures,
    "deliveries/s": round(backlogRate),
    "worker start → last delivery s": round((backlogDone - workerReady) / 1000),
    budget: `≥ ${BUDGET.deliveriesPerSecond}/s`,
  },
  live: {
    events: liveCount,
    injected500s: 0,
    lost: live.lost,
    doubled: live.doubled,
    badSignatures: live.badSignatures,
    "rate/s": RATE,
    ...liveLatency,
    budget: `p95 < ${BUDGET.liveP95Ms} ms`,
  },
});
const met =
  backlogRate >= BUDGET.deliveriesPerSecond && backlog.lost + live.lost + backlog.doubled + live.doubled === 0;
console.log(
  `budget: ≥ ${BUDGET.deliveriesPerSecond} deliveries/s through one worker, 0 lost, 0 doubled: ${met ? "met" : "NOT met"}; live p95 ${liveLatency.p95ms} ms (< ${BUDGET.liveP95Ms} ms: ${liveLatency.p95ms < BUDGET.liveP95Ms ? "met" : "NOT met"})`,
);
await ownerDb().$disconnect();
process.exit(0);

/** Lost: events with no 2xx; doubled: a 2xx more than once for one webhook-id; every signature checked. */
function summarise(all: TReceivedWebhook[], expected: number) {
  let badSignatures = 0;
  for (const h of all) {
    try {
      verifier.verify(h.body, h.headers);
    } catch {
      badSignatures++;
    }
  }
  const delivered = new Map<string, number>();
  for (const h of ok(all)) delivered.set(h.headers["webhook-id"]!, (delivered.get(h.headers["webhook-id"]!) ?? 0) + 1);
  return {
    failures: all.filter((h) => h.status === 500).length,
    lost: expected - delivered.size,
    doubled: [...delivered.values()].filter((n) => n > 1).length,
    badSignatures,
  };
}
