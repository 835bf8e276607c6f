/**
 * @forecourt/sdk, modules side by side: `api` (the typed REST client of /api/v1, docs/api.md),
 * `webhooks` (verifying Forecourt's signed webhooks, docs/webhooks.md) and `messaging` (the
 * OEM-app messaging client over the API channel, docs/api-channel.md).
 */
export * from "./messaging";
export { createClient, type TForecourtClient, type TListConversationsQuery } from "./api/client";
export { paginate, retryDelayMs, type TClientOptions, type TRequestOptions } from "./api/http";
export { verifyWebhook, type TWebhookEvent } from "./webhooks/verify";
export { ForecourtError } from "./errors";
