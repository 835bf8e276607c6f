import { apiRoute } from "@/server/api/api-route";
import { handOffConversationEndpoint } from "@/server/api/endpoints/conversation-actions";

export const POST = apiRoute(handOffConversationEndpoint);
