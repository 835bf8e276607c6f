import { apiRoute } from "@/server/api/api-route";
import { listDealersEndpoint } from "@/server/api/endpoints/directory";

export const GET = apiRoute(listDealersEndpoint);
