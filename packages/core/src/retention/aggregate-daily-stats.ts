import { performance } from "node:perf_hooks";
import { withTenant, type TTx } from "@forecourt/db";
import { startOfUtcDay } from "./cutoff";
import { restAfter } from "./purge-steps";

/**
 * Anonymised daily aggregates per dealer and channel type (RULES.md §6: anonymised data may be
 * kept). Every figure is attributed to the UTC day its event happened on, so once a day is
 * over its row is final and a later purge cannot change it:
 * - conversationsStarted: conversations created that day;
 * - conversationsClosed, resolution: conversations closed that day (closedAt − createdAt);
 * - messagesIn / messagesOut: contact messages / agent, managed-agent and bot replies written
 *   that day (notes, events and system messages are not counted);
 * - firstResponse: the first agent or managed-agent reply of a conversation, on the day it was
 *   written (its time − the conversation's creation).
 * No ids of contacts, users or conversations are stored: only counts and sums.
 */
export async function aggregateDailyStatsInTx(tx: TTx, customerId: string, day: string): Promise<number> {
  const from = startOfUtcDay(day);
  const to = new Date(from.getTime() + 86_400_000);
  return tx.$executeRaw`
    WITH
    started AS (
      SELECT c."dealerId", ch."type" AS "channelType", count(*)::int AS n
      FROM "Conversation" c JOIN "Channel" ch ON ch."id" = c."channelId"
      WHERE c."customerId" = ${customerId}::uuid AND c."createdAt" >= ${from} AND c."createdAt" < ${to}
      GROUP BY 1, 2),
    closed AS (
      SELECT c."dealerId", ch."type" AS "channelType", count(*)::int AS n,
             COALESCE(sum(GREATEST(0, extract(epoch FROM c."closedAt" - c."createdAt"))), 0)::bigint AS s
      FROM "Conversation" c JOIN "Channel" ch ON ch."id" = c."channelId"
      WHERE c."customerId" = ${customerId}::uuid AND c."closedAt" >= ${from} AND c."closedAt" < ${to}
      GROUP BY 1, 2),
    msgs AS (
      SELECT c."dealerId", ch."type" AS "channelType",
             count(*) FILTER (WHERE m."authorType" = 'CONTACT')::int AS "in",
             count(*) FILTER (WHERE m."authorType" IN ('AGENT', 'MANAGED_AGENT', 'BOT'))::int AS "out"
      FROM "Message" m
      JOIN "Conversation" c ON c."id" = m."conversationId"
      JOIN "Channel" ch ON ch."id" = c."channelId"
      WHERE m."customerId" = ${customerId}::uuid AND m."createdAt" >= ${from} AND m."createdAt" < ${to}
        AND m."kind" IN ('TEXT', 'ATTACHMENT', 'FORM')
      GROUP BY 1, 2),
    first AS (
      SELECT c."dealerId", ch."type" AS "channelType", count(*)::int AS n,
             COALESCE(sum(GREATEST(0, extract(epoch FROM m."createdAt" - c."createdAt"))), 0)::bigint AS s
      FROM "Message" m
      JOIN "Conversation" c ON c."id" = m."conversationId"
      JOIN "Channel" ch ON ch."id" = c."channelId"
      WHERE m."customerId" = ${customerId}::uuid AND m."createdAt" >= ${from} AND m."createdAt" < ${to}
        AND m."authorType" IN ('AGENT', 'MANAGED_AGENT') AND m."kind" IN ('TEXT', 'ATTACHMENT')
        AND NOT EXISTS (
          SELECT 1 FROM "Message" p
          WHERE p."conversationId" = m."conversationId" AND p."seq" < m."seq"
            AND p."authorType" IN ('AGENT', 'MANAGED_AGENT') AND p."kind" IN ('TEXT', 'ATTACHMENT'))
      GROUP BY 1, 2),
    keys AS (
      SELECT "dealerId", "channelType" FROM started UNION SELECT "dealerId", "channelType" FROM closed
      UNION SELECT "dealerId", "channelType" FROM msgs UNION SELECT "dealerId", "channelType" FROM first)
    INSERT INTO "DailyStat" ("customerId", "dealerId", "channelType", "day",
      "conversationsStarted", "conversationsClosed", "messagesIn", "messagesOut",
      "firstResponseSecondsSum", "firstResponseCount", "resolutionSecondsSum", "resolutionCount")
    SELECT ${customerId}::uuid, k."dealerId", k."channelType", ${day}::date,
      COALESCE(st.n, 0), COALESCE(cl.n, 0), COALESCE(ms."in", 0), COALESCE(ms."out", 0),
      COALESCE(fr.s, 0), COALESCE(fr.n, 0), COALESCE(cl.s, 0), COALESCE(cl.n, 0)
    FROM keys k
    LEFT JOIN started st ON st."dealerId" = k."dealerId" AND st."channelType" = k."channelType"
    LEFT JOIN closed cl ON cl."dealerId" = k."dealerId" AND cl."channelType" = k."channelType"
    LEFT JOIN msgs ms ON ms."dealerId" = k."dealerId" AND ms."channelType" = k."channelType"
    LEFT JOIN first fr ON fr."dealerId" = k."dealerId" AND fr."channelType" = k."channelType"
    ON CONFLICT ("customerId", "dealerId", "channelType", "day") DO UPDATE SET
      "conversationsStarted" = EXCLUDED."conversationsStarted",
      "conversationsClosed" = EXCLUDED."conversationsClosed",
      "messagesIn" = EXCLUDED."messagesIn",
      "messagesOut" = EXCLUDED."messagesOut",
      "firstResponseSecondsSum" = EXCLUDED."firstResponseSecondsSum",
      "firstResponseCount" = EXCLUDED."firstResponseCount",
      "resolutionSecondsSum" = EXCLUDED."resolutionSecondsSum",
      "resolutionCount" = EXCLUDED."resolutionCount"`;
}

/**
 * Computes (or recomputes) one finished day's aggregates for a tenant. The daily job runs it
 * for yesterday; it is idempotent (upsert).
 */
export async function aggregateDailyStats(options: { customerId: string; day: string }): Promise<number> {
  return withTenant(options.customerId, (tx) => aggregateDailyStatsInTx(tx, options.customerId, options.day));
}

/**
 * Before a purge deletes anything older than `cutoff`: aggregates every day before the cutoff
 * that has messages but no DailyStat row yet (a new deployment, or days the daily job missed).
 * Days that already have rows are never recomputed: their data may be partly purged already
 * (by a crashed run, an earlier longer-cutoff run, or an erasure), and recomputing would lose it.
 * Finds the days with an index skip-scan (one probe per day), not a scan of every message.
 */
export async function backfillDailyStats(options: {
  customerId: string;
  cutoff: Date;
  /** Rest after each day, × the time it took (as the purge does between batches). */
  pauseRatio?: number;
}): Promise<string[]> {
  const { customerId, cutoff } = options;
  const days = await withTenant(customerId, async (tx) => {
    // Every bound the index probes compare with is a plain timestamptz column of the work
    // table: under row-level security a qual with a non-leakproof function (AT TIME ZONE) cannot
    // become an index condition, and the probe would turn into a scan.
    const rows = await tx.$queryRaw<{ day: string }[]>`
      WITH RECURSIVE d(day, next) AS (
        SELECT f.day, f.day + interval '24 hours'
        FROM (SELECT date_trunc('day', min("createdAt"), 'UTC') AS day
              FROM "Message" WHERE "customerId" = ${customerId}::uuid AND "createdAt" < ${cutoff}) f
        UNION ALL
        SELECT s.day, s.day + interval '24 hours'
        FROM d, LATERAL (
          SELECT date_trunc('day', min(m."createdAt"), 'UTC') AS day
          FROM "Message" m
          WHERE m."customerId" = ${customerId}::uuid AND m."createdAt" >= d.next AND m."createdAt" < ${cutoff}) s
        WHERE d.day IS NOT NULL)
      SELECT to_char(d.day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM d
      WHERE d.day IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "DailyStat" s
                        WHERE s."customerId" = ${customerId}::uuid AND s."day" = (d.day AT TIME ZONE 'UTC')::date)`;
    return rows.map((r) => r.day);
  });
  for (const day of days) {
    const startedAt = performance.now();
    await aggregateDailyStats({ customerId, day });
    await restAfter(startedAt, options.pauseRatio);
  }
  return days;
}
