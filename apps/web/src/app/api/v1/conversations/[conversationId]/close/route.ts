import { apiRoute } from "@/server/api/api-route";
import { closeConversationEndpoint } from "@/server/api/endpoints/conversation-actions";

export const POST = apiRoute(closeConversationEndpoint);
