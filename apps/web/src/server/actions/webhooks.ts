"use server";

import { runAction } from "@/server/action-helpers";
import {
  handleCreateWebhookEndpoint,
  handleDeleteWebhookEndpoint,
  handleListWebhookDeliveries,
  handleRedeliverWebhook,
  handleRotateWebhookSecret,
  handleUpdateWebhookEndpoint,
} from "@/server/handlers/webhooks";

// Settings → Webhooks. The client sends plain objects (checkbox groups, toggles), parsed by core's schemas.
const PATHS = ["/settings/webhooks"];

export async function createWebhookEndpointAction(input: unknown) {
  return runAction(handleCreateWebhookEndpoint, input, PATHS);
}
export async function updateWebhookEndpointAction(input: unknown) {
  return runAction(handleUpdateWebhookEndpoint, input, PATHS);
}
export async function deleteWebhookEndpointAction(input: unknown) {
  return runAction(handleDeleteWebhookEndpoint, input, PATHS);
}
export async function rotateWebhookSecretAction(input: unknown) {
  return runAction(handleRotateWebhookSecret, input, PATHS);
}
export async function listWebhookDeliveriesAction(input: unknown) {
  return runAction(handleListWebhookDeliveries, input);
}
export async function redeliverWebhookAction(input: unknown) {
  return runAction(handleRedeliverWebhook, input);
}
