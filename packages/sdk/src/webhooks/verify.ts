import { Webhook } from "standardwebhooks";

/** A webhook event as Forecourt sends it (docs/webhooks.md). */
export type TWebhookEvent<T = Record<string, unknown>> = { type: string; timestamp: string; data: T };

/**
 * Verifies a webhook from Forecourt (Standard Webhooks: webhook-id, webhook-timestamp and
 * webhook-signature headers, a `whsec_…` secret) and returns its parsed event. Pass the raw body
 * exactly as received — parsed-and-reserialised JSON does not verify. Throws when the signature
 * does not match any of the endpoint's secrets or the timestamp is more than 5 minutes off.
 * Use `webhook-id` to ignore a redelivery you have already handled.
 */
export function verifyWebhook<T = Record<string, unknown>>(
  secret: string,
  rawBody: string | Buffer,
  headers: Headers | Record<string, string | string[] | undefined>,
): TWebhookEvent<T> {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? "";
    const value = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  };
  const payload = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
  return new Webhook(secret).verify(payload, {
    "webhook-id": get("webhook-id"),
    "webhook-timestamp": get("webhook-timestamp"),
    "webhook-signature": get("webhook-signature"),
  }) as TWebhookEvent<T>;
}
