import { apiRoute } from "@/server/api/api-route";
import { listWebhookDeliveriesEndpoint } from "@/server/api/endpoints/webhook-endpoints";

export const GET = apiRoute(listWebhookDeliveriesEndpoint);
