/**
 * Retention purge benchmark (DESIGN.md budget: an 18-month purge of 10 M messages keeps
 * live-chat p99 during the purge below 1.5 × the p99 without it).
 *
 *   export FC_SLOT=4; source scripts/test-env.sh
 *   export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/forecourt_bench_4
 *   pnpm -s db:migrate
 *   pnpm --filter @forecourt/bench retention --messages 1000000 --tenants 4
 *
 * Flags: --messages N (default 1,000,000; 10,000,000 for the full budget run), --tenants N (4),
 * --batch N (purge batch size, 2,000), --pause-ratio X (rest after each batch, × its duration;
 * default the worker's), --chat-rate N (live-chat messages per second, 100),
 * --chat-workers N (8), --baseline-seconds N (20; split into slices between the tenants' purges), --skip-seed (reuse the seeded data; the purge
 * is then re-run on what is left), --compare-partitions N (also time batched DELETE against
 * dropping monthly partitions on N scratch rows; 0 = skip).
 *
 * Seeds with generate_series over the owner connection; purges through the production code
 * (packages/core purgeTenant over the app role, RLS on); simulates live chat as concurrent
 * single-message sends through the production transaction shape (withTenant: increment
 * Conversation.lastSeq, insert the Message) into recent conversations that the purge does not touch.
 */
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { getConfig } from "@forecourt/config";
import { appDb } from "@forecourt/db";
import { backfillDailyStats } from "@forecourt/core/retention/aggregate-daily-stats";
import { retentionCutoff } from "@forecourt/core/retention/cutoff";
import { DEFAULT_PURGE_PAUSE_RATIO, purgeTenant } from "@forecourt/core/retention/purge-tenant";

const NOW = new Date("2026-11-21T02:15:00Z");
const MONTHS_OF_DATA = 24;
const MESSAGES_PER_CONVERSATION = 10;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}
const has = (name: string) => process.argv.includes(`--${name}`);

const opts = {
  messages: flag("messages", 1_000_000),
  tenants: flag("tenants", 4),
  batch: flag("batch", 2_000),
  chatRate: flag("chat-rate", 100),
  chatWorkers: flag("chat-workers", 8),
  baselineSeconds: flag("baseline-seconds", 20),
  comparePartitions: flag("compare-partitions", 0),
  pauseRatio: flag("pause-ratio", DEFAULT_PURGE_PAUSE_RATIO),
  skipSeed: has("skip-seed"),
};

const config = getConfig();
if (!/_bench(_\d+)?$/.test(config.databaseName)) {
  console.error(`Refusing to run: the database "${config.databaseName}" must end in _bench (or _bench_<n>).`);
  process.exit(2);
}
const owner = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2 });

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");
const log = (...args: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

async function seed() {
  log(`seeding ${fmt(opts.messages)} messages over ${MONTHS_OF_DATA} months in ${opts.tenants} tenants`);
  const tables = await owner.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await owner.query(`TRUNCATE ${tables.rows.map((r) => `"${r.t}"`).join(", ")} CASCADE`);
  const conversationsPerTenant = Math.ceil(opts.messages / opts.tenants / MESSAGES_PER_CONVERSATION);
  const contactsPerTenant = Math.max(1, Math.ceil(conversationsPerTenant / 3));
  const start = performance.now();
  for (let t = 0; t < opts.tenants; t++) {
    const {
      rows: [customer],
    } = await owner.query<{ id: string }>(
      `INSERT INTO "Customer" ("id", "name", "kind", "status", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'DEALER_GROUP', 'ACTIVE', now()) RETURNING "id"`,
      [`Bench tenant ${t + 1}`],
    );
    const cid = customer!.id;
    const {
      rows: [dealer],
    } = await owner.query<{ id: string }>(
      `INSERT INTO "Dealer" ("id", "customerId", "name", "updatedAt") VALUES (gen_random_uuid(), $1, 'Bench dealer', now()) RETURNING "id"`,
      [cid],
    );
    await owner.query(
      `INSERT INTO "Channel" ("id", "customerId", "dealerId", "type", "name", "publicKey", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, t::"ChannelType", t, gen_random_uuid()::text, now()
       FROM unnest(ARRAY['WIDGET', 'WHATSAPP']) t`,
      [cid, dealer!.id],
    );
    // Contacts: engagement spread over the 24 months (some will be wiped, some re-engaged).
    await owner.query(
      `INSERT INTO "Contact" ("id", "customerId", "name", "email", "phone", "legalBasis", "lastEngagedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'Contact ' || g, 'c' || g || '@example.com', '+3160' || lpad(g::text, 7, '0'), 'CONSENT',
              $2::timestamptz - (random() * interval '${MONTHS_OF_DATA} months'),
              $2::timestamptz - interval '${MONTHS_OF_DATA} months', now()
       FROM generate_series(1, $3::int) g`,
      [cid, NOW, contactsPerTenant],
    );
    // Conversations, created evenly over the 24 months; in chunks to keep statements short.
    const chunk = 50_000;
    for (let from = 0; from < conversationsPerTenant; from += chunk) {
      const to = Math.min(from + chunk, conversationsPerTenant);
      await owner.query(
        `WITH contacts AS (SELECT "id", row_number() OVER (ORDER BY "id") AS rn FROM "Contact" WHERE "customerId" = $1),
              channels AS (SELECT "id", row_number() OVER (ORDER BY "type") AS rn FROM "Channel" WHERE "customerId" = $1),
              g AS (SELECT g, $2::timestamptz - (($4::int - g)::float8 / $4::int) * interval '${MONTHS_OF_DATA} months' AS at
                    FROM generate_series($5::int + 1, $6::int) g)
         INSERT INTO "Conversation" ("id", "customerId", "dealerId", "channelId", "contactId", "status", "lastSeq",
                                     "lastMessageAt", "createdAt", "closedAt")
         SELECT gen_random_uuid(), $1, $3, ch."id", co."id", 'CLOSED', ${MESSAGES_PER_CONVERSATION},
                g.at + interval '${MESSAGES_PER_CONVERSATION * 2} minutes', g.at, g.at + interval '1 hour'
         FROM g
         JOIN contacts co ON co.rn = (g.g % $7::int) + 1
         JOIN channels ch ON ch.rn = (g.g % 2) + 1`,
        [cid, NOW, dealer!.id, conversationsPerTenant, from, to, contactsPerTenant],
      );
    }
    // Messages: 10 per conversation, alternating contact / agent, a form result first.
    const { rows: ids } = await owner.query<{ id: string }>(
      `SELECT "id" FROM "Conversation" WHERE "customerId" = $1 ORDER BY "createdAt"`,
      [cid],
    );
    for (let from = 0; from < ids.length; from += 20_000) {
      const slice = ids.slice(from, from + 20_000).map((r) => r.id);
      await owner.query(
        `INSERT INTO "Message" ("id", "customerId", "conversationId", "seq", "clientId", "authorType", "kind", "body", "createdAt")
         SELECT gen_random_uuid(), $1, c."id", s, 'seed-' || s,
                (CASE WHEN s % 2 = 1 THEN 'CONTACT' ELSE 'AGENT' END)::"AuthorType",
                (CASE WHEN s = 1 THEN 'FORM' ELSE 'TEXT' END)::"MessageKind",
                'Hello, is the car on your website still available for a test drive on Saturday?',
                c."createdAt" + (s - 1) * interval '2 minutes'
         FROM "Conversation" c, generate_series(1, ${MESSAGES_PER_CONVERSATION}) s
         WHERE c."id" = ANY($2::uuid[])`,
        [cid, slice],
      );
    }
    log(`  tenant ${t + 1}/${opts.tenants}: ${fmt(ids.length)} conversations`);
  }
  await owner.query("VACUUM ANALYZE");
  const seconds = (performance.now() - start) / 1000;
  const { rows } = await owner.query<{ n: string }>(`SELECT count(*) AS n FROM "Message"`);
  log(`seeded ${fmt(Number(rows[0]!.n))} messages in ${seconds.toFixed(1)} s`);
}

import type { TLive } from "./live-chat";

/** Recent conversations (last 30 days) per tenant: live chat writes there, the purge never does. */
async function liveTargets(): Promise<TLive[]> {
  const { rows } = await owner.query<{ customerId: string; ids: string[] }>(
    `SELECT "customerId", (array_agg("id" ORDER BY "createdAt" DESC))[1:200] AS ids
     FROM "Conversation" WHERE "createdAt" > $1::timestamptz - interval '30 days' GROUP BY "customerId"`,
    [NOW],
  );
  return rows.map((r) => ({ customerId: r.customerId, conversationIds: r.ids }));
}

/**
 * Live chat runs in its own process (as the gateway does in production), so the purge's work in
 * this process cannot slow it down through the shared event loop: only the database is shared.
 * One process for the whole run; `phase()` labels the latencies that follow.
 */
function startLiveChat(targets: TLive[]) {
  const child = fork(fileURLToPath(new URL("./live-chat.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const result = new Promise<Record<string, number[]>>((resolve, reject) => {
    child.on("message", (m: { latencies?: Record<string, number[]> }) => m.latencies && resolve(m.latencies));
    child.on("exit", (code) => code && reject(new Error(`live chat exited with ${code}`)));
  });
  child.send({ targets, rate: opts.chatRate, workers: opts.chatWorkers });
  return {
    phase: (phase: string) => child.send({ phase }),
    stop: async () => {
      child.send({ stop: true });
      return result;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const summary = (l: number[]) =>
  `n=${fmt(l.length)} p50=${percentile(l, 50).toFixed(1)} ms p99=${percentile(l, 99).toFixed(1)} ms max=${Math.max(...l).toFixed(1)} ms`;

async function comparePartitions(rows: number) {
  log(`partitions vs batched DELETE on ${fmt(rows)} scratch rows (24 monthly partitions, cutoff 18 months)`);
  await owner.query(`DROP SCHEMA IF EXISTS bench_part CASCADE`);
  await owner.query(`CREATE SCHEMA bench_part`);
  const cols = `id uuid NOT NULL DEFAULT gen_random_uuid(), "customerId" uuid NOT NULL, "conversationId" uuid NOT NULL,
                seq int NOT NULL, body text NOT NULL, "createdAt" timestamptz NOT NULL`;
  await owner.query(`CREATE TABLE bench_part.plain (${cols}, PRIMARY KEY (id))`);
  await owner.query(`CREATE INDEX ON bench_part.plain ("customerId", "createdAt")`);
  await owner.query(
    `CREATE TABLE bench_part.parted (${cols}, PRIMARY KEY (id, "createdAt")) PARTITION BY RANGE ("createdAt")`,
  );
  await owner.query(`CREATE INDEX ON bench_part.parted ("customerId", "createdAt")`);
  const first = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - MONTHS_OF_DATA, 1));
  for (let m = 0; m <= MONTHS_OF_DATA; m++) {
    const a = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1)).toISOString();
    const b = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m + 1, 1)).toISOString();
    await owner.query(
      `CREATE TABLE bench_part.p${m} PARTITION OF bench_part.parted FOR VALUES FROM ('${a}') TO ('${b}')`,
    );
  }
  const fill = (table: string) =>
    owner.query(
      `INSERT INTO bench_part.${table} ("customerId", "conversationId", seq, body, "createdAt")
       SELECT '00000000-0000-0000-0000-000000000001', gen_random_uuid(), 1, 'scratch message body of typical length',
              $1::timestamptz - random() * interval '${MONTHS_OF_DATA} months'
       FROM generate_series(1, $2::int)`,
      [NOW, rows],
    );
  await fill("plain");
  await fill("parted");
  await owner.query(`VACUUM ANALYZE bench_part.plain`);
  await owner.query(`VACUUM ANALYZE bench_part.parted`);
  // Whole months only: partitions can drop only what lies entirely before the cutoff.
  const cutoff = retentionCutoff(NOW, 18);
  const monthCutoff = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth(), 1));

  let started = performance.now();
  let deleted = 0;
  for (;;) {
    const r = await owner.query(
      `DELETE FROM bench_part.plain WHERE id IN (SELECT id FROM bench_part.plain
         WHERE "customerId" = '00000000-0000-0000-0000-000000000001' AND "createdAt" < $1 ORDER BY "createdAt" LIMIT $2)`,
      [monthCutoff, opts.batch],
    );
    deleted += r.rowCount ?? 0;
    if ((r.rowCount ?? 0) < opts.batch) break;
  }
  const deleteSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const { rows: parts } = await owner.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
     WHERE n.nspname = 'bench_part' AND p.relname = 'parted'
       AND pg_get_expr(c.relpartbound, c.oid) ~ 'FROM' ORDER BY c.relname`,
  );
  let dropped = 0;
  for (const { name } of parts) {
    const { rows: bound } = await owner.query<{ max: Date | null }>(
      `SELECT max("createdAt") AS max FROM bench_part.${name}`,
    );
    const max = bound[0]?.max;
    if (max && max < monthCutoff) {
      const { rows: c } = await owner.query<{ n: string }>(`SELECT count(*) AS n FROM bench_part.${name}`);
      dropped += Number(c[0]!.n);
      await owner.query(`ALTER TABLE bench_part.parted DETACH PARTITION bench_part.${name} CONCURRENTLY`);
      await owner.query(`DROP TABLE bench_part.${name}`);
    }
  }
  const dropSeconds = (performance.now() - started) / 1000;
  log(
    `  batched DELETE: ${fmt(deleted)} rows in ${deleteSeconds.toFixed(2)} s (${fmt(deleted / deleteSeconds)} rows/s)`,
  );
  log(`  DETACH+DROP partitions: ${fmt(dropped)} rows in ${dropSeconds.toFixed(2)} s`);
  await owner.query(`DROP SCHEMA bench_part CASCADE`);
  return { deleted, deleteSeconds, dropped, dropSeconds };
}

async function main() {
  log(`options: ${JSON.stringify(opts)}`);
  if (!opts.skipSeed) await seed();
  const targets = await liveTargets();
  if (targets.length === 0) throw new Error("No recent conversations to write live chat into; seed first.");
  const { rows: before } = await owner.query<{ n: string }>(`SELECT count(*) AS n FROM "Message"`);
  log(`live chat at ${opts.chatRate} msg/s from ${opts.chatWorkers} workers in a separate process`);
  const { rows: tenants } = await owner.query<{ id: string }>(
    `SELECT "id" FROM "Customer" WHERE "status" <> 'DELETED' ORDER BY "name"`,
  );

  // One live-chat process throughout. Baseline slices and purge slices alternate (one pair per
  // tenant), so drifting load from elsewhere on the machine affects both sides alike.
  const live = startLiveChat(targets);
  await sleep(3_000); // warm-up: connections, caches
  live.phase("stats");
  let started = performance.now();
  let statDays = 0;
  for (const t of tenants) {
    statDays += (
      await backfillDailyStats({ customerId: t.id, cutoff: retentionCutoff(NOW, 18), pauseRatio: opts.pauseRatio })
    ).length;
  }
  const statsSeconds = (performance.now() - started) / 1000;

  const totals: Record<string, number> = {};
  let purgeSeconds = 0;
  for (const t of tenants) {
    live.phase("baseline");
    await sleep((opts.baselineSeconds * 1000) / tenants.length);
    live.phase("purge");
    started = performance.now();
    const result = await purgeTenant({
      customerId: t.id,
      now: NOW,
      batchSize: opts.batch,
      pauseRatio: opts.pauseRatio,
    });
    purgeSeconds += (performance.now() - started) / 1000;
    for (const [k, v] of Object.entries(result.counts)) totals[k] = (totals[k] ?? 0) + v;
  }
  live.phase("baseline");
  await sleep((opts.baselineSeconds * 1000) / tenants.length);
  const latencies = await live.stop();
  const baseline = latencies.baseline ?? [];
  const duringStats = latencies.stats ?? [];
  const duringPurge = latencies.purge ?? [];
  log(`live chat without purge (${opts.chatRate} msg/s): ${summary(baseline)}`);
  log(
    `daily statistics backfill: ${statDays} tenant-days in ${statsSeconds.toFixed(1)} s; live chat ${summary(duringStats)}`,
  );
  const rowsDeleted = (totals.messages ?? 0) + (totals.formResults ?? 0) + (totals.conversations ?? 0);
  const { rows: after } = await owner.query<{ n: string }>(`SELECT count(*) AS n FROM "Message"`);

  log(`purge: ${JSON.stringify(totals)}`);
  log(
    `  ${fmt(rowsDeleted)} messages+conversations in ${purgeSeconds.toFixed(1)} s = ${fmt(rowsDeleted / purgeSeconds)} rows/s` +
      ` (messages: ${fmt(Number(before[0]!.n))} → ${fmt(Number(after[0]!.n))})`,
  );
  log(`  live chat during purge: ${summary(duringPurge)}`);
  const ratio = percentile(duringPurge, 99) / percentile(baseline, 99);
  log(`  p99 during / without = ${ratio.toFixed(2)} (budget < 1.5)`);

  const partitions = opts.comparePartitions > 0 ? await comparePartitions(opts.comparePartitions) : null;
  console.log(
    JSON.stringify({
      options: opts,
      baselineP99: percentile(baseline, 99),
      purgeP99: percentile(duringPurge, 99),
      statsP99: percentile(duringStats, 99),
      ratio,
      purgeSeconds,
      rowsDeleted,
      rowsPerSecond: rowsDeleted / purgeSeconds,
      totals,
      partitions,
    }),
  );
}

try {
  await main();
} finally {
  await owner.end();
  await appDb().$disconnect();
}
