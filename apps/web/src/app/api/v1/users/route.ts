import { apiRoute } from "@/server/api/api-route";
import { listUsersEndpoint } from "@/server/api/endpoints/directory";

export const GET = apiRoute(listUsersEndpoint);
