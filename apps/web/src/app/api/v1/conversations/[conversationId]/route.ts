import { apiRoute } from "@/server/api/api-route";
import { getConversationEndpoint } from "@/server/api/endpoints/conversations";

export const GET = apiRoute(getConversationEndpoint);
