import { listDailyStats, ZListDailyStats } from "@forecourt/core/reports/list-daily-stats";
import { ZApiDailyStats } from "@forecourt/protocol/api";
import { defineApiEndpoint } from "../endpoint";

export const dailyStatsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/stats/daily",
    operationId: "getDailyStats",
    summary: "Daily statistics",
    description:
      "Anonymised aggregates per day (UTC), dealer and channel type, from and to inclusive (at most 366 days), " +
      "written nightly for the days before today. Kept after the retention purge.",
    tag: "Statistics",
    permission: "reports.view",
    query: ZListDailyStats,
    response: ZApiDailyStats,
  },
  ({ principal, query }) => listDailyStats({ actor: principal, input: query }),
);
