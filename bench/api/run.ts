/**
 * The public API benchmark (issue 12; docs/benchmarks.md "Public API"). Through ONE production
 * web process (apps/web/server.ts, NODE_ENV=production) with API-key authentication, an open-loop
 * load at a fixed rate (requests are started on schedule whether or not earlier ones answered,
 * so a slow server shows as latency, not as a politely lower rate) of two operations, alternately:
 *   - GET  /api/v1/conversations?limit=20          (list conversations)
 *   - POST /api/v1/conversations/{id}/messages     (send message, unique clientId each)
 * Reported per operation: answered, errors by status, p50/p95/p99/max latency; CPU per request of
 * the web process and of PostgreSQL's backends; and a check in PostgreSQL that every 201 wrote
 * exactly one message (lost / doubled). Budget (DESIGN.md): p95 < 50 ms at 200 requests/s.
 *
 * Usage (test database of a slot; the production web build must exist):
 *   export FC_SLOT=4; source scripts/test-env.sh; pnpm build
 *   pnpm --silent --filter @forecourt/bench api --rate 200 --duration 20 --conversations 1000
 */
import { parseArgs } from "node:util";
import { getConfig } from "@forecourt/config";
import { createTestApiKey } from "@forecourt/core/api-keys/test-api-key";
import { createChatTenant } from "@forecourt/core/chat/test-helpers";
import { assertLocalTestDatabase, ownerDb } from "@forecourt/testing";
import { latencySummary, loadAverage, sleep, startCpuMeter, stopProcess } from "../channels/common";
import { startWeb } from "../web-process";

const { values: args } = parseArgs({
  options: {
    rate: { type: "string", default: "200" },
    duration: { type: "string", default: "20" },
    conversations: { type: "string", default: "1000" },
    warmup: { type: "string", default: "3" },
    web: { type: "string" },
  },
});

const BUDGET = { p95Ms: 50, rate: 200 };
const config = getConfig();
assertLocalTestDatabase();

async function arrange(conversations: number) {
  const t = await createChatTenant("Api bench");
  const contacts = Array.from({ length: conversations }, (_, i) => ({
    id: crypto.randomUUID(),
    customerId: t.customer.id,
    name: `Bench contact ${i}`,
  }));
  await ownerDb().contact.createMany({ data: contacts });
  const now = Date.now();
  const rows = contacts.map((c, i) => ({
    id: crypto.randomUUID(),
    customerId: t.customer.id,
    dealerId: t.dealer.id,
    channelId: t.channel.id,
    contactId: c.id,
    lastMessageAt: new Date(now - i * 1000),
  }));
  await ownerDb().conversation.createMany({ data: rows });
  const { token } = await createTestApiKey(t.customer.id, { name: "Bench" });
  return { customerId: t.customer.id, token, conversationIds: rows.map((r) => r.id) };
}

type TSample = { op: "list" | "send"; status: number; ms: number; clientId?: string };

async function request(url: string, token: string, op: "list" | "send", conversationId: string): Promise<TSample> {
  const started = performance.now();
  const clientId = op === "send" ? `bench-${crypto.randomUUID()}` : undefined;
  const response = await fetch(
    op === "list" ? `${url}/api/v1/conversations?limit=20` : `${url}/api/v1/conversations/${conversationId}/messages`,
    op === "list"
      ? { headers: { authorization: `Bearer ${token}` } }
      : {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ body: "Your car is ready for collection.", clientId }),
        },
  ).catch(() => null);
  if (response) await response.arrayBuffer();
  return { op, status: response?.status ?? 0, ms: performance.now() - started, clientId };
}

/** Open loop: one request every 1000/rate ms for `seconds`, whatever the server does. */
async function load(url: string, token: string, ids: string[], rate: number, seconds: number) {
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const pending: Promise<TSample>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(request(url, token, i % 2 === 0 ? "list" : "send", ids[i % ids.length]!));
  }
  // The rate the load was offered at (the schedule held?) and the wall time until the last answer.
  const issueSeconds = (performance.now() - start) / 1000;
  const samples = await Promise.all(pending);
  return { samples, issueSeconds, wallSeconds: (performance.now() - start) / 1000 };
}

function summary(samples: TSample[], op: "list" | "send") {
  const mine = samples.filter((s) => s.op === op);
  const ok = mine.filter((s) => s.status === (op === "list" ? 200 : 201));
  const errors: Record<string, number> = {};
  for (const s of mine) if (!ok.includes(s)) errors[s.status] = (errors[s.status] ?? 0) + 1;
  return {
    sent: mine.length,
    ok: ok.length,
    errors,
    ...latencySummary(ok.map((s) => s.ms)),
  };
}

async function main() {
  const rate = Number(args.rate);
  const seconds = Number(args.duration);
  const loadBefore = loadAverage();
  console.error(`[bench] arranging ${args.conversations} conversations…`);
  const arranged = await arrange(Number(args.conversations));
  // The per-key and per-tenant limits are the product's defence, not what is measured: raised.
  const web = args.web
    ? null
    : await startWeb({ API_RATE_LIMIT_PER_KEY_MINUTE: "10000000", API_RATE_LIMIT_PER_TENANT_MINUTE: "10000000" });
  const url = args.web ?? `http://127.0.0.1:${config.WEB_PORT}`;
  try {
    console.error(`[bench] warm-up ${args.warmup} s at ${Math.min(rate, 50)} req/s…`);
    await load(url, arranged.token, arranged.conversationIds, Math.min(rate, 50), Number(args.warmup));
    const cpu = await startCpuMeter(web?.child.pid ?? null);
    console.error(`[bench] measuring ${seconds} s at ${rate} req/s (half list, half send)…`);
    const { samples, issueSeconds, wallSeconds } = await load(
      url,
      arranged.token,
      arranged.conversationIds,
      rate,
      seconds,
    );
    const cpuFigures = await cpu(samples.length);
    const sentIds = samples.filter((s) => s.op === "send" && s.status === 201).map((s) => s.clientId!);
    const stored = await ownerDb().message.groupBy({
      by: ["clientId"],
      where: { customerId: arranged.customerId, clientId: { in: sentIds } },
      _count: true,
    });
    const lost = sentIds.length - stored.length;
    const doubled = stored.filter((g) => g._count > 1).length;
    const list = summary(samples, "list");
    const send = summary(samples, "send");
    const met =
      rate >= BUDGET.rate &&
      samples.length / issueSeconds >= BUDGET.rate * 0.98 &&
      list.p95ms < BUDGET.p95Ms &&
      send.p95ms < BUDGET.p95Ms &&
      lost === 0 &&
      doubled === 0 &&
      list.ok === list.sent &&
      send.ok === send.sent;
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          loadAverage: { before: loadBefore, after: loadAverage() },
          rate,
          seconds,
          conversations: Number(args.conversations),
          offeredPerSecond: Math.round((samples.length / issueSeconds) * 10) / 10,
          answeredPerSecond: Math.round((samples.length / wallSeconds) * 10) / 10,
          listConversations: list,
          sendMessage: { ...send, lost, doubled },
          ...cpuFigures,
          budget: `p95 < ${BUDGET.p95Ms} ms for both at ${BUDGET.rate} requests/s, every request answered, 0 lost, 0 doubled`,
          budgetMet: met,
        },
        null,
        2,
      ),
    );
  } finally {
    if (web) await stopProcess(web);
    await ownerDb().$disconnect();
  }
}

await main();
process.exit(0);
