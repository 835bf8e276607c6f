import { apiRoute } from "@/server/api/api-route";
import { transferConversationEndpoint } from "@/server/api/endpoints/conversation-actions";

export const POST = apiRoute(transferConversationEndpoint);
