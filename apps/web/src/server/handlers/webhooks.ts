import {
  ZCreateWebhookEndpoint,
  ZListWebhookDeliveries,
  ZRedeliverWebhook,
  ZRotateWebhookSecret,
  ZUpdateWebhookEndpoint,
  ZWebhookEndpointRef,
  WEBHOOK_EVENT_TYPES,
} from "@forecourt/protocol";
import { createWebhookEndpoint } from "@forecourt/core/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@forecourt/core/webhooks/delete-webhook-endpoint";
import { listWebhookDeliveries } from "@forecourt/core/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@forecourt/core/webhooks/list-webhook-endpoints";
import { redeliverWebhook } from "@forecourt/core/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@forecourt/core/webhooks/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@forecourt/core/webhooks/update-webhook-endpoint";
import { defineHandler } from "../define-handler";

/** Settings → Webhooks (settings.integrations.manage; core also requires a member without a dealer scope). */
export const loadWebhooksPage = defineHandler(
  { permission: "settings.integrations.manage" },
  async ({ principal }) => ({
    endpoints: await listWebhookEndpoints({ actor: principal }),
    eventTypes: [...WEBHOOK_EVENT_TYPES],
  }),
);

export const handleCreateWebhookEndpoint = defineHandler(
  { permission: "settings.integrations.manage", input: ZCreateWebhookEndpoint },
  ({ principal, input }) => createWebhookEndpoint({ actor: principal, input }),
);

export const handleUpdateWebhookEndpoint = defineHandler(
  { permission: "settings.integrations.manage", input: ZUpdateWebhookEndpoint },
  ({ principal, input }) => updateWebhookEndpoint({ actor: principal, input }),
);

export const handleDeleteWebhookEndpoint = defineHandler(
  { permission: "settings.integrations.manage", input: ZWebhookEndpointRef },
  ({ principal, input }) => deleteWebhookEndpoint({ actor: principal, input }),
);

export const handleRotateWebhookSecret = defineHandler(
  { permission: "settings.integrations.manage", input: ZRotateWebhookSecret },
  ({ principal, input }) => rotateWebhookSecret({ actor: principal, input }),
);

export const handleListWebhookDeliveries = defineHandler(
  { permission: "settings.integrations.manage", input: ZListWebhookDeliveries },
  ({ principal, input }) => listWebhookDeliveries({ actor: principal, input }),
);

export const handleRedeliverWebhook = defineHandler(
  { permission: "settings.integrations.manage", input: ZRedeliverWebhook },
  ({ principal, input }) => redeliverWebhook({ actor: principal, input }),
);
