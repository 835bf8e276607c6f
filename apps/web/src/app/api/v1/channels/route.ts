import { apiRoute } from "@/server/api/api-route";
import { listChannelsEndpoint } from "@/server/api/endpoints/directory";

export const GET = apiRoute(listChannelsEndpoint);
