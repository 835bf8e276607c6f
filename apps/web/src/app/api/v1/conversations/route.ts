import { apiRoute } from "@/server/api/api-route";
import { listConversationsEndpoint, createConversationEndpoint } from "@/server/api/endpoints/conversations";

export const GET = apiRoute(listConversationsEndpoint);
export const POST = apiRoute(createConversationEndpoint);
