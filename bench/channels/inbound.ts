/**
 * Inbound: signed, batched WhatsApp webhooks through one real web process, as Meta sends them
 * (byte-identical redeliveries included), then a check in PostgreSQL that every event landed
 * exactly once, in the right conversation, with gap-free seqs.
 */
import { randomBytes } from "node:crypto";
import { metaSignatureOf } from "@forecourt/channels";
import { createMetaChannel } from "@forecourt/core/channels/test-helpers";
import { createTestTenant, ownerDb } from "@forecourt/testing";
import { latencySummary, rng, round, startCpuMeter } from "./common";

export type TChannel = Awaited<ReturnType<typeof createMetaChannel>>;

export type TInboundOptions = {
  url: string;
  /** The web process (its CPU is measured), or null when it runs elsewhere. */
  webPid: number | null;
  payloads: number;
  concurrency: number;
  channels: number;
  customers: number;
  batchSizes: number[];
  redeliver: number;
  seed: number;
};

export type TPayload = {
  raw: Uint8Array;
  signature: string;
  /** Per message: its wamid and whose conversation it belongs to (channel id | wa_id). */
  messages: { wamid: string; key: string }[];
};

type TRequest = { payload: TPayload; redelivery: boolean };

/** A customer's number: Dutch mobile-shaped, distinct per index. */
const phoneOf = (customer: number) => `316${String(10_000_000 + customer).slice(-8)}`;
/** Meta's wamids are base64 of a protobuf; ours only need to be unique and shaped alike. */
const wamid = () => `wamid.HBgL${randomBytes(30).toString("base64url")}`;

/** One POST body exactly as Meta builds it: one entry, one change, contacts[] and messages[]. */
export function buildPayload(channel: TChannel, senders: number[], at: number): TPayload {
  const messages = senders.map((customer, i) => ({
    from: phoneOf(customer),
    id: wamid(),
    timestamp: String(at),
    type: "text",
    text: { body: `Is the car from your website still available? (${i + 1}/${senders.length})` },
  }));
  const contacts = [...new Set(senders)].map((customer) => ({
    profile: { name: `Bench customer ${customer}` },
    wa_id: phoneOf(customer),
  }));
  const body = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: channel.wabaId,
        changes: [
          {
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "31200000000", phone_number_id: channel.externalId },
              contacts,
              messages,
            },
            field: "messages",
          },
        ],
      },
    ],
  };
  const raw = Buffer.from(JSON.stringify(body));
  return {
    raw,
    signature: metaSignatureOf(raw, channel.appSecret),
    messages: messages.map((m) => ({ wamid: m.id, key: `${channel.channel.id}|${m.from}` })),
  };
}

/**
 * The send order: every payload once; a share of them a second time, half right behind the
 * original (so both are in flight together: a redelivery racing its original) and half later.
 */
function schedule(payloads: TPayload[], share: number, random: () => number): TRequest[] {
  const order: TRequest[] = [];
  const late: TPayload[] = [];
  for (const payload of payloads) {
    order.push({ payload, redelivery: false });
    if (random() >= share) continue;
    if (random() < 0.5) order.push({ payload, redelivery: true });
    else late.push(payload);
  }
  for (const payload of late) {
    const at = Math.floor(order.length / 2 + random() * (order.length / 2));
    order.splice(at, 0, { payload, redelivery: true });
  }
  return order;
}

async function post(url: string, payload: TPayload): Promise<number> {
  const response = await fetch(`${url}/api/hooks/meta`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": payload.signature },
    body: payload.raw,
  });
  await response.arrayBuffer();
  return response.status;
}

/** C workers take the next request in order until none is left. Non-200 answers are retried, as Meta does. */
async function runLoad(url: string, order: TRequest[], concurrency: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const retry: TPayload[] = [];
  const answered = new Set<TPayload>();
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const request = order[next++]!;
      const started = performance.now();
      let status: number;
      try {
        status = await post(url, request.payload);
      } catch {
        status = 0; // connection refused or reset
      }
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 200) answered.add(request.payload);
      else retry.push(request.payload);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  // 200 means committed: the events of those payloads are what the timed run persisted.
  const committedInRun = [...answered].reduce((n, p) => n + p.messages.length, 0);
  // Meta retries what was not answered 200 (after the timed run; counted, not timed).
  let retriedOk = 0;
  for (const payload of retry) {
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await post(url, payload).catch(() => 0)) === 200) {
        retriedOk++;
        break;
      }
    }
  }
  return {
    latencies,
    statuses: Object.fromEntries(statuses),
    seconds,
    committedInRun,
    retried: retry.length,
    retriedOk,
  };
}

const one = <T>(rows: T[]): T => rows[0]!;

async function verify(customerId: string, channelIds: string[], payloads: TPayload[]) {
  const db = ownerDb();
  const wamids = payloads.flatMap((p) => p.messages.map((m) => m.wamid));
  const expected = new Map<string, number>();
  for (const m of payloads.flatMap((p) => p.messages)) expected.set(m.key, (expected.get(m.key) ?? 0) + 1);

  const { lost } = one(
    await db.$queryRaw<{ lost: number }[]>`
    SELECT count(*)::int AS "lost" FROM unnest(${wamids}::text[]) AS w(id)
     WHERE NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."customerId" = ${customerId}::uuid AND m."externalId" = w.id)`,
  );
  const { doubled, rows } = one(
    await db.$queryRaw<{ doubled: number; rows: number }[]>`
    SELECT count(*) FILTER (WHERE n > 1)::int AS "doubled", coalesce(sum(n), 0)::int AS "rows" FROM (
      SELECT count(*) AS n FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
       WHERE m."customerId" = ${customerId}::uuid AND c."channelId" = ANY(${channelIds}::uuid[])
       GROUP BY m."externalId") x`,
  );
  // Per conversation: the messages it holds against those sent to it, and seqs 1..n without gaps.
  const conversations = await db.$queryRaw<
    { channelId: string; waId: string; lastSeq: number; n: number; maxSeq: number | null }[]
  >`
    SELECT c."channelId", substr(ci."externalId", 7) AS "waId", c."lastSeq",
           count(m."id")::int AS "n", max(m."seq") AS "maxSeq"
      FROM "Conversation" c
      JOIN "ContactIdentity" ci ON ci."contactId" = c."contactId" AND ci."externalId" LIKE 'wa_id:%'
      LEFT JOIN "Message" m ON m."conversationId" = c."id"
     WHERE c."customerId" = ${customerId}::uuid AND c."channelId" = ANY(${channelIds}::uuid[])
     GROUP BY c."id", ci."externalId"`;
  const seen = new Map<string, number>();
  let wrongCount = 0;
  let seqGaps = 0;
  for (const c of conversations) {
    const key = `${c.channelId}|${c.waId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (c.n !== expected.get(key)) wrongCount++;
    if (c.lastSeq !== c.n || (c.maxSeq ?? 0) !== c.n) seqGaps++;
  }
  const waIds = [...new Set([...expected.keys()].map((k) => `wa_id:${k.split("|")[1]}`))];
  const { contacts } = one(
    await db.$queryRaw<{ contacts: number }[]>`
    SELECT count(DISTINCT "contactId")::int AS "contacts" FROM "ContactIdentity"
     WHERE "customerId" = ${customerId}::uuid AND "externalId" = ANY(${waIds}::text[])`,
  );

  return {
    sentUnique: wamids.length,
    messageRows: rows,
    lost,
    doubled,
    conversations: conversations.length,
    expectedConversations: expected.size,
    conversationsSplit: [...seen.values()].filter((n) => n > 1).length,
    conversationsMissing: [...expected.keys()].filter((k) => !seen.has(k)).length,
    conversationsWithWrongCount: wrongCount,
    conversationsWithSeqGaps: seqGaps,
    contacts,
    expectedContacts: waIds.length,
  };
}

export async function arrangeInbound(channels: number) {
  const tenant = await createTestTenant("Bench channels");
  const list: TChannel[] = [];
  for (let i = 0; i < channels; i++) list.push(await createMetaChannel(tenant, "WHATSAPP"));
  const warmup = await createMetaChannel(tenant, "WHATSAPP");
  return { tenant, channels: list, warmup };
}

export async function runInbound(options: TInboundOptions) {
  const random = rng(options.seed);
  const { tenant, channels, warmup } = await arrangeInbound(options.channels);
  const at = Math.floor(Date.now() / 1000);
  const pick = () => Math.floor(random() * options.customers);

  // Warm-up on its own channel (not counted): Next.js loads the route module on first use.
  const warm = Array.from({ length: 20 }, (_, i) => buildPayload(warmup, [options.customers + i], at));
  await runLoad(
    options.url,
    warm.map((payload) => ({ payload, redelivery: false })),
    4,
  );

  const payloads = Array.from({ length: options.payloads }, (_, i) => {
    const size = options.batchSizes[i % options.batchSizes.length]!;
    return buildPayload(channels[i % channels.length]!, Array.from({ length: size }, pick), at);
  });
  const order = schedule(payloads, options.redeliver, random);
  const events = payloads.reduce((n, p) => n + p.messages.length, 0);
  console.error(
    `[bench] inbound: ${payloads.length} payloads (${events} events, batch sizes ${options.batchSizes.join("/")}), ` +
      `${order.length - payloads.length} redeliveries, concurrency ${options.concurrency}, ${options.channels} channel(s)…`,
  );
  const cpu = await startCpuMeter(options.webPid);
  const load = await runLoad(options.url, order, options.concurrency);
  const cpuUsed = await cpu(load.committedInRun);
  const check = await verify(
    tenant.customer.id,
    channels.map((c) => c.channel.id),
    payloads,
  );
  return {
    name: `inbound: signed WhatsApp webhooks through one web process`,
    requests: order.length,
    redeliveries: order.length - payloads.length,
    concurrency: options.concurrency,
    statuses: load.statuses,
    retriedAfterRun: load.retried,
    retriedOk: load.retriedOk,
    seconds: round(load.seconds),
    eventsCommittedInRun: load.committedInRun,
    eventsPerSecond: round(load.committedInRun / load.seconds),
    requestsPerSecond: round(order.length / load.seconds),
    ...latencySummary(load.latencies),
    ...check,
    ...cpuUsed,
  };
}
