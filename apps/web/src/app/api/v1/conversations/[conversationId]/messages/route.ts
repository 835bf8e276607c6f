import { apiRoute } from "@/server/api/api-route";
import { listMessagesEndpoint, sendMessageEndpoint } from "@/server/api/endpoints/messages";

export const GET = apiRoute(listMessagesEndpoint);
export const POST = apiRoute(sendMessageEndpoint);
