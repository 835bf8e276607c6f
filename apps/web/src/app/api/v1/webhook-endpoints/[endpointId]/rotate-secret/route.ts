import { apiRoute } from "@/server/api/api-route";
import { rotateWebhookSecretEndpoint } from "@/server/api/endpoints/webhook-endpoints";

export const POST = apiRoute(rotateWebhookSecretEndpoint);
