import { apiRoute } from "@/server/api/api-route";
import { createWebhookEndpointEndpoint, listWebhookEndpointsEndpoint } from "@/server/api/endpoints/webhook-endpoints";

export const GET = apiRoute(listWebhookEndpointsEndpoint);
export const POST = apiRoute(createWebhookEndpointEndpoint);
