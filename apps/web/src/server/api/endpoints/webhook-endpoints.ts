import { z } from "zod";
import { createWebhookEndpoint } from "@forecourt/core/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@forecourt/core/webhooks/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@forecourt/core/webhooks/get-webhook-endpoint";
import { listWebhookDeliveries } from "@forecourt/core/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@forecourt/core/webhooks/list-webhook-endpoints";
import { redeliverWebhook } from "@forecourt/core/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@forecourt/core/webhooks/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@forecourt/core/webhooks/update-webhook-endpoint";
import {
  ZCreateWebhookEndpoint,
  ZRotateWebhookSecret,
  ZUpdateWebhookEndpoint,
  ZWebhookDelivery,
  ZWebhookEndpoint,
  ZWebhookEndpointWithSecret,
} from "@forecourt/protocol";
import { ZApiCursorQuery, ZApiPage } from "@forecourt/protocol/api";
import { decodeCursor, encodeCursor } from "../cursor";
import { defineApiEndpoint } from "../endpoint";

/*
 * /api/v1/webhook-endpoints (docs/webhooks.md): the same core use cases as Settings → Webhooks,
 * for keys with the webhooks:manage scope and no dealer scope (endpoints carry every dealer's events).
 */

const ZEndpoint = ZWebhookEndpoint.meta({ id: "WebhookEndpoint" });
const ZEndpointWithSecret = ZWebhookEndpointWithSecret.extend({ endpoint: ZEndpoint }).meta({
  id: "WebhookEndpointWithSecret",
  description: "The signing secret (whsec_…) is shown only in this answer.",
});
const ZDelivery = ZWebhookDelivery.meta({ id: "WebhookDelivery" });
const ZParams = z.object({ endpointId: z.uuid() });
const ZDeliveryParams = z.object({ deliveryId: z.uuid() });
const ZDeliveryCursor = z.object({ after: z.uuid() });
const TAG = "Webhook endpoints";
const PERMISSION = "settings.integrations.manage" as const;

export const listWebhookEndpointsEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    summary: "List webhook endpoints",
    tag: TAG,
    permission: PERMISSION,
    response: z.object({ data: z.array(ZEndpoint) }).meta({ id: "WebhookEndpointList" }),
  },
  async ({ principal }) => ({ data: await listWebhookEndpoints({ actor: principal }) }),
);

export const createWebhookEndpointEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    summary: "Create a webhook endpoint",
    description: "Answers with the signing secret, once.",
    tag: TAG,
    permission: PERMISSION,
    body: ZCreateWebhookEndpoint,
    response: ZEndpointWithSecret,
    status: 201,
  },
  ({ principal, body }) => createWebhookEndpoint({ actor: principal, input: body }),
);

export const getWebhookEndpointEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/webhook-endpoints/{endpointId}",
    operationId: "getWebhookEndpoint",
    summary: "Get a webhook endpoint",
    tag: TAG,
    permission: PERMISSION,
    params: ZParams,
    response: ZEndpoint,
  },
  ({ principal, params }) => getWebhookEndpoint({ actor: principal, input: params }),
);

export const updateWebhookEndpointEndpoint = defineApiEndpoint(
  {
    method: "PATCH",
    path: "/webhook-endpoints/{endpointId}",
    operationId: "updateWebhookEndpoint",
    summary: "Change a webhook endpoint's URL, events, or enable/disable it",
    tag: TAG,
    permission: PERMISSION,
    params: ZParams,
    body: ZUpdateWebhookEndpoint.omit({ endpointId: true }),
    response: ZEndpoint,
  },
  ({ principal, params, body }) => updateWebhookEndpoint({ actor: principal, input: { ...body, ...params } }),
);

export const deleteWebhookEndpointEndpoint = defineApiEndpoint(
  {
    method: "DELETE",
    path: "/webhook-endpoints/{endpointId}",
    operationId: "deleteWebhookEndpoint",
    summary: "Delete a webhook endpoint and its delivery log",
    tag: TAG,
    permission: PERMISSION,
    params: ZParams,
    response: z.object({ ok: z.literal(true) }).meta({ id: "Deleted" }),
  },
  ({ principal, params }) => deleteWebhookEndpoint({ actor: principal, input: params }),
);

export const rotateWebhookSecretEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/webhook-endpoints/{endpointId}/rotate-secret",
    operationId: "rotateWebhookSecret",
    summary: "Rotate the signing secret",
    description: "The old secret keeps signing next to the new one for overlapHours (default 24).",
    tag: TAG,
    permission: PERMISSION,
    params: ZParams,
    body: ZRotateWebhookSecret.omit({ endpointId: true }),
    response: ZEndpointWithSecret,
  },
  ({ principal, params, body }) => rotateWebhookSecret({ actor: principal, input: { ...body, ...params } }),
);

export const listWebhookDeliveriesEndpoint = defineApiEndpoint(
  {
    method: "GET",
    path: "/webhook-endpoints/{endpointId}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "List an endpoint's deliveries",
    description: "Newest first.",
    tag: TAG,
    permission: PERMISSION,
    params: ZParams,
    query: ZApiCursorQuery,
    response: ZApiPage(ZDelivery, "WebhookDeliveryPage"),
  },
  async ({ principal, params, query }) => {
    const position = decodeCursor(ZDeliveryCursor, query.cursor);
    const page = await listWebhookDeliveries({
      actor: principal,
      input: { endpointId: params.endpointId, cursor: position?.after, limit: query.limit },
    });
    return { data: page.deliveries, nextCursor: page.nextCursor ? encodeCursor({ after: page.nextCursor }) : null };
  },
);

export const redeliverWebhookEndpoint = defineApiEndpoint(
  {
    method: "POST",
    path: "/webhook-deliveries/{deliveryId}/redeliver",
    operationId: "redeliverWebhook",
    summary: "Send a delivery again (same webhook-id, fresh payload)",
    tag: TAG,
    permission: PERMISSION,
    params: ZDeliveryParams,
    response: z.object({ ok: z.literal(true) }).meta({ id: "Queued" }),
  },
  ({ principal, params }) => redeliverWebhook({ actor: principal, input: params }),
);
