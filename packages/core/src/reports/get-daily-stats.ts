import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { z } from "zod";
import { NO_DIMENSION } from "../retention/aggregate-daily-stats";
import { startOfUtcDay, subtractMonths, utcDay } from "../retention/cutoff";

/** A report's date range: calendar days (UTC), inclusive, at most ten years. */
export const ZReportRange = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from <= r.to, { message: "The start must be on or before the end", path: ["to"] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 3660 * 86_400_000, {
    message: "At most ten years at once",
    path: ["to"],
  });

export type TStatTotals = {
  conversationsStarted: number;
  conversationsClosed: number;
  messagesIn: number;
  messagesOut: number;
  /** Average seconds; null when nothing to average. */
  avgFirstResponseSeconds: number | null;
  avgResolutionSeconds: number | null;
  /** CSAT: the average rating (1–5, one decimal) and how many; null when none. */
  avgRating: number | null;
  ratings: number;
  /** Leads (form results) by the form's kind. */
  leads: { TEST_DRIVE: number; TRADE_IN: number; SERVICE: number; FINANCE: number };
};

type TSumRow = {
  started: bigint | number;
  closed: bigint | number;
  msgIn: bigint | number;
  msgOut: bigint | number;
  frSum: bigint | number;
  frCount: bigint | number;
  resSum: bigint | number;
  resCount: bigint | number;
  ratingSum: bigint | number;
  ratingCount: bigint | number;
  lTd: bigint | number;
  lTi: bigint | number;
  lSv: bigint | number;
  lFi: bigint | number;
};

function totals(r: TSumRow): TStatTotals {
  const frCount = Number(r.frCount);
  const resCount = Number(r.resCount);
  return {
    conversationsStarted: Number(r.started),
    conversationsClosed: Number(r.closed),
    messagesIn: Number(r.msgIn),
    messagesOut: Number(r.msgOut),
    avgFirstResponseSeconds: frCount ? Math.round(Number(r.frSum) / frCount) : null,
    avgResolutionSeconds: resCount ? Math.round(Number(r.resSum) / resCount) : null,
    avgRating: Number(r.ratingCount) ? Math.round((Number(r.ratingSum) / Number(r.ratingCount)) * 10) / 10 : null,
    ratings: Number(r.ratingCount),
    leads: { TEST_DRIVE: Number(r.lTd), TRADE_IN: Number(r.lTi), SERVICE: Number(r.lSv), FINANCE: Number(r.lFi) },
  };
}

/**
 * Reports: the anonymised daily aggregates (DailyStat), which outlive the retention purge, by
 * month, channel, dealer, department and teammate, with CSAT, for the last `months` months or
 * any range, up to today (the hourly job keeps today current). An agent limited to some dealers
 * sees only theirs.
 */
export async function getDailyStats(options: {
  actor: TTenantActor;
  /** Empty: every dealer of the tenant. */
  dealerIds: string[];
  /** The last `months` months up to today, or an explicit range (`from`/`to`, inclusive). */
  months?: number;
  range?: { from: string; to: string };
  now: Date;
}) {
  const { actor } = options;
  assertMay(actor, "reports.view");
  const today = utcDay(options.now);
  const range = options.range ? ZReportRange.parse(options.range) : null;
  const months = Math.min(Math.max(Math.trunc(options.months ?? 12), 1), 120);
  const from = startOfUtcDay(range?.from ?? subtractMonths(today.slice(0, 8) + "01", months - 1));
  // Inclusive of today: the hourly job keeps today's rows current.
  const to = new Date(startOfUtcDay(range?.to ?? today).getTime() + 86_400_000);
  const allDealers = options.dealerIds.length === 0;
  const dealerIds = options.dealerIds;
  return withTenant(actor.tenant.customerId, async (tx) => {
    const sums = `
      sum("conversationsStarted") AS started, sum("conversationsClosed") AS closed,
      sum("messagesIn") AS "msgIn", sum("messagesOut") AS "msgOut",
      sum("firstResponseSecondsSum") AS "frSum", sum("firstResponseCount") AS "frCount",
      sum("resolutionSecondsSum") AS "resSum", sum("resolutionCount") AS "resCount",
      sum("ratingSum") AS "ratingSum", sum("ratingCount") AS "ratingCount",
      sum("leadsTestDrive") AS "lTd", sum("leadsTradeIn") AS "lTi", sum("leadsService") AS "lSv", sum("leadsFinance") AS "lFi"`;
    const where = `s."customerId" = $1::uuid AND s."day" >= $2::date AND s."day" < $3::date
      AND ($4::boolean OR s."dealerId" = ANY($5::uuid[]))`;
    const params = [actor.tenant.customerId, from, to, allDealers, dealerIds] as const;
    const byMonth = await tx.$queryRawUnsafe<(TSumRow & { month: string })[]>(
      `SELECT to_char(date_trunc('month', s."day"), 'YYYY-MM') AS month, ${sums}
       FROM "DailyStat" s WHERE ${where} GROUP BY 1 ORDER BY 1 DESC`,
      ...params,
    );
    const byChannel = await tx.$queryRawUnsafe<(TSumRow & { channelType: string })[]>(
      `SELECT s."channelType"::text AS "channelType", ${sums}
       FROM "DailyStat" s WHERE ${where} GROUP BY 1 ORDER BY 1`,
      ...params,
    );
    const byDealer = await tx.$queryRawUnsafe<(TSumRow & { dealerId: string; dealerName: string | null })[]>(
      `SELECT s."dealerId"::text AS "dealerId", d."name" AS "dealerName", ${sums}
       FROM "DailyStat" s LEFT JOIN "Dealer" d ON d."id" = s."dealerId"
       WHERE ${where} GROUP BY 1, 2 ORDER BY 2`,
      ...params,
    );
    const byDepartment = await tx.$queryRawUnsafe<
      (TSumRow & { departmentId: string; departmentName: string | null; dealerName: string | null })[]
    >(
      `SELECT s."departmentId"::text AS "departmentId", dep."name" AS "departmentName", d."name" AS "dealerName", ${sums}
       FROM "DailyStat" s LEFT JOIN "Department" dep ON dep."id" = s."departmentId"
       LEFT JOIN "Dealer" d ON d."id" = s."dealerId"
       WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 3, 2`,
      ...params,
    );
    // Teammates' names from their memberships of this tenant (users are global; a former one shows as such).
    const byAgent = await tx.$queryRawUnsafe<(TSumRow & { agentId: string; agentName: string | null })[]>(
      `SELECT s."agentId"::text AS "agentId", u."name" AS "agentName", ${sums}
       FROM "DailyStat" s
       LEFT JOIN "Membership" m ON m."userId" = s."agentId" AND m."customerId" = s."customerId"
       LEFT JOIN "User" u ON u."id" = m."userId"
       WHERE ${where} GROUP BY 1, 2 ORDER BY 2`,
      ...params,
    );
    const overall = await tx.$queryRawUnsafe<TSumRow[]>(`SELECT ${sums} FROM "DailyStat" s WHERE ${where}`, ...params);
    const [earliest] = await tx.$queryRaw<{ day: string | null }[]>`
      SELECT to_char(min("day"), 'YYYY-MM-DD') AS day FROM "DailyStat" WHERE "customerId" = ${actor.tenant.customerId}::uuid`;
    return {
      from: utcDay(from),
      to: utcDay(new Date(to.getTime() - 86_400_000)),
      earliestDay: earliest?.day ?? null,
      total: overall[0] && overall[0].started !== null ? totals(overall[0]) : null,
      byMonth: byMonth.map((r) => ({ month: r.month, ...totals(r) })),
      byChannel: byChannel.map((r) => ({ channelType: r.channelType, ...totals(r) })),
      byDealer: byDealer.map((r) => ({ dealerId: r.dealerId, dealerName: r.dealerName, ...totals(r) })),
      byDepartment: byDepartment.map((r) => ({
        departmentId: r.departmentId === NO_DIMENSION ? null : r.departmentId,
        departmentName: r.departmentName,
        dealerName: r.dealerName,
        ...totals(r),
      })),
      byAgent: byAgent.map((r) => ({
        agentId: r.agentId === NO_DIMENSION ? null : r.agentId,
        agentName: r.agentName,
        ...totals(r),
      })),
    };
  });
}
