import type { TApiEndpoint } from "../endpoint";
import { listConversationsEndpoint } from "./conversations";
import { listMessagesEndpoint, sendMessageEndpoint } from "./messages";
import {
  createWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhookEndpointsEndpoint,
  redeliverWebhookEndpoint,
  rotateWebhookSecretEndpoint,
  updateWebhookEndpointEndpoint,
} from "./webhook-endpoints";

/** Every endpoint of /api/v1: the OpenAPI document lists exactly these (a test checks the routes). */
export const API_ENDPOINTS: readonly TApiEndpoint[] = [
  listConversationsEndpoint,
  listMessagesEndpoint,
  sendMessageEndpoint,
  listWebhookEndpointsEndpoint,
  createWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  updateWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  rotateWebhookSecretEndpoint,
  listWebhookDeliveriesEndpoint,
  redeliverWebhookEndpoint,
];
