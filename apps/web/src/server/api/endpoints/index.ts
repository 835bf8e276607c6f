import type { TApiEndpoint } from "../endpoint";
import { listConversationsEndpoint } from "./conversations";
import { listMessagesEndpoint, sendMessageEndpoint } from "./messages";

/** Every endpoint of /api/v1: the OpenAPI document lists exactly these (a test checks the routes). */
export const API_ENDPOINTS: readonly TApiEndpoint[] = [
  listConversationsEndpoint,
  listMessagesEndpoint,
  sendMessageEndpoint,
];
