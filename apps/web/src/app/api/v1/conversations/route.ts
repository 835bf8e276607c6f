import { apiRoute } from "@/server/api/api-route";
import { listConversationsEndpoint } from "@/server/api/endpoints/conversations";

export const GET = apiRoute(listConversationsEndpoint);
