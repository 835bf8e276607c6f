import { apiRoute } from "@/server/api/api-route";
import {
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  updateWebhookEndpointEndpoint,
} from "@/server/api/endpoints/webhook-endpoints";

export const GET = apiRoute(getWebhookEndpointEndpoint);
export const PATCH = apiRoute(updateWebhookEndpointEndpoint);
export const DELETE = apiRoute(deleteWebhookEndpointEndpoint);
