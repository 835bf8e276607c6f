import { apiRoute } from "@/server/api/api-route";
import { assignConversationEndpoint } from "@/server/api/endpoints/conversation-actions";

export const POST = apiRoute(assignConversationEndpoint);
