import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { startOfUtcDay, subtractMonths, utcDay } from "../retention/cutoff";

export type TStatTotals = {
  conversationsStarted: number;
  conversationsClosed: number;
  messagesIn: number;
  messagesOut: number;
  /** Average seconds; null when nothing to average. */
  avgFirstResponseSeconds: number | null;
  avgResolutionSeconds: number | null;
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
  };
}

/**
 * Reports: the anonymised daily aggregates (DailyStat), which outlive the retention purge, by
 * month, by channel and by dealer, for the last `months` months (up to yesterday). An agent
 * limited to some dealers sees only theirs.
 */
export async function getDailyStats(options: {
  actor: TTenantActor;
  /** Empty: every dealer of the tenant. */
  dealerIds: string[];
  months: number;
  now: Date;
}) {
  const { actor } = options;
  assertMay(actor, "reports.view");
  const months = Math.min(Math.max(Math.trunc(options.months), 1), 120);
  const today = utcDay(options.now);
  const from = startOfUtcDay(subtractMonths(today.slice(0, 8) + "01", months - 1));
  const to = startOfUtcDay(today);
  const allDealers = options.dealerIds.length === 0;
  const dealerIds = options.dealerIds;
  return withTenant(actor.tenant.customerId, async (tx) => {
    const sums = `
      sum("conversationsStarted") AS started, sum("conversationsClosed") AS closed,
      sum("messagesIn") AS "msgIn", sum("messagesOut") AS "msgOut",
      sum("firstResponseSecondsSum") AS "frSum", sum("firstResponseCount") AS "frCount",
      sum("resolutionSecondsSum") AS "resSum", sum("resolutionCount") AS "resCount"`;
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
    };
  });
}
