import type { TApiEndpoint } from "../endpoint";
import { createContactEndpoint, getContactEndpoint, searchContactsEndpoint, updateContactEndpoint } from "./contacts";
import {
  assignConversationEndpoint,
  closeConversationEndpoint,
  handOffConversationEndpoint,
  reopenConversationEndpoint,
  transferConversationEndpoint,
} from "./conversation-actions";
import { createConversationEndpoint, getConversationEndpoint, listConversationsEndpoint } from "./conversations";
import { listChannelsEndpoint, listDealersEndpoint, listDepartmentsEndpoint, listUsersEndpoint } from "./directory";
import { listLeadsEndpoint } from "./leads";
import { listMessagesEndpoint, sendMessageEndpoint } from "./messages";
import { dailyStatsEndpoint } from "./stats";
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
  getConversationEndpoint,
  createConversationEndpoint,
  assignConversationEndpoint,
  transferConversationEndpoint,
  closeConversationEndpoint,
  reopenConversationEndpoint,
  handOffConversationEndpoint,
  searchContactsEndpoint,
  getContactEndpoint,
  createContactEndpoint,
  updateContactEndpoint,
  listDealersEndpoint,
  listDepartmentsEndpoint,
  listUsersEndpoint,
  listChannelsEndpoint,
  listLeadsEndpoint,
  dailyStatsEndpoint,
  listWebhookEndpointsEndpoint,
  createWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  updateWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
  rotateWebhookSecretEndpoint,
  listWebhookDeliveriesEndpoint,
  redeliverWebhookEndpoint,
];
