/**
 * Where an inbound webhook's time goes, without the web process: the same payloads through
 * the steps receiveMetaWebhook takes (parse, route + channel, verify, the recording
 * transaction with its publishes), one at a time and timed step by step; then
 * receiveMetaWebhook itself at the bench's concurrency (the ceiling without HTTP and Next.js);
 * and the cost of one database round trip and of an empty tenant transaction on this machine.
 */
import { parseMetaWebhook, verifyMetaSignature } from "@forecourt/channels";
import { metaChannelOf } from "@forecourt/core/channels/meta-channel";
import { receiveMetaWebhook } from "@forecourt/core/channels/receive-meta-webhook";
import { recordInboundEvents } from "@forecourt/core/channels/record-inbound-events";
import type { TChannelPrincipal } from "@forecourt/core/principal";
import { appDb, withTenant } from "@forecourt/db";
import pg from "pg";
import { getConfig } from "@forecourt/config";
import { round, startCpuMeter } from "./common";
import { statementCount } from "./statements";
import { arrangeInbound, buildPayload, type TPayload } from "./inbound";

const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));

async function timed<T>(into: number[], fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const out = await fn();
  into.push(performance.now() - started);
  return out;
}

/** One payload through receiveMetaWebhook's steps, each timed (the same calls, in the same order). */
async function steps(payload: TPayload, t: Record<"parse" | "route" | "verify" | "record" | "statements", number[]>) {
  const before = statementCount();
  const routed = await timed(t.parse, () =>
    parseMetaWebhook(JSON.parse(Buffer.from(payload.raw).toString("utf8")) as unknown),
  );
  const group = routed![0]!;
  const channel = await timed(t.route, async () => {
    const routes = await appDb().channelRoute.findMany({ where: { key: { in: [group.routeKey] } } });
    const route = routes[0]!;
    const row = await withTenant(route.routedCustomerId, (tx) =>
      tx.channel.findUnique({ where: { id: route.channelId } }),
    );
    return metaChannelOf(row!)!;
  });
  const ok = await timed(t.verify, () =>
    verifyMetaSignature(payload.raw, payload.signature, channel.secrets.appSecret),
  );
  if (!ok) throw new Error("signature did not verify");
  const principal: TChannelPrincipal = {
    kind: "channel",
    customerId: channel.customerId,
    dealerId: channel.dealerId,
    channelId: channel.id,
    channelType: channel.type,
  };
  await timed(t.record, () => recordInboundEvents(principal, group.events));
  t.statements.push(statementCount() - before);
}

async function sequential(label: string, payloads: TPayload[]) {
  const t = {
    parse: [] as number[],
    route: [] as number[],
    verify: [] as number[],
    record: [] as number[],
    statements: [] as number[],
  };
  const cpu = await startCpuMeter(process.pid);
  for (const p of payloads) await steps(p, t);
  const events = payloads[0]!.messages.length;
  const { cpuMsPerEvent } = await cpu(payloads.length);
  const total = mean(t.parse) + mean(t.route) + mean(t.verify) + mean(t.record);
  return {
    name: `sequential, ${label}`,
    payloads: payloads.length,
    eventsPerPayload: events,
    parseMs: mean(t.parse),
    routeAndChannelMs: mean(t.route),
    verifyMs: mean(t.verify),
    recordTransactionMs: mean(t.record),
    perEventMs: round(total / events),
    statementsPerPayload: mean(t.statements),
    cpuMsPerPayload: { process: cpuMsPerEvent.process, postgres: cpuMsPerEvent.postgres },
  };
}

async function concurrent(payloads: TPayload[], concurrency: number) {
  let next = 0;
  let events = 0;
  const worker = async () => {
    while (next < payloads.length) {
      const p = payloads[next++]!;
      const counts = await receiveMetaWebhook({ rawBody: p.raw, signature: p.signature });
      events += counts.recorded;
    }
  };
  const cpu = await startCpuMeter(process.pid);
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const { cpuMsPerEvent, idleTwoCoreEstimatePerSecond } = await cpu(events);
  return {
    name: `ceiling: receiveMetaWebhook in-process (no HTTP, no Next.js), concurrency ${concurrency}`,
    events,
    seconds: round(seconds),
    eventsPerSecond: round(events / seconds),
    // "process" is this process (the bench runs core here), so the bench figure is the same CPU.
    cpuMsPerEvent: { process: cpuMsPerEvent.process, postgres: cpuMsPerEvent.postgres },
    idleTwoCoreEstimatePerSecond,
  };
}

async function roundTrips(customerId: string) {
  const one: number[] = [];
  const empty: number[] = [];
  const cpuOne = await startCpuMeter(process.pid);
  for (let i = 0; i < 300; i++) await timed(one, () => appDb().$queryRaw`SELECT 1`);
  const one$ = await cpuOne(300);
  const cpuEmpty = await startCpuMeter(process.pid);
  for (let i = 0; i < 300; i++) await timed(empty, () => withTenant(customerId, async () => null));
  const empty$ = await cpuEmpty(300);
  // The same through pg directly (no Prisma), for comparison.
  const pool = new pg.Pool({ connectionString: getConfig().appDatabaseUrl, max: 1 });
  const raw: number[] = [];
  const rawTx: number[] = [];
  await pool.query("SELECT 1");
  const cpuRaw = await startCpuMeter(process.pid);
  for (let i = 0; i < 300; i++) await timed(raw, () => pool.query("SELECT 1"));
  const raw$ = await cpuRaw(300);
  const cpuRawTx = await startCpuMeter(process.pid);
  for (let i = 0; i < 300; i++)
    await timed(rawTx, async () => {
      const client = await pool.connect();
      await client.query("BEGIN");
      await client.query("SELECT set_config('app.customer_id', $1, true)", [customerId]);
      await client.query("COMMIT");
      client.release();
    });
  const rawTx$ = await cpuRawTx(300);
  await pool.end();
  return {
    name: "database round trips (sequential, from this process; CPU per call)",
    pgSelectOneMs: mean(raw),
    pgSelectOneCpuMs: { process: raw$.cpuMsPerEvent.process, postgres: raw$.cpuMsPerEvent.postgres },
    pgEmptyTransactionMs: mean(rawTx),
    pgEmptyTransactionCpuMs: { process: rawTx$.cpuMsPerEvent.process, postgres: rawTx$.cpuMsPerEvent.postgres },
    selectOneMs: mean(one),
    selectOneCpuMs: { process: one$.cpuMsPerEvent.process, postgres: one$.cpuMsPerEvent.postgres },
    emptyTenantTransactionMs: mean(empty),
    emptyTenantTransactionCpuMs: { process: empty$.cpuMsPerEvent.process, postgres: empty$.cpuMsPerEvent.postgres },
  };
}

export async function profileInbound(options: { payloads: number; concurrency: number; customers: number }) {
  const { tenant, channels } = await arrangeInbound(2);
  const at = Math.floor(Date.now() / 1000);
  const n = Math.max(20, Math.floor(options.payloads / 10));
  let customer = 0;
  const fresh = (size: number) => Array.from({ length: size }, () => customer++);
  // Warm-up (not reported): Prisma compiles each query shape on first use, connections open.
  await sequential(
    "warm-up",
    Array.from({ length: 10 }, (_, i) => buildPayload(channels[1]!, [options.customers + i], at)),
  );
  const results: object[] = [await roundTrips(tenant.customer.id)];
  for (const size of [1, 10]) {
    // First contact (contact and conversation created) and again with the same customers (found).
    const senders = Array.from({ length: n }, () => fresh(size));
    results.push(
      await sequential(
        `${size} message(s) per payload, new customers`,
        senders.map((s) => buildPayload(channels[0]!, s, at)),
      ),
    );
    results.push(
      await sequential(
        `${size} message(s) per payload, known customers`,
        senders.map((s) => buildPayload(channels[0]!, s, at)),
      ),
    );
  }
  const mixed = Array.from({ length: options.payloads }, (_, i) =>
    buildPayload(
      channels[1]!,
      Array.from({ length: i % 2 === 0 ? 1 : 10 }, () => Math.floor(Math.random() * options.customers)),
      at,
    ),
  );
  results.push(await concurrent(mixed, options.concurrency));
  return results;
}
