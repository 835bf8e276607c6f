import { apiRoute } from "@/server/api/api-route";
import { redeliverWebhookEndpoint } from "@/server/api/endpoints/webhook-endpoints";

export const POST = apiRoute(redeliverWebhookEndpoint);
