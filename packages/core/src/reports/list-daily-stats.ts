import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { InvalidInputError } from "../errors";
import { assertMay, type TTenantActor } from "../principal";
import { utcDay } from "../retention/cutoff";

/** At most a year per call: a client walks longer spans in steps. */
const MAX_DAYS = 366;

export const ZListDailyStats = z.object({
  /** First and last day, inclusive (UTC calendar days). */
  from: z.iso.date(),
  to: z.iso.date(),
  dealerId: z.uuid().optional(),
});
export type TListDailyStats = z.input<typeof ZListDailyStats>;

/**
 * The anonymised daily aggregates (DailyStat: one row per day, dealer and channel type, written
 * by the nightly aggregation and kept after the retention purge), as rows for an integration's
 * own reporting. The monthly view of Reports is get-daily-stats.ts over the same rows. Scoped to
 * the actor's dealers; a dealer outside them gives no rows.
 */
export async function listDailyStats(options: { actor: TTenantActor; input: TListDailyStats }) {
  const { actor } = options;
  assertMay(actor, "reports.view");
  const input = ZListDailyStats.parse(options.input);
  const from = new Date(`${input.from}T00:00:00Z`);
  const to = new Date(`${input.to}T00:00:00Z`);
  const days = (to.getTime() - from.getTime()) / 86_400_000 + 1;
  if (days < 1 || days > MAX_DAYS) {
    throw new InvalidInputError(`from must be on or before to, at most ${MAX_DAYS} days apart`, [
      { path: "to", message: `At most ${MAX_DAYS} days after from.` },
    ]);
  }
  const { customerId, dealerIds } = actor.tenant;
  const scope = input.dealerId
    ? dealerIds.length === 0 || dealerIds.includes(input.dealerId)
      ? [input.dealerId]
      : []
    : dealerIds;
  if (input.dealerId && scope.length === 0) return { from: input.from, to: input.to, data: [] };
  // Rows are kept per department and teammate too (Reports); the API answers per day, dealer and channel.
  const rows = await withTenant(customerId, (tx) =>
    tx.dailyStat.groupBy({
      by: ["day", "dealerId", "channelType"],
      where: { customerId, day: { gte: from, lte: to }, ...(scope.length > 0 ? { dealerId: { in: scope } } : {}) },
      orderBy: [{ day: "asc" }, { dealerId: "asc" }, { channelType: "asc" }],
      _sum: {
        conversationsStarted: true,
        conversationsClosed: true,
        messagesIn: true,
        messagesOut: true,
        firstResponseSecondsSum: true,
        firstResponseCount: true,
        resolutionSecondsSum: true,
        resolutionCount: true,
      },
    }),
  );
  const avg = (sum: bigint | null, count: number | null) => (count ? Math.round(Number(sum ?? 0) / count) : null);
  return {
    from: input.from,
    to: input.to,
    data: rows.map(({ _sum: r, ...key }) => ({
      day: utcDay(key.day),
      dealerId: key.dealerId,
      channelType: key.channelType,
      conversationsStarted: r.conversationsStarted ?? 0,
      conversationsClosed: r.conversationsClosed ?? 0,
      messagesIn: r.messagesIn ?? 0,
      messagesOut: r.messagesOut ?? 0,
      avgFirstResponseSeconds: avg(r.firstResponseSecondsSum, r.firstResponseCount),
      avgResolutionSeconds: avg(r.resolutionSecondsSum, r.resolutionCount),
    })),
  };
}
