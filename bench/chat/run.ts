/**
 * The live-chat benchmark (DESIGN.md budgets). One run measures, on this machine:
 *   1. end to end: N visitor and N agent sockets on one gateway process, visitors send at a
 *      target rate, agents receive: throughput, latency p50/p95/p99, lost and doubled;
 *   2. sustained persisted messages through one gateway process (as fast as acks come back);
 *   3. ceiling: the same client loop against a bare Socket.io relay (no database, no Redis);
 *   4. ceiling: raw PostgreSQL inserts of the same Message rows (pg, no ORM, no sockets).
 *
 * Usage (test environment of a slot; never the development database):
 *   FC_SLOT=1 source scripts/test-env.sh && pnpm --filter @forecourt/bench chat -- \
 *     --conversations 1000 --rate 200 --duration 20 --sustained 15
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { io as connect, type Socket } from "socket.io-client";
import { findRepoRoot, getConfig } from "@forecourt/config";
import { newVisitorToken, newWidgetKey } from "@forecourt/core/chat/keys";
import { issueRealtimeToken } from "@forecourt/core/chat/realtime-token";
import { EVENTS, type TMessageEvent } from "@forecourt/protocol";
import { assertLocalTestDatabase, createTestTenant, ownerDb } from "@forecourt/testing";

const { values: args } = parseArgs({
  options: {
    conversations: { type: "string", default: "1000" },
    rate: { type: "string", default: "200" },
    duration: { type: "string", default: "20" },
    sustained: { type: "string", default: "15" },
    window: { type: "string", default: "256" },
    /** Use a gateway that is already running (e.g. under a profiler) instead of starting one. */
    gateway: { type: "string" },
  },
  allowPositionals: true,
});
const N = Number(args.conversations);
const RATE = Number(args.rate);
const DURATION = Number(args.duration);
const SUSTAINED = Number(args.sustained);
const WINDOW = Number(args.window);
const root = findRepoRoot();
const config = getConfig();
assertLocalTestDatabase();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round = (n: number) => Math.round(n * 100) / 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startChild(
  script: string,
  argv: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  // `node --import tsx` with bench's own tsx (a fresh install has no tsx at the repository root).
  // The child gets the same environment plus overrides (port, raised abuse limits).
  // eslint-disable-next-line no-restricted-properties, no-restricted-syntax
  const childEnv = { ...process.env, ...env };
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), script, ...argv], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      const ready = /ready (\d+)/.exec(text) ?? /listening on port (\d+)/.exec(text);
      if (ready) resolve({ child, port: Number(ready[1]) });
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function open(url: string, token: string): Promise<Socket> {
  const socket = connect(url, { transports: ["websocket"], auth: { token }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

async function openAll(url: string, tokens: string[], batch = 100): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    sockets.push(...(await Promise.all(tokens.slice(i, i + batch).map((t) => open(url, t)))));
  }
  return sockets;
}

/**
 * A tenant shaped like real dealers: one dealer (with its widget channel and one agent scoped to
 * it) per 10 conversations, so an inbox summary fans out to that dealer's 10 agent sockets.
 */
async function arrange() {
  const db = ownerDb();
  const { customer } = await createTestTenant("Bench");
  const dealerCount = Math.max(1, Math.ceil(N / 10));
  const dealers = Array.from({ length: dealerCount }, (_, d) => ({
    id: randomUUID(),
    channelId: randomUUID(),
    userId: randomUUID(),
    membershipId: randomUUID(),
    sessionId: randomUUID(),
    d,
  }));
  await db.dealer.createMany({
    data: dealers.map((x) => ({ id: x.id, customerId: customer.id, name: `Bench dealer ${x.d} ${x.id}` })),
  });
  await db.channel.createMany({
    data: dealers.map((x) => ({
      id: x.channelId,
      customerId: customer.id,
      dealerId: x.id,
      type: "WIDGET" as const,
      name: "Bench",
      publicKey: newWidgetKey(customer.id),
    })),
  });
  await db.user.createMany({
    data: dealers.map((x) => ({ id: x.userId, email: `bench-${x.userId}@test.example`, name: `Bench agent ${x.d}` })),
  });
  await db.membership.createMany({
    data: dealers.map((x) => ({
      id: x.membershipId,
      customerId: customer.id,
      userId: x.userId,
      role: "AGENT" as const,
    })),
  });
  await db.membershipDealer.createMany({
    data: dealers.map((x) => ({ customerId: customer.id, membershipId: x.membershipId, dealerId: x.id })),
  });
  await db.userSession.createMany({
    data: dealers.map((x) => ({
      id: x.sessionId,
      userId: x.userId,
      activeCustomerId: customer.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    })),
  });
  const rows = Array.from({ length: N }, (_, k) => ({
    dealer: dealers[Math.floor(k / 10)]!,
    contactId: randomUUID(),
    conversationId: randomUUID(),
    ...newVisitorToken(customer.id),
  }));
  await db.contact.createMany({
    data: rows.map((r) => ({ id: r.contactId, customerId: customer.id, name: "Bench visitor" })),
  });
  await db.visitorSession.createMany({
    data: rows.map((r) => ({
      customerId: customer.id,
      channelId: r.dealer.channelId,
      contactId: r.contactId,
      tokenHash: r.tokenHash,
    })),
  });
  await db.conversation.createMany({
    data: rows.map((r) => ({
      id: r.conversationId,
      customerId: customer.id,
      dealerId: r.dealer.id,
      channelId: r.dealer.channelId,
      contactId: r.contactId,
    })),
  });
  const agentToken = (k: number) => {
    const x = rows[k]!.dealer;
    return issueRealtimeToken({ sessionId: x.sessionId, userId: x.userId, customerId: customer.id });
  };
  return { customer, rows, agentToken };
}

type TResult = {
  sent: number;
  acked: number;
  refused: number;
  received: number;
  lost: number;
  doubled: number;
  seconds: number;
  latencies: number[];
};

/**
 * Visitors send; agents (one per conversation, joined by `sync`) receive. The body carries
 * the send time; a message counts as received once, by clientId.
 */
async function runLoad(options: {
  visitors: Socket[];
  agents: Socket[];
  conversationIds: string[];
  seconds: number;
  rate: number | null;
}): Promise<TResult> {
  const { visitors, agents, conversationIds } = options;
  const sent = new Map<string, number>();
  const seen = new Map<string, number>();
  const latencies: number[] = [];
  const ackedIds = new Set<string>();
  let refused = 0;
  let doubled = 0;
  for (const a of agents) {
    a.removeAllListeners(EVENTS.message);
    a.on(EVENTS.message, (m: TMessageEvent) => {
      const at = sent.get(m.clientId);
      if (at === undefined) return;
      const count = (seen.get(m.clientId) ?? 0) + 1;
      seen.set(m.clientId, count);
      if (count > 1) doubled++;
      else latencies.push(performance.now() - at);
    });
  }
  let i = 0;
  let inFlight = 0;
  const sendOne = () => {
    const k = i++ % visitors.length;
    const clientId = `b-${randomUUID()}`;
    sent.set(clientId, performance.now());
    inFlight++;
    visitors[k]!.timeout(30_000).emit(
      EVENTS.send,
      { conversationId: conversationIds[k], clientId, body: `bench ${i}` },
      (err: unknown, ack: { ok: boolean }) => {
        inFlight--;
        if (!err && ack.ok) ackedIds.add(clientId);
        else refused++;
      },
    );
  };
  const started = performance.now();
  const end = started + options.seconds * 1000;
  if (options.rate) {
    // Open loop at the target rate: a tick every 10 ms sends what is due.
    let due = 0;
    while (performance.now() < end) {
      const target = Math.floor(((performance.now() - started) / 1000) * options.rate);
      while (due < target) {
        sendOne();
        due++;
      }
      await sleep(10);
    }
  } else {
    // Closed loop: keep WINDOW messages in flight, as fast as acks return.
    while (performance.now() < end) {
      while (inFlight < WINDOW) sendOne();
      await sleep(1);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const grace = performance.now() + 15_000;
  while (performance.now() < grace && (inFlight > 0 || seen.size < sent.size)) await sleep(50);
  latencies.sort((a, b) => a - b);
  // Lost: the server acked it (committed) but no agent ever received it.
  const lost = [...ackedIds].filter((id) => !seen.has(id)).length;
  return { sent: sent.size, acked: ackedIds.size, refused, received: seen.size, lost, doubled, seconds, latencies };
}

function summary(name: string, r: TResult) {
  return {
    name,
    sent: r.sent,
    acked: r.acked,
    refused: r.refused,
    received: r.received,
    lost: r.lost,
    doubled: r.doubled,
    throughputPerSecond: round(r.acked / r.seconds),
    p50ms: round(percentile(r.latencies, 50)),
    p95ms: round(percentile(r.latencies, 95)),
    p99ms: round(percentile(r.latencies, 99)),
  };
}

async function rawInserts(customerId: string, conversationIds: string[], seconds: number) {
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });
  const seqs = new Map<string, number>();
  const { rows } = await pool.query<{ id: string; lastSeq: number }>(
    `SELECT id, "lastSeq" FROM "Conversation" WHERE id = ANY($1::uuid[])`,
    [conversationIds],
  );
  for (const r of rows) seqs.set(r.id, r.lastSeq + 1_000_000);
  let done = 0;
  let k = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const conversationId = conversationIds[k++ % conversationIds.length]!;
      const seq = (seqs.get(conversationId) ?? 0) + 1;
      seqs.set(conversationId, seq);
      await pool.query(
        `INSERT INTO "Message" ("id","customerId","conversationId","seq","clientId","authorType","kind","body")
         VALUES ($1,$2,$3,$4,$5,'CONTACT','TEXT',$6)`,
        [randomUUID(), customerId, conversationId, seq, `raw-${randomUUID()}`, `bench ${seq}`],
      );
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 10 }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  return {
    name: "raw PostgreSQL inserts (pg, 10 connections)",
    rows: done,
    throughputPerSecond: round(done / elapsed),
  };
}

async function main() {
  console.error(`[bench] arranging ${N} conversations…`);
  const { customer, rows, agentToken } = await arrange();
  const conversationIds = rows.map((r) => r.conversationId);
  const limits = {
    CHAT_LIMIT_MESSAGES_PER_IP_MINUTE: "100000000",
    CHAT_LIMIT_MESSAGES_PER_CHANNEL_MINUTE: "100000000",
    GATEWAY_PORT: String(config.WEB_PORT + 7),
  };
  const gateway = args.gateway ? null : await startChild(path.join(root, "apps/gateway/src/main.ts"), [], limits);
  const url = args.gateway ?? `http://127.0.0.1:${gateway!.port}`;
  const results: object[] = [];
  try {
    console.error(`[bench] opening ${N} visitor + ${N} agent sockets on one gateway process…`);
    const visitors = await openAll(
      `${url}/visitor`,
      rows.map((r) => r.token),
    );
    const agents = await openAll(
      `${url}/agent`,
      rows.map((_, k) => agentToken(k)),
    );
    await Promise.all(
      agents.map((a, k) =>
        a
          .timeout(30_000)
          .emitWithAck(EVENTS.sync, { conversations: [{ conversationId: conversationIds[k], afterSeq: 0 }] }),
      ),
    );
    console.error(`[bench] end to end at ${RATE} msg/s for ${DURATION} s…`);
    results.push({
      ...summary(
        `end to end, ${N} conversations (${2 * N} sockets), ${RATE} msg/s`,
        await runLoad({ visitors, agents, conversationIds, seconds: DURATION, rate: RATE }),
      ),
    });
    for (const s of [...visitors, ...agents]) s.disconnect();

    // Sustained: fewer sockets, as fast as one gateway process persists.
    const M = Math.min(N, 100);
    const v2 = await openAll(
      `${url}/visitor`,
      rows.slice(0, M).map((r) => r.token),
    );
    const a2 = await openAll(
      `${url}/agent`,
      rows.slice(0, M).map((_, k) => agentToken(k)),
    );
    await Promise.all(
      a2.map((a, k) =>
        a
          .timeout(30_000)
          .emitWithAck(EVENTS.sync, { conversations: [{ conversationId: conversationIds[k], afterSeq: 1_000_000 }] }),
      ),
    );
    console.error(`[bench] sustained persisted messages for ${SUSTAINED} s (window ${WINDOW})…`);
    const sustained = summary(
      `sustained, one gateway process, ${M} conversations, window ${WINDOW}`,
      await runLoad({ visitors: v2, agents: a2, conversationIds, seconds: SUSTAINED, rate: null }),
    );
    results.push(sustained);
    for (const s of [...v2, ...a2]) s.disconnect();

    // Ceiling 1: bare Socket.io relay, same client loop.
    const relay = await startChild(path.join(root, "bench/chat/bare-relay.ts"), ["0"], {});
    try {
      const rv = await openAll(
        `http://127.0.0.1:${relay.port}/visitor`,
        rows.slice(0, M).map(() => "x"),
      );
      const ra = await openAll(
        `http://127.0.0.1:${relay.port}/agent`,
        rows.slice(0, M).map(() => "x"),
      );
      await Promise.all(
        ra.map((a, k) =>
          a
            .timeout(30_000)
            .emitWithAck(EVENTS.sync, { conversations: [{ conversationId: conversationIds[k], afterSeq: 0 }] }),
        ),
      );
      console.error(`[bench] ceiling: bare Socket.io relay for ${SUSTAINED} s…`);
      const bare = summary(
        "ceiling: bare Socket.io relay (no database, no Redis)",
        await runLoad({ visitors: rv, agents: ra, conversationIds, seconds: SUSTAINED, rate: null }),
      );
      results.push(bare);
      for (const s of [...rv, ...ra]) s.disconnect();
      console.error(`[bench] ceiling: raw PostgreSQL inserts for ${SUSTAINED} s…`);
      const raw = await rawInserts(customer.id, conversationIds.slice(0, M), SUSTAINED);
      results.push(raw);
      results.push({
        name: "ratios",
        sustainedVsBareRelay: round(sustained.throughputPerSecond / bare.throughputPerSecond),
        sustainedVsRawInserts: round(sustained.throughputPerSecond / raw.throughputPerSecond),
      });
    } finally {
      relay.child.kill("SIGTERM");
    }
  } finally {
    gateway?.child.kill("SIGTERM");
  }
  console.log(JSON.stringify(results, null, 2));
  await ownerDb().$disconnect();
  process.exit(0);
}

await main();
