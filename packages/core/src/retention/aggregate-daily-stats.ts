import { performance } from "node:perf_hooks";
import { withTenant, type TTx } from "@forecourt/db";
import { startOfUtcDay } from "./cutoff";
import { restAfter } from "./purge-steps";

/** The nil UUID: "no department" / "nobody" in DailyStat's key (a key column cannot be null). */
export const NO_DIMENSION = "00000000-0000-0000-0000-000000000000";

/**
 * Anonymised daily aggregates per dealer, channel type, department and teammate (RULES.md §6:
 * anonymised data may be kept). Every figure is attributed to the UTC day its event happened on,
 * so once a day is over its rows are final and a later purge cannot change them:
 * - conversationsStarted: conversations created that day;
 * - conversationsClosed, resolution: conversations closed that day (closedAt − createdAt);
 * - messagesIn / messagesOut: contact messages / agent, managed-agent and bot replies written
 *   that day (notes, events and system messages are not counted);
 * - firstResponse: the first agent or managed-agent reply of a conversation, on the day it was
 *   written (its time − the conversation's creation);
 * - rating: CSAT ratings given that day (ConversationRating.updatedAt), their sum and number;
 * - leads: form results received that day, by the form's kind.
 * The teammate is the conversation's assignee, except for replies and first responses (their
 * author). No ids of contacts or conversations are stored: only counts and sums. The day's rows
 * are replaced as a whole (a conversation reassigned since the last run moves its figures).
 */
export async function aggregateDailyStatsInTx(tx: TTx, customerId: string, day: string): Promise<number> {
  const from = startOfUtcDay(day);
  const to = new Date(from.getTime() + 86_400_000);
  await tx.$executeRaw`DELETE FROM "DailyStat" WHERE "customerId" = ${customerId}::uuid AND "day" = ${day}::date`;
  return tx.$executeRaw`
    WITH
    conv AS (
      SELECT c."id", c."dealerId", ch."type" AS "channelType",
             COALESCE(c."departmentId", ${NO_DIMENSION}::uuid) AS "departmentId",
             COALESCE(c."assigneeId", ${NO_DIMENSION}::uuid) AS "agentId",
             c."createdAt", c."closedAt"
      FROM "Conversation" c JOIN "Channel" ch ON ch."id" = c."channelId"
      WHERE c."customerId" = ${customerId}::uuid),
    facts AS (
      SELECT "dealerId", "channelType", "departmentId", "agentId",
             1 AS started, 0 AS closed, 0::bigint AS res, 0 AS "in", 0 AS "out", 0 AS fr, 0::bigint AS "frS", 0 AS rs, 0 AS rc,
             0 AS "lTd", 0 AS "lTi", 0 AS "lSv", 0 AS "lFi"
      FROM conv WHERE "createdAt" >= ${from} AND "createdAt" < ${to}
      UNION ALL
      SELECT "dealerId", "channelType", "departmentId", "agentId",
             0, 1, GREATEST(0, extract(epoch FROM "closedAt" - "createdAt"))::bigint, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM conv WHERE "closedAt" >= ${from} AND "closedAt" < ${to}
      UNION ALL
      SELECT c."dealerId", c."channelType", c."departmentId",
             CASE WHEN m."authorType" = 'CONTACT' THEN c."agentId" ELSE COALESCE(m."authorUserId", c."agentId") END,
             0, 0, 0,
             (m."authorType" = 'CONTACT')::int,
             (m."authorType" IN ('AGENT', 'MANAGED_AGENT', 'BOT'))::int,
             0, 0, 0, 0, 0, 0, 0, 0
      FROM "Message" m JOIN conv c ON c."id" = m."conversationId"
      WHERE m."customerId" = ${customerId}::uuid AND m."createdAt" >= ${from} AND m."createdAt" < ${to}
        AND m."kind" IN ('TEXT', 'ATTACHMENT', 'FORM')
      UNION ALL
      SELECT c."dealerId", c."channelType", c."departmentId", COALESCE(m."authorUserId", c."agentId"),
             0, 0, 0, 0, 0, 1, GREATEST(0, extract(epoch FROM m."createdAt" - c."createdAt"))::bigint, 0, 0, 0, 0, 0, 0
      FROM "Message" m JOIN conv c ON c."id" = m."conversationId"
      WHERE m."customerId" = ${customerId}::uuid AND m."createdAt" >= ${from} AND m."createdAt" < ${to}
        AND m."authorType" IN ('AGENT', 'MANAGED_AGENT') AND m."kind" IN ('TEXT', 'ATTACHMENT')
        AND NOT EXISTS (
          SELECT 1 FROM "Message" p
          WHERE p."conversationId" = m."conversationId" AND p."seq" < m."seq"
            AND p."authorType" IN ('AGENT', 'MANAGED_AGENT') AND p."kind" IN ('TEXT', 'ATTACHMENT'))
      UNION ALL
      SELECT c."dealerId", c."channelType", c."departmentId", c."agentId", 0, 0, 0, 0, 0, 0, 0, r."score", 1, 0, 0, 0, 0
      FROM "ConversationRating" r JOIN conv c ON c."id" = r."conversationId"
      WHERE r."customerId" = ${customerId}::uuid AND r."updatedAt" >= ${from} AND r."updatedAt" < ${to}
      UNION ALL
      SELECT c."dealerId", c."channelType", c."departmentId", c."agentId", 0, 0, 0, 0, 0, 0, 0, 0, 0,
             (l."kind" = 'TEST_DRIVE')::int, (l."kind" = 'TRADE_IN')::int, (l."kind" = 'SERVICE')::int, (l."kind" = 'FINANCE')::int
      FROM "Lead" l JOIN conv c ON c."id" = l."conversationId"
      WHERE l."customerId" = ${customerId}::uuid AND l."createdAt" >= ${from} AND l."createdAt" < ${to})
    INSERT INTO "DailyStat" ("customerId", "dealerId", "channelType", "day", "departmentId", "agentId",
      "conversationsStarted", "conversationsClosed", "messagesIn", "messagesOut",
      "firstResponseSecondsSum", "firstResponseCount", "resolutionSecondsSum", "resolutionCount",
      "ratingSum", "ratingCount", "leadsTestDrive", "leadsTradeIn", "leadsService", "leadsFinance")
    SELECT ${customerId}::uuid, "dealerId", "channelType", ${day}::date, "departmentId", "agentId",
      sum(started), sum(closed), sum("in"), sum("out"), sum("frS"), sum(fr), sum(res), sum(closed), sum(rs), sum(rc),
      sum("lTd"), sum("lTi"), sum("lSv"), sum("lFi")
    FROM facts
    GROUP BY "dealerId", "channelType", "departmentId", "agentId"`;
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
