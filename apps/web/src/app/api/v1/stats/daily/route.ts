import { apiRoute } from "@/server/api/api-route";
import { dailyStatsEndpoint } from "@/server/api/endpoints/stats";

export const GET = apiRoute(dailyStatsEndpoint);
