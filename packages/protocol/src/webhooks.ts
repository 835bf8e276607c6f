import { z } from "zod";

/*
 * Outbound webhooks (docs/webhooks.md): the event types, the management inputs and the shapes
 * the settings page, the REST API and the SDK share. Payload shapes are documented in
 * docs/webhooks.md and built by packages/core/src/webhooks/build-webhook-payload.ts.
 */

export const WEBHOOK_EVENT_TYPES = [
  "message.created",
  "conversation.created",
  "conversation.assigned",
  "conversation.status_changed",
  "contact.created",
  "contact.updated",
  "lead.created",
] as const;
export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;

/** An https URL (http only where private targets are allowed; core checks that at save and at send). */
export const ZWebhookUrl = z
  .url({ protocol: /^https?$/, message: "Enter an http(s) URL" })
  .max(2000)
  .refine((v) => !new URL(v).username && !new URL(v).password, "The URL must not contain a user name or password");

export const ZWebhookEvents = z.array(ZWebhookEventType).min(1, "Choose at least one event").max(20);

export const ZCreateWebhookEndpoint = z.object({
  url: ZWebhookUrl,
  description: z.string().trim().max(200).optional(),
  events: ZWebhookEvents,
});
export type TCreateWebhookEndpoint = z.input<typeof ZCreateWebhookEndpoint>;

export const ZUpdateWebhookEndpoint = z.object({
  endpointId: z.uuid(),
  url: ZWebhookUrl.optional(),
  description: z.string().trim().max(200).nullable().optional(),
  events: ZWebhookEvents.optional(),
  enabled: z.boolean().optional(),
});
export type TUpdateWebhookEndpoint = z.input<typeof ZUpdateWebhookEndpoint>;

export const ZWebhookEndpointRef = z.object({ endpointId: z.uuid() });

export const ZWebhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(ZWebhookEventType),
  enabled: z.boolean(),
  /** Why the platform turned it off: "gone" (the receiver answered 410) or "failing" (every retry failed). */
  disabledReason: z.enum(["gone", "failing"]).nullable(),
  disabledAt: z.iso.datetime().nullable(),
  /** A rotated-out secret still signs until then. */
  previousSecretExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

/** Creation and rotation answer with the secret once; it is never shown again. */
export const ZWebhookEndpointWithSecret = z.object({ endpoint: ZWebhookEndpoint, secret: z.string() });
export type TWebhookEndpointWithSecret = z.infer<typeof ZWebhookEndpointWithSecret>;

export const ZRotateWebhookSecret = z.object({
  endpointId: z.uuid(),
  /** How long the old secret keeps signing alongside the new one (hours; 0: stop at once). */
  overlapHours: z.number().int().min(0).max(168).default(24),
});

export const ZWebhookDeliveryStatus = z.enum(["PENDING", "DELIVERED", "FAILED", "SKIPPED"]);

export const ZWebhookDelivery = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: ZWebhookEventType,
  status: ZWebhookDeliveryStatus,
  attempts: z.number().int(),
  lastAttemptAt: z.iso.datetime().nullable(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZListWebhookDeliveries = z.object({
  endpointId: z.uuid(),
  /** The id of the last delivery of the previous page (newest first). */
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZRedeliverWebhook = z.object({ deliveryId: z.uuid() });
