import { apiRoute } from "@/server/api/api-route";
import { listLeadsEndpoint } from "@/server/api/endpoints/leads";

export const GET = apiRoute(listLeadsEndpoint);
