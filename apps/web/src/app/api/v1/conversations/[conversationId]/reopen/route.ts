import { apiRoute } from "@/server/api/api-route";
import { reopenConversationEndpoint } from "@/server/api/endpoints/conversation-actions";

export const POST = apiRoute(reopenConversationEndpoint);
