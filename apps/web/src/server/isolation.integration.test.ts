/**
 * The isolation suite: every API route and every server action, tried by each role of customer
 * A against customer B's objects (real ids and guessed ones). Each attempt must be refused with
 * 403 or 404 and carry none of B's data; afterwards B's rows must be unchanged.
 *
 * The suite enumerates apps/web/src/app/**\/route.ts, every "use server" file's exported
 * functions and every exported page loader (`load…Page` in src/server/handlers: what a page
 * calls for its tenant data); each must have a case in CASES below, so a new route, action or
 * page loader without a case makes this file fail. Actions, routes and pages are thin wrappers
 * over the handlers in src/server/handlers (parse, call core, map to a status); the cases call
 * those handlers with a real session of A, exactly as the wrappers do.
 *
 * Within a tenant, the same entry points are tried by members of A scoped to one dealer of A
 * against the rows of A's other ("sibling") dealer: its conversation, contact, messages, file
 * and channel, and a contact shared by both dealers. Every entry point needs a SCOPE_CASES
 * entry too (attempts, or a reason why it holds no dealer's rows). Refused attempts must be
 * 403/404, none may carry the sibling's conversation data, and the sibling's rows must stay.
 */
import { handleDeletePushSubscription, handleSavePushSubscription } from "./handlers/push";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionContext, type TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { signInWithPassword } from "@forecourt/core/accounts/sign-in-with-password";
import { handleSwitchTenant } from "./handlers/account";
import { handleRotateWidgetIdentitySecret, handleSetVehicle, handleWidgetIdentify } from "./handlers/widget-api";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { newWidgetKey, sha256 } from "@forecourt/core/chat/keys";
import { encryptSecret } from "@forecourt/core/crypto/secret-box";
import { sendLeadForm } from "@forecourt/core/leads/send-lead-form";
import { submitLeadForm } from "@forecourt/core/leads/submit-lead-form";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { STANDARD_LEAD_FORMS } from "@forecourt/protocol";
import { attachmentUrl } from "@forecourt/core/chat/message-event";
import { verifyRealtimeToken } from "@forecourt/core/chat/realtime-token";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { sendAttachment } from "@forecourt/core/chat/save-attachment";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { redis } from "@forecourt/core/infra/redis";
import { getConfig } from "@forecourt/config";
import { CLIENT_IP_HEADER } from "@forecourt/config/client-address";
import { createTestTenant, createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import { createApiChannel } from "@forecourt/core/api-channel/test-helpers";
import {
  handleClientIdentify,
  handleClientListConversations,
  handleClientListMessages,
  handleClientSendMessage,
  handleClientStartConversation,
  handleClientUpload,
  handleConnectApiChannel,
  handleRevealApiChannelSecret,
  handleRotateApiChannelSecret,
} from "./handlers/api-channel";
import { handleExportAudit } from "./handlers/audit";
import { handleDeleteCannedReply, handleSaveCannedReply, loadCannedRepliesPage } from "./handlers/canned-replies";
import { handleCreateApiKey, handleRevokeApiKey, loadApiKeysPage } from "./handlers/api-keys";
import { createTestApiKey } from "@forecourt/core/api-keys/test-api-key";
import { handleDeleteDepartment, handleSaveDepartment, loadDepartmentsPage } from "./handlers/departments";
import {
  handleDeleteBot,
  handleSaveBot,
  handleToggleBot,
  handleDeleteRoutingRule,
  handleMoveRoutingRule,
  handleSaveBusinessHours,
  handleSaveRoutingRule,
  handleToggleRoutingRule,
  loadRoutingPage,
} from "./handlers/routing";
import {
  handleCreateWebhookEndpoint,
  handleDeleteWebhookEndpoint,
  handleListWebhookDeliveries,
  handleRedeliverWebhook,
  handleRotateWebhookSecret,
  handleUpdateWebhookEndpoint,
  loadWebhooksPage,
} from "./handlers/webhooks";
import { handleContract, handleRunLifecycleNow } from "./handlers/contract";
import {
  handleEraseContact,
  handleExportContact,
  handleLegalBasisRegister,
  handleUpdateRetention,
} from "./handlers/data-protection";
import {
  handleAgentUpload,
  handleConversationAction,
  handleCreateLabel,
  handleGetConversation,
  handleListLabels,
  handleListConversations,
  handleListMessages,
  handleRealtimeToken,
  handleUpdateContact,
  handleUpdateWidgetChannel,
} from "./handlers/inbox";
import {
  handleListTemplates,
  handleEmailHtml,
  handleRetryDelivery,
  handleSendTemplate,
} from "./handlers/inbox-channels";
import {
  handleAddDepartment,
  handleReplaceAccount,
  handleSaveCustomer,
  handleSaveDealer,
  handleSaveSubscription,
  handleSetCustomerSuspension,
  handleSetUserSuspension,
} from "./handlers/provider";
import { handleSendManagedReply, loadManagedConversationPage, loadManagedQueuePage } from "./handlers/managed-queue";
import {
  handleAcceptInvitation,
  handleEmailTranscript,
  handleRateConversation,
  handleRequestPasswordReset,
  handleResetPassword,
} from "./handlers/public";
import {
  handleMetaSubscription,
  handleMetaWebhook,
  handleTelegramWebhook,
  handleTwilioWebhook,
} from "./handlers/hooks";
import type { THandlerMeta, THandlerResult } from "./handlers/result";
import { queryObject, readUpload, routeMeta } from "./chat-http";
import { visitorTokenOf } from "./define-handler";
import { handleRunOrphanSweepNow } from "./handlers/storage";
import { handleConfirmTwoFactor, handleStartTwoFactor } from "./handlers/security";
import {
  handleAttachment,
  handleStartConversation,
  handleVisitorConversation,
  handleVisitorMessages,
  handleVisitorUpload,
  handleWidgetConfig,
  handleWidgetFrame,
} from "./handlers/widget";
import {
  handleChangeMemberStatus,
  handleForceSignOut,
  handleInviteUser,
  handleReportMisuse,
  handleRevokeMemberSession,
  handleSendPasswordReset,
  handleUnlockMember,
  handleUpdateMember,
} from "./handlers/users";
import {
  handleCheckTelegram,
  handleConnectMessenger,
  handleConnectSms,
  handleConnectTelegram,
  handleDisconnectTelegram,
  handleConnectWhatsApp,
  handleCreateWidgetChannel,
  handleRegenerateVerifyToken,
  handleSendChannelTestMessage,
  handleSendSmsTestMessage,
  handleSetChannelStatus,
  handleSyncTemplates,
  handleConnectEmail,
  handleSendEmailTest,
  handleUpdateChannelCredentials,
  handleUpdateSmsCredentials,
  loadChannelsPage,
} from "./handlers/channels";
import { loadContactRecordPage, loadContactsPage } from "./handlers/contacts-pages";
import { loadInboxPage } from "./handlers/inbox-page";
import {
  handleListConversationForms,
  handleRetryLeadDelivery,
  handleSaveLeadExportTarget,
  handleSendLeadForm,
  handleSetLeadFormActive,
  handleListVisitorForms,
  handleOfferLeadForm,
  handleSubmitLeadForm,
  loadLeadFormsPage,
} from "./handlers/lead-forms";
import { widgetAsset } from "./widget-assets";

const SRC = join(import.meta.dirname, "..");
/** Every role of customer A, plus a provider managed agent (provider staff without support rights). */
const ROLES = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT", "PROVIDER_MANAGED_AGENT"] as const;
type TRole = (typeof ROLES)[number];
const meta = { ip: "10.66.0.1" };
const guess = () => crypto.randomUUID();

type TB = {
  customerId: string;
  customerName: string;
  dealerId: string;
  dealerName: string;
  departmentId: string;
  membershipId: string;
  userId: string;
  userEmail: string;
  sessionId: string;
  subscriptionId: string;
  /** B's website chat: a widget channel, a visitor's contact and conversation with messages and a file. */
  channelId: string;
  channelName: string;
  /** B's WhatsApp number: its channel, phone number id and verify token (a secret of B). */
  metaChannelId: string;
  phoneNumberId: string;
  verifyToken: string;
  widgetKey: string;
  origin: string;
  contactId: string;
  contactName: string;
  contactEmail: string;
  conversationId: string;
  messageBody: string;
  /** An agent's failed reply in B's conversation (Retry). */
  messageId: string;
  attachmentId: string;
  /** B's canned reply (Settings → Canned replies). */
  cannedReplyId: string;
  cannedBody: string;
  /** B's dealer's label (the inbox's label picker), put on B's conversation. */
  labelId: string;
  labelName: string;
  /** B's API key (Settings → API keys): its id, name and visible prefix. */
  apiKeyId: string;
  apiKeyName: string;
  apiKeyPrefix: string;
  /** B's webhook endpoint and one delivery of its log (Settings → Webhooks). */
  webhookEndpointId: string;
  webhookUrl: string;
  webhookDeliveryId: string;
  /** B's routing rule and bot (Settings → Routing). */
  routingRuleId: string;
  botId: string;
  /** B's test-drive form, the form message an agent of B sent, and a failed delivery of the lead its visitor filled in. */
  leadFormId: string;
  formRequestId: string;
  leadDeliveryId: string;
  leadCrmEmail: string;
};
/** A's own website chat: the widget a visitor of A uses (a visitor token is A's, never B's). */
type TA = {
  customerId: string;
  widgetKey: string;
  origin: string;
  visitorToken: string;
  conversationId: string;
  /** A's first dealer: the one scoped members of A work for. */
  dealerId: string;
};
type TCtx = { session: TSessionContext; b: TB; a: TA };
/** What one attempt returned; `refused` cases must be 403/404, `public`/`own` ones only free of B's data. */
type TCase =
  | { kind: "refused"; attempts: (ctx: TCtx) => Promise<THandlerResult<unknown>>[] }
  | { kind: "public" | "own"; attempts: (ctx: TCtx) => Promise<unknown>[] }
  | { kind: "exempt"; reason: string };

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
/** A fresh client address per call, so the widget's per-address limits never answer 429 here. */
const someIp = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** A multipart upload as the inbox and the widget post it (optionally as a widget visitor). */
function uploadRequest(path: string, conversationId: string, visitorToken?: string) {
  const form = new FormData();
  form.set("conversationId", conversationId);
  form.set("clientId", `iso-${crypto.randomUUID()}`);
  form.set("file", new File([PNG], "photo.png", { type: "image/png" }));
  const headers: Record<string, string> = { [CLIENT_IP_HEADER]: someIp() };
  if (visitorToken) headers.authorization = `Bearer ${visitorToken}`;
  return new Request(`http://forecourt.test${path}`, { method: "POST", body: form, headers });
}

/** A GET as the widget sends it: query string, optional visitor token and Origin header. */
function widgetGet(path: string, options: { token?: string; origin?: string } = {}) {
  const headers: Record<string, string> = { [CLIENT_IP_HEADER]: someIp() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.origin) headers.origin = options.origin;
  return new Request(`http://forecourt.test${path}`, { headers });
}

/** The pre-chat form as a dealer page's browser posts it: the page origin is the Origin header. */
function startRequest(body: Record<string, unknown>) {
  return new Request("http://forecourt.test/api/widget/conversations", {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: someIp(), origin: String(body.origin) },
    body: JSON.stringify({ consent: true, name: "Visitor", offlineMessage: "Hello there", ...body }),
  });
}

/** The signed-link parts of a download link. */
function linkOf(url: string) {
  const { searchParams } = new URL(url);
  return { exp: searchParams.get("exp") ?? "", sig: searchParams.get("sig") ?? "" };
}

/** For `public` cases whose attempt must be refused (a public entry point with the wrong key or origin). */
async function mustRefuse<T extends { ok: boolean }>(result: Promise<T>, label: string): Promise<T> {
  const r = await result;
  expect(r.ok, `${label}: ${JSON.stringify(r)}`).toBe(false);
  return r;
}

const widgetSettings = {
  name: "Hijacked",
  enabled: false,
  config: { allowedOrigins: ["http://evil.test"] },
  businessHours: { mon: [["00:00", "23:59"]] },
};

/** What Settings → Channels forms send: a WhatsApp number, a Messenger page, new credentials. */
const metaId = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const whatsappInput = (dealerId: string) => ({
  dealerId,
  name: "Planted",
  config: { phoneNumberId: metaId(), wabaId: metaId() },
  secrets: { accessToken: "EAAplanted-token", appSecret: "planted-app-secret" },
});
const messengerInput = (dealerId: string) => ({
  dealerId,
  name: "Planted",
  config: { pageId: metaId() },
  secrets: { pageAccessToken: "EAAplanted-page-token", appSecret: "planted-app-secret" },
});
const newSecrets = { secrets: { appSecret: "hijacked-app-secret" } };
const hex32 = () => crypto.randomUUID().replaceAll("-", "");
const smsInput = (dealerId: string) => ({
  dealerId,
  name: "Planted SMS",
  config: { accountSid: `AC${hex32()}`, fromNumber: `+3197${String(Date.now()).slice(-9)}` },
  secrets: { authToken: hex32() },
});
/** A Twilio-shaped form naming a channel, signed with a token A could choose. */
const twilioForm = (channelId: string, kind: "inbound" | "status") =>
  handleTwilioWebhook({
    channelId,
    kind,
    rawBody: new TextEncoder().encode(
      new URLSearchParams({
        MessageSid: `SM${hex32()}`,
        AccountSid: `AC${hex32()}`,
        From: "+31612345678",
        To: "+3197010000001",
        Body: "planted",
        MessageStatus: "delivered",
      }).toString(),
    ),
    signature: "bm90IGEgcmVhbCBzaWduYXR1cmU=",
  });
/** A bot token nobody issued: the refusal must come before Telegram is ever asked. */
const telegramInput = (dealerId: string) => ({
  dealerId,
  name: "Planted",
  botToken: "7999999999:AAH_planted-token-planted-token-0000",
});

/** A connected WhatsApp channel written directly (as the connect use case leaves it), with its routes. */
async function createWhatsAppChannel(customerId: string, dealerId: string, name: string) {
  const phoneNumberId = metaId();
  const verifyToken = `verify-${crypto.randomUUID()}`;
  const channel = await ownerDb().channel.create({
    data: {
      customerId,
      dealerId,
      type: "WHATSAPP",
      name,
      publicKey: `wa_${crypto.randomUUID()}`,
      externalId: phoneNumberId,
      config: { phoneNumberId, wabaId: metaId(), displayPhoneNumber: "" },
      secretsEncrypted: encryptSecret(
        JSON.stringify({ accessToken: "EAAsecret-access-token", appSecret: "secret-app-secret", verifyToken }),
      ),
    },
  });
  await ownerDb().channelRoute.createMany({
    data: [`whatsapp:${phoneNumberId}`, `meta-verify:${sha256(verifyToken)}`].map((key) => ({
      key,
      channelId: channel.id,
      routedCustomerId: customerId,
    })),
  });
  return { channel, phoneNumberId, verifyToken };
}

const cannedInput = (dealerId: string | null, id?: string) => ({
  ...(id ? { id } : {}),
  dealerId,
  shortcut: `planted${Math.floor(Math.random() * 1e6)}`,
  title: "Planted",
  body: "Planted reply",
});

/** A new API key as the Settings → API keys dialog sends it. */
const apiKeyInput = (dealerIds: string[]) => ({ name: "Planted key", scopes: ["conversations:read"], dealerIds });

const member = (b: TB, extra: Record<string, unknown> = {}) => [
  { membershipId: b.membershipId, ...extra },
  { membershipId: b.membershipId, customerId: b.customerId, ...extra },
  { membershipId: guess(), ...extra },
  { membershipId: guess(), customerId: guess(), ...extra },
];

/** An agent's reply that failed to reach the customer's channel: what "Retry" acts on. */
async function failedReply(customerId: string, conversationId: string, body: string) {
  const conversation = await ownerDb().conversation.update({
    where: { id: conversationId },
    data: { lastSeq: { increment: 1 } },
  });
  return ownerDb().message.create({
    data: {
      customerId,
      conversationId,
      seq: conversation.lastSeq,
      clientId: `failed-${conversationId}`,
      authorType: "AGENT",
      kind: "TEXT",
      body,
      deliveryStatus: "FAILED",
      deliveryError: { code: "server_error", message: "The channel did not answer.", retryable: true },
    },
  });
}

/**
 * The API channel (OEM apps): A holds a contact token of its own API inbox; "Iso API B" is a
 * tenant with an API inbox, a contact and a conversation of its own (kept apart from B, whose
 * rows are snapshotted above). A second inbox of A stands for "another channel of the same tenant".
 */
type TApiIso = {
  aInbox: string;
  aToken: string;
  aConversationId: string;
  a2Inbox: string;
  bInbox: string;
  bHashOf: (identifier: string) => string;
  bChannelId: string;
  bConversationId: string;
  bSecretText: string;
  bContactName: string;
};
let api: TApiIso;
const apiMeta = () => ({ ip: someIp() });
/** An API channel attempt must be refused (401 for a token not of this inbox, 403/404 otherwise) and carry nothing of Iso API B. */
async function apiRefused<T>(result: Promise<THandlerResult<T>>, label: string) {
  const r = await result;
  expect(r.ok, `${label}: ${JSON.stringify(r)}`).toBe(false);
  if (!r.ok) expect([401, 403, 404], `${label}: ${JSON.stringify(r)}`).toContain(r.status);
  const text = JSON.stringify(r);
  for (const secret of [api.bConversationId, api.bSecretText, api.bContactName, api.bChannelId]) {
    expect(text, label).not.toContain(secret);
  }
  return r;
}
const apiFile = () => new File([PNG], "photo.png", { type: "image/png" });
async function apiSnapshot() {
  const db = ownerDb();
  return {
    channel: await db.channel.findUniqueOrThrow({
      where: { id: api.bChannelId },
      select: { secretsEncrypted: true, status: true },
    }),
    messages: await db.message.count({ where: { conversationId: api.bConversationId } }),
    contacts: await db.contact.count({ where: { conversations: { some: { channelId: api.bChannelId } } } }),
    conversations: await db.conversation.count({ where: { channelId: api.bChannelId } }),
  };
}
let apiBefore: Awaited<ReturnType<typeof apiSnapshot>>;

/**
 * The session as it is, and (for provider staff) as it would be after two-factor: the managed
 * queue must refuse B (a Standard customer) even to a managed agent whose session passed it.
 */
const withTwoFactor = (session: TSessionContext) =>
  session.user.providerRole ? [session, { ...session, twoFactorPassed: true }] : [session];

const CASES: Record<string, TCase> = {
  // ── routes ───────────────────────────────────────────────────────────────────────────────
  "route:app/api/audit/export/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleExportAudit(session, { customerId: b.customerId }, meta),
      handleExportAudit(session, { customerId: guess() }, meta),
    ],
  },
  "route:app/api/auth/[...nextauth]/route.ts#GET": {
    kind: "exempt",
    reason: "Auth.js endpoints take no tenant object ids; sign-in is covered by sign-in.integration.test.ts",
  },
  "route:app/api/auth/[...nextauth]/route.ts#POST": {
    kind: "exempt",
    reason: "Auth.js endpoints take no tenant object ids; sign-in is covered by sign-in.integration.test.ts",
  },
  "route:app/api/health/route.ts#GET": { kind: "exempt", reason: "liveness only, returns { ok: true }" },

  // ── Settings → Users (and the provider console's user operations) ───────────────────────
  "action:server/actions/users.ts#inviteUserAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleInviteUser(session, { customerId: b.customerId, email: "intruder@test.example", role: "ADMIN" }, meta),
      handleInviteUser(session, { customerId: guess(), email: "intruder@test.example", role: "ADMIN" }, meta),
      handleInviteUser(
        session,
        { email: "scoped@test.example", role: "AGENT", dealerIds: [b.dealerId], departmentIds: [] },
        meta,
      ),
      handleInviteUser(
        session,
        { email: "scoped2@test.example", role: "AGENT", departmentIds: [b.departmentId] },
        meta,
      ),
    ],
  },
  "action:server/actions/users.ts#updateMemberAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      ...member(b, { role: "AGENT", dealerIds: [], departmentIds: [] }).map((raw) =>
        handleUpdateMember(session, raw, meta),
      ),
    ],
  },
  "action:server/actions/users.ts#changeMemberStatusAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      member(b, { change: "archive" }).map((raw) => handleChangeMemberStatus(session, raw, meta)),
  },
  "action:server/actions/users.ts#sendPasswordResetAction": {
    kind: "refused",
    attempts: ({ session, b }) => member(b).map((raw) => handleSendPasswordReset(session, raw, meta)),
  },
  "action:server/actions/users.ts#forceSignOutAction": {
    kind: "refused",
    attempts: ({ session, b }) => member(b).map((raw) => handleForceSignOut(session, raw, meta)),
  },
  "action:server/actions/users.ts#revokeMemberSessionAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      member(b, { sessionId: b.sessionId }).map((raw) => handleRevokeMemberSession(session, raw, meta)),
  },
  "action:server/actions/users.ts#unlockMemberAction": {
    kind: "refused",
    attempts: ({ session, b }) => member(b).map((raw) => handleUnlockMember(session, raw, meta)),
  },
  "action:server/actions/users.ts#reportMisuseAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleReportMisuse(
        session,
        { description: "Naming a user of another customer.", subjectMembershipId: b.membershipId },
        meta,
      ),
      handleReportMisuse(
        session,
        { description: "Naming a guessed user id here.", subjectMembershipId: guess() },
        meta,
      ),
    ],
  },

  // ── provider console ─────────────────────────────────────────────────────────────────────
  "action:server/actions/provider.ts#saveCustomerAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveCustomer(
        session,
        { customerId: b.customerId, name: "Hijacked", kind: "DEALER", tier: "PLUS", parentId: "" },
        meta,
      ),
      handleSaveCustomer(session, { name: "Planted", kind: "DEALER", tier: "STANDARD", parentId: b.customerId }, meta),
    ],
  },
  "action:server/actions/provider.ts#saveDealerAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveDealer(session, { customerId: b.customerId, dealerId: b.dealerId, name: "Hijacked" }, meta),
      handleSaveDealer(session, { customerId: b.customerId, name: "Planted dealer" }, meta),
      handleSaveDealer(session, { customerId: guess(), dealerId: guess(), name: "Guess" }, meta),
    ],
  },
  "action:server/actions/provider.ts#addDepartmentAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleAddDepartment(
        session,
        { customerId: b.customerId, dealerId: b.dealerId, name: "Planted", kind: "SALES" },
        meta,
      ),
      handleAddDepartment(session, { customerId: guess(), dealerId: guess(), name: "Guess", kind: "SALES" }, meta),
    ],
  },
  "action:server/actions/provider.ts#saveSubscriptionAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveSubscription(
        session,
        {
          customerId: b.customerId,
          subscriptionId: b.subscriptionId,
          tier: "PLUS",
          contractDate: "2026-01-01",
          initialTermMonths: "1",
          monthlyFee: "1",
        },
        meta,
      ),
    ],
  },
  "action:server/actions/provider.ts#setCustomerSuspensionAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSetCustomerSuspension(session, { customerId: b.customerId, suspend: "true", reason: "hostile" }, meta),
      handleSetCustomerSuspension(session, { customerId: guess(), suspend: "true", reason: "hostile" }, meta),
    ],
  },
  "action:server/actions/provider.ts#setUserSuspensionAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSetUserSuspension(session, { userId: b.userId, suspend: "true" }, meta),
      handleSetUserSuspension(session, { userId: guess(), suspend: "true" }, meta),
    ],
  },
  "action:server/actions/provider.ts#replaceAccountAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleReplaceAccount(session, { userId: b.userId }, meta),
      handleReplaceAccount(session, { userId: guess() }, meta),
    ],
  },

  // ── the signed-in user's own settings: no object id accepted ───────────────────────────
  "action:server/actions/two-factor.ts#startTwoFactorAction": {
    kind: "own",
    attempts: ({ session, b }) => [handleStartTwoFactor(session, { userId: b.userId }, meta)],
  },
  "action:server/actions/two-factor.ts#confirmTwoFactorAction": {
    kind: "own",
    attempts: ({ session, b }) => [handleConfirmTwoFactor(session, { code: "123456", userId: b.userId }, meta)],
  },
  "action:server/actions/two-factor.ts#disableTwoFactorAction": {
    kind: "exempt",
    reason: "acts only on the signed-in user's own row (user id from the session, never from input)",
  },
  "action:server/actions/two-factor.ts#regenerateRecoveryCodesAction": {
    kind: "exempt",
    reason: "replaces only the signed-in user's own recovery codes (user id from the session, never from input)",
  },
  "action:server/actions/update-locale.ts#updateLocaleAction": {
    kind: "exempt",
    reason: "changes only the signed-in user's own locale",
  },
  "action:server/actions/sign-out.ts#signOutAction": {
    kind: "exempt",
    reason: "revokes only the caller's own session (id from the session cookie)",
  },
  "action:server/actions/sign-in.ts#signInAction": {
    kind: "exempt",
    reason: "credentials only; covered by sign-in.integration.test.ts",
  },
  "action:server/actions/switch-tenant.ts#switchTenantAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      [b.customerId, guess()].map((customerId) => handleSwitchTenant(session, { customerId }, meta)),
  },

  // ── public pages: the token is the only authority ───────────────────────────────────────
  "action:server/actions/public-accounts.ts#acceptInvitationAction": {
    kind: "public",
    attempts: ({ b }) => [
      handleAcceptInvitation({
        token: `${b.customerId}.${"x".repeat(43)}`,
        name: "Intruder",
        password: "correct-horse-staple-9",
      }),
      handleAcceptInvitation({
        token: `${guess()}.${"y".repeat(43)}`,
        name: "Intruder",
        password: "correct-horse-staple-9",
      }),
    ],
  },
  "action:server/actions/public-accounts.ts#requestPasswordResetAction": {
    kind: "public",
    attempts: ({ b }) => [handleRequestPasswordReset({ email: b.userEmail })],
  },
  "action:server/actions/public-accounts.ts#rateConversationAction": {
    kind: "public",
    // Only a link signed by the platform names a conversation: a forged one (B's ids, no valid signature) is 404.
    attempts: ({ b }) => [
      handleRateConversation({
        token: `${Buffer.from(JSON.stringify({ cid: b.customerId, conv: b.conversationId, exp: 9e9 })).toString("base64url")}.forged`,
        score: 1,
      }),
    ],
  },
  "action:server/actions/public-accounts.ts#emailTranscriptAction": {
    kind: "public",
    attempts: ({ b }) => [
      handleEmailTranscript({
        token: `${Buffer.from(JSON.stringify({ cid: b.customerId, conv: b.conversationId, exp: 9e9 })).toString("base64url")}.forged`,
        email: "thief@a.example",
      }),
    ],
  },
  "action:server/actions/public-accounts.ts#resetPasswordAction": {
    kind: "public",
    attempts: () => [handleResetPassword({ token: "z".repeat(43), password: "correct-horse-staple-9" })],
  },

  // ── data protection: contacts and retention (active tenant only) ──────────────────────────
  "action:app/(app)/contacts/[contactId]/actions.ts#eraseContactAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleEraseContact(session, { contactId: b.contactId, confirm: "on" }),
      handleEraseContact(session, { contactId: b.contactId, confirm: "on", customerId: b.customerId }),
      handleEraseContact(session, { contactId: guess(), confirm: "on" }),
    ],
  },
  "route:app/(app)/contacts/[contactId]/export/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleExportContact(session, { contactId: b.contactId }),
      handleExportContact(session, { contactId: guess() }),
    ],
  },
  "route:app/(app)/contacts/legal-basis/route.ts#GET": {
    kind: "own",
    attempts: ({ session }) => [handleLegalBasisRegister(session)],
  },
  "action:app/(app)/settings/data-protection/actions.ts#updateRetentionAction": {
    kind: "own",
    attempts: ({ session, b }) => [handleUpdateRetention(session, { months: "12", customerId: b.customerId })],
  },

  // ── Provider console → Managed queue (Plus tier; B is a Standard customer) ─────────────────
  "action:server/actions/managed-queue.ts#sendManagedReplyAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      withTwoFactor(session).flatMap((sess) => [
        handleSendManagedReply(sess, { conversationId: b.conversationId, clientId: guess(), body: "Planted" }, meta),
        handleSendManagedReply(sess, { conversationId: guess(), clientId: guess(), body: "Guess" }, meta),
      ]),
  },
  "page:server/handlers/managed-queue.ts#loadManagedConversationPage": {
    kind: "refused",
    attempts: ({ session, b }) =>
      withTwoFactor(session).flatMap((sess) => [
        loadManagedConversationPage(sess, { conversationId: b.conversationId }, meta),
        loadManagedConversationPage(sess, { conversationId: guess() }, meta),
      ]),
  },
  "page:server/handlers/managed-queue.ts#loadManagedQueuePage": {
    kind: "own",
    attempts: ({ session }) => withTwoFactor(session).map((sess) => loadManagedQueuePage(sess, undefined, meta)),
  },

  // ── contracts (provider console, Settings → Subscription) ───────────────────────────────
  "action:server/actions/contract.ts#contractAction": {
    kind: "refused",
    attempts: ({ session, b }) => {
      const own = session.active?.customerId ?? guess();
      return [
        handleContract(session, {
          kind: "ordinary_notice",
          customerId: b.customerId,
          subscriptionId: b.subscriptionId,
        }),
        // B's subscription named under A's own customer id: core reads it under A's row-level security
        // (an owner may file a dissolution notice on their own tenant, so this one reaches the lookup).
        handleContract(session, { kind: "dissolution", customerId: own, subscriptionId: b.subscriptionId }),
        handleContract(session, { kind: "dissolution", customerId: b.customerId, subscriptionId: b.subscriptionId }),
        handleContract(session, { kind: "ordinary_notice", customerId: own, subscriptionId: b.subscriptionId }),
        handleContract(session, {
          kind: "fee_change",
          customerId: own,
          subscriptionId: b.subscriptionId,
          date: "2026-06-01",
          amount: "999.00",
          reason: "YEARLY_RISE",
        }),
        handleContract(session, {
          kind: "training",
          customerId: b.customerId,
          subscriptionId: b.subscriptionId,
          firstTrainingDate: "2026-01-05",
        }),
        handleContract(session, { kind: "reinstate", customerId: b.customerId, subscriptionId: b.subscriptionId }),
        handleContract(session, {
          kind: "immediate",
          customerId: b.customerId,
          subscriptionId: b.subscriptionId,
          terminationKind: "BREACH",
          reason: "A hostile termination attempt",
        }),
        handleContract(session, {
          kind: "create",
          customerId: b.customerId,
          product: "Conversations",
          tier: "PLUS",
          contractDate: "2026-01-01",
          initialTermMonths: "12",
          monthlyFee: "1",
        }),
        handleContract(session, {
          kind: "managed_service",
          customerId: b.customerId,
          subscriptionId: b.subscriptionId,
          managedAfterMinutes: "1",
          managedOutsideHours: "true",
        }),
        handleContract(session, { kind: "ordinary_notice", customerId: guess(), subscriptionId: guess() }),
      ];
    },
  },
  "action:server/actions/contract.ts#runLifecycleNowAction": {
    kind: "refused",
    attempts: ({ session }) => [handleRunLifecycleNow(session)],
  },
  "action:server/actions/storage.ts#runOrphanSweepNowAction": {
    kind: "refused",
    attempts: ({ session }) => [handleRunOrphanSweepNow(session)],
  },

  // ── Settings → Channels ───────────────────────────────────────────────────────────────────
  "action:server/actions/update-widget-channel.ts#updateWidgetChannelAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleUpdateWidgetChannel(session, { channelId: b.channelId, ...widgetSettings }),
      handleUpdateWidgetChannel(session, { channelId: guess(), ...widgetSettings }),
    ],
  },

  "action:server/actions/channels.ts#createWidgetChannelAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleCreateWidgetChannel(session, { dealerId: b.dealerId, name: "Planted" }),
      handleCreateWidgetChannel(session, { dealerId: guess(), name: "Planted" }),
    ],
  },
  "action:server/actions/channels.ts#connectWhatsAppAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleConnectWhatsApp(session, whatsappInput(b.dealerId)),
      handleConnectWhatsApp(session, whatsappInput(guess())),
    ],
  },
  "action:server/actions/channels.ts#connectMessengerAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleConnectMessenger(session, messengerInput(b.dealerId)),
      handleConnectMessenger(session, messengerInput(guess())),
    ],
  },
  "action:server/actions/channels.ts#connectSmsAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleConnectSms(session, smsInput(b.dealerId)),
      handleConnectSms(session, smsInput(guess())),
    ],
  },
  "action:server/actions/channels.ts#updateSmsCredentialsAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleUpdateSmsCredentials(session, { channelId: b.metaChannelId, secrets: { authToken: hex32() } }),
      handleUpdateSmsCredentials(session, { channelId: b.channelId, secrets: { authToken: hex32() } }),
      handleUpdateSmsCredentials(session, { channelId: guess(), secrets: { authToken: hex32() } }),
    ],
  },
  "action:server/actions/channels.ts#sendSmsTestMessageAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSendSmsTestMessage(session, { channelId: b.metaChannelId, to: "+31612345678", text: "hi" }),
      handleSendSmsTestMessage(session, { channelId: guess(), to: "+31612345678", text: "hi" }),
    ],
  },
  "action:server/actions/channels.ts#updateChannelCredentialsAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleUpdateChannelCredentials(session, { channelId: b.metaChannelId, ...newSecrets }),
      handleUpdateChannelCredentials(session, { channelId: b.channelId, ...newSecrets }),
      handleUpdateChannelCredentials(session, { channelId: guess(), ...newSecrets }),
    ],
  },
  "action:server/actions/widget-api.ts#rotateWidgetIdentitySecretAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRotateWidgetIdentitySecret(session, { channelId: b.channelId }),
      handleRotateWidgetIdentitySecret(session, { channelId: b.metaChannelId }),
      handleRotateWidgetIdentitySecret(session, { channelId: guess() }),
    ],
  },
  "action:server/actions/channels.ts#regenerateVerifyTokenAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRegenerateVerifyToken(session, { channelId: b.metaChannelId }),
      handleRegenerateVerifyToken(session, { channelId: guess() }),
    ],
  },
  "action:server/actions/channels.ts#setChannelStatusAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSetChannelStatus(session, { channelId: b.metaChannelId, enabled: false }),
      handleSetChannelStatus(session, { channelId: b.channelId, enabled: false }),
      handleSetChannelStatus(session, { channelId: guess(), enabled: true }),
    ],
  },
  "action:server/actions/channels.ts#sendChannelTestMessageAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSendChannelTestMessage(session, { channelId: b.metaChannelId, to: "+31612345678", text: "hi" }),
      handleSendChannelTestMessage(session, { channelId: guess(), to: "+31612345678", text: "hi" }),
    ],
  },
  "action:server/actions/channels.ts#connectEmailAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      [b.dealerId, guess()].map((dealerId) =>
        handleConnectEmail(session, { dealerId, name: "", fromName: "Planted", fromAddress: "planted@test.example" }),
      ),
  },
  "action:server/actions/channels.ts#sendEmailTestAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      [b.channelId, b.metaChannelId, guess()].map((channelId) =>
        handleSendEmailTest(session, { channelId, to: "planted@test.example" }),
      ),
  },
  "action:server/actions/channels.ts#syncTemplatesAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSyncTemplates(session, { channelId: b.metaChannelId }),
      handleSyncTemplates(session, { channelId: guess() }),
    ],
  },
  "action:server/actions/channels.ts#connectTelegramAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleConnectTelegram(session, telegramInput(b.dealerId)),
      handleConnectTelegram(session, telegramInput(guess())),
    ],
  },
  "action:server/actions/channels.ts#disconnectTelegramAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleDisconnectTelegram(session, { channelId: b.metaChannelId }),
      handleDisconnectTelegram(session, { channelId: b.channelId }),
      handleDisconnectTelegram(session, { channelId: guess() }),
    ],
  },
  "action:server/actions/channels.ts#checkTelegramAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleCheckTelegram(session, { channelId: b.metaChannelId }),
      handleCheckTelegram(session, { channelId: guess() }),
    ],
  },

  // ── the inbox (agents) ───────────────────────────────────────────────────────────────────
  "route:app/api/inbox/conversations/route.ts#GET": {
    kind: "own",
    attempts: ({ session, b }) => [
      handleListConversations(session, {}),
      handleListConversations(session, { dealerId: b.dealerId }),
      handleListConversations(session, { departmentId: b.departmentId, view: "open" }),
      handleListConversations(session, { channelType: "WIDGET" }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleGetConversation(session, { id: b.conversationId }),
      handleGetConversation(session, { id: guess() }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/route.ts#POST": {
    kind: "refused",
    attempts: ({ session, b }) =>
      [
        { action: "close" },
        { action: "reopen" },
        { action: "snooze", until: "2030-01-01T00:00:00.000Z" },
        { action: "assign", assigneeId: session.user.id },
        { action: "assign", assigneeId: null },
        { action: "transfer", departmentId: b.departmentId },
        { action: "priority", priority: "URGENT" },
        { action: "label", labelId: b.labelId },
        { action: "unlabel", labelId: b.labelId },
        { action: "label", labelId: guess() },
      ].flatMap((body) => [
        handleConversationAction(session, { id: b.conversationId, body }),
        handleConversationAction(session, { id: guess(), body }),
      ]),
  },
  "route:app/api/inbox/labels/route.ts#GET": {
    kind: "own",
    attempts: ({ session, b }) => [
      handleListLabels(session, {}),
      handleListLabels(session, { dealerId: b.dealerId }),
      handleListLabels(session, { dealerId: guess() }),
    ],
  },
  "route:app/api/inbox/labels/route.ts#POST": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleCreateLabel(session, { dealerId: b.dealerId, name: "Planted", color: "red" }),
      handleCreateLabel(session, { dealerId: guess(), name: "Planted", color: "red" }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/messages/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleListMessages(session, { id: b.conversationId, before: "1000" }),
      handleListMessages(session, { id: guess(), before: "1000" }),
    ],
  },
  "route:app/api/inbox/contacts/[id]/route.ts#POST": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleUpdateContact(session, { id: b.contactId, body: { name: "Hijacked", email: "hijack@test.example" } }),
      handleUpdateContact(session, { id: b.contactId, body: { contactId: guess(), vehicles: [] } }),
      handleUpdateContact(session, { id: guess(), body: { name: "Hijacked" } }),
    ],
  },
  "route:app/api/inbox/upload/route.ts#POST": {
    kind: "refused",
    attempts: ({ session, b }) => [
      readUpload(uploadRequest("/api/inbox/upload", b.conversationId)).then((f) => handleAgentUpload(session, f, meta)),
      readUpload(uploadRequest("/api/inbox/upload", guess())).then((f) => handleAgentUpload(session, f, meta)),
    ],
  },
  "route:app/api/inbox/messages/[id]/retry/route.ts#POST": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRetryDelivery(session, { id: b.messageId }),
      handleRetryDelivery(session, { id: guess() }),
    ],
  },
  "route:app/api/inbox/messages/[id]/email/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleEmailHtml(session, { id: b.messageId, images: true }),
      handleEmailHtml(session, { id: guess(), images: false }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/templates/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleListTemplates(session, { id: b.conversationId }),
      handleListTemplates(session, { id: guess() }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/templates/route.ts#POST": {
    kind: "refused",
    attempts: ({ session, b }) =>
      [b.conversationId, guess()].map((id) =>
        handleSendTemplate(session, {
          id,
          body: { clientId: "iso-template-0001", templateId: guess(), variables: ["x"] },
        }),
      ),
  },
  "route:app/api/push/subscription/route.ts#POST": {
    kind: "own",
    // The subscription is the signed-in user's own: a userId in the input is not even read.
    attempts: ({ session, b }) => [
      handleSavePushSubscription(
        session,
        {
          userId: b.userId,
          endpoint: `https://fcm.googleapis.com/fcm/send/iso-${b.userId}`,
          keys: { p256dh: Buffer.alloc(65, 4).toString("base64url"), auth: Buffer.alloc(16, 1).toString("base64url") },
        },
        meta,
      ),
    ],
  },
  "route:app/api/push/subscription/route.ts#DELETE": {
    kind: "own",
    attempts: ({ session, b }) => [
      (async () => {
        const endpoint = `https://fcm.googleapis.com/fcm/send/iso-b-${b.userId}`;
        await ownerDb().pushSubscription.upsert({
          where: { endpoint },
          create: { endpoint, userId: b.userId, p256dh: "x", authEncrypted: "x" },
          update: {},
        });
        const result = await handleDeletePushSubscription(session, { endpoint }, meta);
        // B's device keeps its subscription: only one's own row can go.
        expect(await ownerDb().pushSubscription.count({ where: { endpoint } })).toBe(1);
        return result;
      })(),
    ],
  },
  "route:app/api/realtime/token/route.ts#GET": {
    kind: "own",
    attempts: ({ session, b }) => [
      (async () => {
        const result = await handleRealtimeToken(session);
        // the token takes no input: it names the session's own active tenant, never B.
        if (result.ok) expect(verifyRealtimeToken(result.data.token)?.cid).not.toBe(b.customerId);
        return result;
      })(),
    ],
  },
  "route:app/api/attachments/[customerId]/[attachmentId]/route.ts#GET": {
    kind: "refused",
    attempts: ({ a, b }) => {
      // A link A could hold names A's customer; signed for B's file id it must still find nothing.
      const signedForA = linkOf(attachmentUrl(a.customerId, b.attachmentId));
      return [
        handleAttachment({ customerId: b.customerId, attachmentId: b.attachmentId, exp: "", sig: "" }),
        handleAttachment({ customerId: a.customerId, attachmentId: b.attachmentId, ...signedForA }),
        handleAttachment({ customerId: b.customerId, attachmentId: b.attachmentId, ...signedForA }),
        handleAttachment({ customerId: guess(), attachmentId: guess(), ...signedForA }),
      ];
    },
  },

  // ── channel webhooks: no user; the verify token (GET) and the signature (POST) decide ──────
  "route:app/api/hooks/meta/route.ts#GET": {
    kind: "public",
    attempts: () => [
      mustRefuse(
        handleMetaSubscription({ "hub.mode": "subscribe", "hub.verify_token": guess(), "hub.challenge": "42" }),
        "guessed verify token",
      ),
    ],
  },
  "route:app/api/hooks/meta/route.ts#POST": {
    kind: "public",
    attempts: ({ b }) => {
      // A payload naming B's channel, signed with a secret A could choose: refused, nothing written.
      const body = new TextEncoder().encode(
        JSON.stringify({
          object: "whatsapp_business_account",
          entry: [
            { changes: [{ field: "messages", value: { metadata: { phone_number_id: b.channelId }, messages: [] } }] },
          ],
        }),
      );
      return [mustRefuse(handleMetaWebhook(body, `sha256=${"0".repeat(64)}`), "forged signature")];
    },
  },
  "route:app/api/hooks/telegram/[channelId]/route.ts#POST": {
    kind: "public",
    attempts: ({ b }) => {
      // An update for B's channels with a secret A could choose (or none): refused, nothing written.
      const body = new TextEncoder().encode(
        JSON.stringify({
          update_id: 1,
          message: { message_id: 1, date: 1, chat: { id: 5, type: "private" }, from: { id: 5 }, text: "x" },
        }),
      );
      return [
        mustRefuse(handleTelegramWebhook(b.metaChannelId, body, guess()), "guessed secret token"),
        mustRefuse(handleTelegramWebhook(b.channelId, body, null), "missing secret token"),
        mustRefuse(handleTelegramWebhook(guess(), body, guess()), "unknown channel"),
      ];
    },
  },

  "route:app/api/hooks/twilio/[channelId]/route.ts#POST": {
    kind: "public",
    // B's channel (and a guessed one) in the path, a form signed with a token A could choose: refused, nothing written.
    attempts: ({ b }) => [
      mustRefuse(twilioForm(b.metaChannelId, "inbound"), "forged Twilio signature"),
      mustRefuse(twilioForm(guess(), "inbound"), "unknown SMS channel"),
    ],
  },
  "route:app/api/hooks/twilio/[channelId]/status/route.ts#POST": {
    kind: "public",
    attempts: ({ b }) => [
      mustRefuse(twilioForm(b.metaChannelId, "status"), "forged Twilio status callback"),
      mustRefuse(twilioForm(guess(), "status"), "unknown SMS channel"),
    ],
  },

  // ── the website chat: public by design; the key with its origins and the visitor token decide ──
  "route:app/widget.js/route.ts#GET": {
    kind: "public",
    attempts: () => [widgetAsset("widget.js").then((r) => r.text())],
  },
  "route:app/widget/app.js/route.ts#GET": {
    kind: "public",
    attempts: () => [widgetAsset("app.js").then((r) => r.text())],
  },
  "route:app/widget/frame/route.ts#GET": {
    kind: "public",
    attempts: ({ a, b }) => [
      mustRefuse(
        handleWidgetFrame(widgetGet(`/widget/frame?key=${b.widgetKey}&origin=${a.origin}`)),
        "B key, A origin",
      ),
      mustRefuse(handleWidgetFrame(widgetGet(`/widget/frame?key=${b.widgetKey}`)), "B key, no origin"),
      handleWidgetFrame(widgetGet(`/widget/frame?key=${a.widgetKey}&origin=${a.origin}`)).then((r) => {
        expect(r.ok && !r.data.csp.includes(b.origin)).toBe(true);
        return r;
      }),
    ],
  },
  "route:app/api/widget/config/route.ts#GET": {
    kind: "public",
    attempts: ({ a, b }) => [
      mustRefuse(handleWidgetConfig(widgetGet(`/api/widget/config?key=${b.widgetKey}`, { origin: a.origin })), "CORS"),
      mustRefuse(
        handleWidgetConfig(widgetGet(`/api/widget/config?key=${b.widgetKey}&origin=${a.origin}`)),
        "B key, A origin (iframe)",
      ),
      mustRefuse(handleWidgetConfig(widgetGet(`/api/widget/config?key=${b.widgetKey}`)), "B key, no origin"),
      mustRefuse(
        handleWidgetConfig(widgetGet(`/api/widget/config?key=${b.widgetKey.slice(0, -3)}xyz`, { origin: b.origin })),
        "guessed key",
      ),
      handleWidgetConfig(widgetGet(`/api/widget/config?key=${a.widgetKey}`, { origin: a.origin })).then((r) => {
        expect(r.ok && r.data.widget.channelId !== b.channelId).toBe(true);
        return r;
      }),
    ],
  },
  "route:app/api/widget/conversations/route.ts#POST": {
    kind: "public",
    attempts: ({ a, b }) => [
      mustRefuse(handleStartConversation(startRequest({ key: b.widgetKey, origin: a.origin })), "B key, A origin"),
      mustRefuse(handleStartConversation(startRequest({ key: b.widgetKey, origin: "http://evil.test" })), "evil"),
      // A's own widget, naming B's department: the chat starts in A, without that department.
      handleStartConversation(startRequest({ key: a.widgetKey, origin: a.origin, departmentId: b.departmentId })).then(
        async (r) => {
          expect(r.ok).toBe(true);
          if (r.ok) {
            const row = await ownerDb().conversation.findUniqueOrThrow({ where: { id: r.data.conversationId } });
            expect(row).toMatchObject({ customerId: a.customerId, departmentId: null });
          }
          return r;
        },
      ),
    ],
  },
  "route:app/api/widget/conversation/route.ts#GET": {
    kind: "public",
    attempts: ({ a, b }) => [
      asVisitor(handleVisitorConversation, widgetGet("/api/widget/conversation", { token: a.visitorToken })).then(
        (r) => {
          expect(r.ok && r.data.conversationId).toBe(a.conversationId);
          return r;
        },
      ),
      // A's secret under B's customer id, and a made-up token of B: no visitor at all.
      mustRefuse(
        asVisitor(
          handleVisitorConversation,
          widgetGet("/api/widget/conversation", { token: a.visitorToken.replace(a.customerId, b.customerId) }),
        ),
        "A secret, B customer",
      ),
      mustRefuse(
        asVisitor(
          handleVisitorConversation,
          widgetGet("/api/widget/conversation", { token: `v1.${b.customerId}.${"q".repeat(32)}` }),
        ),
        "made-up token",
      ),
    ],
  },
  "route:app/api/widget/messages/route.ts#GET": {
    kind: "refused",
    attempts: ({ a, b }) => [
      asVisitor(
        handleVisitorMessages,
        widgetGet(`/api/widget/messages?conversationId=${b.conversationId}&before=1000`, { token: a.visitorToken }),
      ),
      asVisitor(
        handleVisitorMessages,
        widgetGet(`/api/widget/messages?conversationId=${guess()}&before=1000`, { token: a.visitorToken }),
      ),
    ],
  },
  "route:app/api/widget/upload/route.ts#POST": {
    kind: "refused",
    attempts: ({ a, b }) => [
      asVisitorUpload(uploadRequest("/api/widget/upload", b.conversationId, a.visitorToken)),
      asVisitorUpload(uploadRequest("/api/widget/upload", guess(), a.visitorToken)),
    ],
  },
  "route:app/api/widget/identify/route.ts#POST": {
    kind: "public",
    attempts: ({ a, b }) => [
      mustRefuse(asIdentify(b.widgetKey, a.origin, { id: b.contactId, userHash: "f".repeat(64) }), "B key, A origin"),
      mustRefuse(asIdentify(b.widgetKey, "http://evil.test", { id: b.contactId }), "B key, evil origin"),
      // A's own widget and visitor, claiming B's contact: refused as an identity, nothing of B's.
      asIdentify(
        a.widgetKey,
        a.origin,
        { id: b.contactId, name: "Hijack", userHash: "f".repeat(64) },
        a.visitorToken,
      ).then((r) => {
        expect(r).toMatchObject({ ok: true, data: { verified: false } });
        return r;
      }),
      mustRefuse(
        asIdentify(a.widgetKey, a.origin, { id: "x" }, a.visitorToken.replace(a.customerId, b.customerId)),
        "A secret, B customer",
      ),
    ],
  },
  "route:app/api/widget/vehicle/route.ts#POST": {
    kind: "refused",
    attempts: ({ a, b }) => [
      handleSetVehicle(a.visitorToken, { conversationId: b.conversationId, vehicle: { stockNumber: "HIJACK" } }),
      handleSetVehicle(a.visitorToken, { conversationId: guess(), vehicle: { stockNumber: "HIJACK" } }),
    ],
  },

  // ── API channel (OEM apps): the contact token decides, on its own inbox only ─────────────
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/contacts/route.ts#POST": {
    kind: "public",
    attempts: () => [
      // B's inbox with A's hash, a forged hash, a hash of another identifier: no token.
      apiRefused(
        handleClientIdentify(api.bInbox, { identifier: "b-user", identifierHash: "0".repeat(64) }, apiMeta()),
        "forged",
      ),
      apiRefused(
        handleClientIdentify(
          api.bInbox,
          { identifier: "b-user", identifierHash: api.bHashOf("someone-else") },
          apiMeta(),
        ),
        "other identifier's hash",
      ),
      apiRefused(
        handleClientIdentify(
          `in_${b.customerId.replaceAll("-", "")}_guessed`,
          { identifier: "x", identifierHash: "0".repeat(64) },
          apiMeta(),
        ),
        "guessed inbox of B",
      ),
    ],
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/route.ts#GET": {
    kind: "public",
    attempts: () => [
      apiRefused(handleClientListConversations(api.bInbox, api.aToken, undefined, apiMeta()), "A token, B inbox"),
      apiRefused(
        handleClientListConversations(api.a2Inbox, api.aToken, undefined, apiMeta()),
        "A token, A's other inbox",
      ),
      apiRefused(
        handleClientListConversations(api.bInbox, a.visitorToken, undefined, apiMeta()),
        "widget token, B inbox",
      ),
      apiRefused(
        handleClientListConversations(api.aInbox, a.visitorToken, undefined, apiMeta()),
        "widget token, A inbox",
      ),
    ],
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/route.ts#POST": {
    kind: "public",
    attempts: () => [
      apiRefused(handleClientStartConversation(api.bInbox, api.aToken, {}, apiMeta()), "A token, B inbox"),
      apiRefused(handleClientStartConversation(api.a2Inbox, api.aToken, {}, apiMeta()), "A token, A's other inbox"),
    ],
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/[conversationId]/messages/route.ts#GET": {
    kind: "public",
    attempts: ({ b }) => [
      apiRefused(
        handleClientListMessages(api.aInbox, api.aToken, { conversationId: api.bConversationId, query: {} }, apiMeta()),
        "A token, B conversation",
      ),
      apiRefused(
        handleClientListMessages(
          api.aInbox,
          api.aToken,
          { conversationId: b.conversationId, query: { after: "0" } },
          apiMeta(),
        ),
        "A token, B widget conversation",
      ),
      apiRefused(
        handleClientListMessages(api.aInbox, api.aToken, { conversationId: a.conversationId, query: {} }, apiMeta()),
        "A token, A's widget conversation",
      ),
      apiRefused(
        handleClientListMessages(api.bInbox, api.aToken, { conversationId: api.bConversationId, query: {} }, apiMeta()),
        "A token, B inbox",
      ),
    ],
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/[conversationId]/messages/route.ts#POST": {
    kind: "public",
    attempts: ({ b }) => [
      apiRefused(
        handleClientSendMessage(
          api.aInbox,
          api.aToken,
          { conversationId: api.bConversationId, message: { text: "planted", clientId: `iso-${guess()}` } },
          apiMeta(),
        ),
        "A token, B conversation",
      ),
      apiRefused(
        handleClientSendMessage(
          api.aInbox,
          api.aToken,
          { conversationId: b.conversationId, message: { text: "planted", clientId: `iso-${guess()}` } },
          apiMeta(),
        ),
        "A token, B widget conversation",
      ),
      apiRefused(
        handleClientSendMessage(
          api.bInbox,
          api.aToken,
          { conversationId: api.bConversationId, message: { text: "planted", clientId: `iso-${guess()}` } },
          apiMeta(),
        ),
        "A token, B inbox",
      ),
    ],
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/[conversationId]/attachments/route.ts#POST": {
    kind: "public",
    attempts: () => [
      apiRefused(
        handleClientUpload(
          api.aInbox,
          api.aToken,
          { conversationId: api.bConversationId, clientId: `iso-${guess()}`, file: apiFile() },
          apiMeta(),
        ),
        "A token, B conversation",
      ),
      apiRefused(
        handleClientUpload(
          api.bInbox,
          api.aToken,
          { conversationId: api.bConversationId, clientId: `iso-${guess()}`, file: apiFile() },
          apiMeta(),
        ),
        "A token, B inbox",
      ),
    ],
  },
  "action:server/actions/api-channel.ts#connectApiChannelAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleConnectApiChannel(session, { dealerId: b.dealerId, name: "Planted" }),
      handleConnectApiChannel(session, { dealerId: guess(), name: "Planted" }),
    ],
  },
  "action:server/actions/api-channel.ts#revealApiChannelSecretAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRevealApiChannelSecret(session, { channelId: api.bChannelId }),
      handleRevealApiChannelSecret(session, { channelId: b.channelId }),
      handleRevealApiChannelSecret(session, { channelId: guess() }),
    ],
  },
  "action:server/actions/api-channel.ts#rotateApiChannelSecretAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRotateApiChannelSecret(session, { channelId: api.bChannelId }),
      handleRotateApiChannelSecret(session, { channelId: b.metaChannelId }),
      handleRotateApiChannelSecret(session, { channelId: guess() }),
    ],
  },

  // ── Settings → Canned replies ─────────────────────────────────────────────────────────────
  "action:server/actions/canned-replies.ts#saveCannedReplyAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveCannedReply(session, cannedInput(b.dealerId)),
      handleSaveCannedReply(session, cannedInput(null, b.cannedReplyId)),
      handleSaveCannedReply(session, cannedInput(b.dealerId, b.cannedReplyId)),
      handleSaveCannedReply(session, cannedInput(null, guess())),
    ],
  },
  "action:server/actions/canned-replies.ts#deleteCannedReplyAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleDeleteCannedReply(session, { id: b.cannedReplyId }),
      handleDeleteCannedReply(session, { id: guess() }),
    ],
  },

  // ── Settings → API keys ────────────────────────────────────────────────────────────────────
  "action:server/actions/api-keys.ts#createApiKeyAction": {
    // Keys of A are A's own; a key naming B's dealer must be refused (400 unknown dealer, or 403).
    kind: "own",
    attempts: ({ session, b }) => [
      mustRefuse(handleCreateApiKey(session, apiKeyInput([b.dealerId])), "key scoped to B's dealer"),
      mustRefuse(handleCreateApiKey(session, apiKeyInput([guess()])), "key scoped to a guessed dealer"),
    ],
  },
  "action:server/actions/api-keys.ts#revokeApiKeyAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRevokeApiKey(session, { id: b.apiKeyId }),
      handleRevokeApiKey(session, { id: guess() }),
    ],
  },
  // ── Settings → Webhooks ───────────────────────────────────────────────────────────────────
  "action:server/actions/webhooks.ts#createWebhookEndpointAction": {
    kind: "own",
    attempts: ({ session, b }) => [
      // Creates A's own endpoint at most (owners/admins); the input names no tenant.
      handleCreateWebhookEndpoint(session, {
        url: "https://planted.example/hook",
        events: ["message.created"],
        customerId: b.customerId,
      }),
    ],
  },
  "action:server/actions/webhooks.ts#updateWebhookEndpointAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleUpdateWebhookEndpoint(session, { endpointId: b.webhookEndpointId, url: "https://evil.example/hook" }),
      handleUpdateWebhookEndpoint(session, { endpointId: b.webhookEndpointId, enabled: false }),
      handleUpdateWebhookEndpoint(session, { endpointId: guess(), enabled: false }),
    ],
  },
  "action:server/actions/webhooks.ts#deleteWebhookEndpointAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleDeleteWebhookEndpoint(session, { endpointId: b.webhookEndpointId }),
      handleDeleteWebhookEndpoint(session, { endpointId: guess() }),
    ],
  },
  "action:server/actions/webhooks.ts#rotateWebhookSecretAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRotateWebhookSecret(session, { endpointId: b.webhookEndpointId }),
      handleRotateWebhookSecret(session, { endpointId: guess() }),
    ],
  },
  "action:server/actions/webhooks.ts#listWebhookDeliveriesAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleListWebhookDeliveries(session, { endpointId: b.webhookEndpointId }),
      handleListWebhookDeliveries(session, { endpointId: guess() }),
    ],
  },
  "action:server/actions/webhooks.ts#redeliverWebhookAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRedeliverWebhook(session, { deliveryId: b.webhookDeliveryId }),
      handleRedeliverWebhook(session, { deliveryId: guess() }),
    ],
  },
  "page:server/handlers/webhooks.ts#loadWebhooksPage": {
    kind: "own",
    attempts: ({ session }) => [loadWebhooksPage(session, undefined, meta)],
  },

  // ── Settings → Routing ──────────────────────────────────────────────────────────────────
  "action:server/actions/routing.ts#saveRoutingRuleAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveRoutingRule(session, {
        dealerId: b.dealerId,
        name: "Planted",
        conditions: {},
        actions: { priority: "LOW" },
      }),
      handleSaveRoutingRule(session, {
        id: b.routingRuleId,
        dealerId: b.dealerId,
        name: "Taken",
        conditions: {},
        actions: { priority: "LOW" },
      }),
      handleSaveRoutingRule(session, {
        dealerId: guess(),
        name: "Guessed",
        conditions: {},
        actions: { priority: "LOW" },
      }),
    ],
  },
  "action:server/actions/routing.ts#moveRoutingRuleAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleMoveRoutingRule(session, { id: b.routingRuleId, direction: "down" }),
      handleMoveRoutingRule(session, { id: guess(), direction: "up" }),
    ],
  },
  "action:server/actions/routing.ts#toggleRoutingRuleAction": {
    kind: "refused",
    attempts: ({ session, b }) => [handleToggleRoutingRule(session, { id: b.routingRuleId, enabled: false })],
  },
  "action:server/actions/routing.ts#deleteRoutingRuleAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleDeleteRoutingRule(session, { id: b.routingRuleId }),
      handleDeleteRoutingRule(session, { id: guess() }),
    ],
  },
  "action:server/actions/routing.ts#saveBusinessHoursAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveBusinessHours(session, {
        dealerId: b.dealerId,
        timeZone: "UTC",
        businessHours: {},
        holidays: [],
        awayMessage: "Hijacked",
      }),
    ],
  },
  "action:server/actions/routing.ts#saveBotAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveBot(session, {
        kind: "WEBHOOK",
        dealerId: b.dealerId,
        name: "Planted",
        config: { url: "https://a.example/x" },
      }),
      handleSaveBot(session, {
        kind: "WEBHOOK",
        id: b.botId,
        dealerId: b.dealerId,
        name: "Taken",
        config: { url: "https://a.example/x" },
      }),
    ],
  },
  "action:server/actions/routing.ts#toggleBotAction": {
    kind: "refused",
    attempts: ({ session, b }) => [handleToggleBot(session, { id: b.botId, enabled: false })],
  },
  "action:server/actions/routing.ts#deleteBotAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleDeleteBot(session, { id: b.botId }),
      handleDeleteBot(session, { id: guess() }),
    ],
  },
  "page:server/handlers/routing.ts#loadRoutingPage": {
    kind: "own",
    attempts: ({ session }) => [loadRoutingPage(session, undefined, meta)],
  },

  // ── Settings → Departments ──────────────────────────────────────────────────────────────
  "action:server/actions/departments.ts#saveDepartmentAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveDepartment(session, { dealerId: b.dealerId, name: "Taken over", kind: "SALES" }),
      handleSaveDepartment(session, { id: b.departmentId, dealerId: b.dealerId, name: "Renamed by A", kind: "PARTS" }),
      handleSaveDepartment(session, { dealerId: guess(), name: "Guessed", kind: "OTHER" }),
    ],
  },
  "action:server/actions/departments.ts#deleteDepartmentAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleDeleteDepartment(session, { id: b.departmentId }),
      handleDeleteDepartment(session, { id: guess() }),
    ],
  },

  // ── Lead forms (composer, widget, Settings → Lead forms) ─────────────────────────────────
  "route:app/api/inbox/conversations/[id]/forms/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleListConversationForms(session, { id: b.conversationId }),
      handleListConversationForms(session, { id: guess() }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/forms/route.ts#POST": {
    kind: "refused",
    attempts: ({ session, b }) =>
      [b.conversationId, guess()].map((id) =>
        handleSendLeadForm(session, { id, body: { clientId: "iso-form-0001", formId: b.leadFormId } }),
      ),
  },
  "route:app/api/widget/forms/route.ts#POST": {
    kind: "refused",
    attempts: ({ a, b }) => [
      // B's conversation with A's visitor token; A's own conversation naming B's form message.
      handleSubmitLeadForm(a.visitorToken, {
        conversationId: b.conversationId,
        requestMessageId: b.formRequestId,
        answers: {},
      }),
      handleSubmitLeadForm(a.visitorToken, {
        conversationId: a.conversationId,
        requestMessageId: b.formRequestId,
        answers: {},
      }),
    ],
  },
  "route:app/api/widget/forms/route.ts#GET": {
    kind: "own",
    attempts: ({ a }) => [handleListVisitorForms(a.visitorToken, undefined)],
  },
  "route:app/api/widget/forms/offer/route.ts#POST": {
    kind: "refused",
    attempts: ({ a, b }) => [
      handleOfferLeadForm(a.visitorToken, { conversationId: b.conversationId, formId: b.leadFormId }),
      handleOfferLeadForm(a.visitorToken, { conversationId: a.conversationId, formId: b.leadFormId }),
    ],
  },
  "action:server/actions/lead-forms.ts#setLeadFormActiveAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSetLeadFormActive(session, { formId: b.leadFormId, active: "false" }),
      handleSetLeadFormActive(session, { formId: guess(), active: "true" }),
    ],
  },
  "action:server/actions/lead-forms.ts#saveLeadExportTargetAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveLeadExportTarget(session, {
        dealerId: b.dealerId,
        crmEmail: "thief@a.test",
        crmUrl: "https://a.example/adf",
      }),
      handleSaveLeadExportTarget(session, { dealerId: guess(), crmEmail: "thief@a.test" }),
    ],
  },
  "action:server/actions/lead-forms.ts#retryLeadDeliveryAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleRetryLeadDelivery(session, { deliveryId: b.leadDeliveryId }),
      handleRetryLeadDelivery(session, { deliveryId: guess() }),
    ],
  },
  "page:server/handlers/lead-forms.ts#loadLeadFormsPage": {
    kind: "own",
    attempts: ({ session }) => [loadLeadFormsPage(session, undefined, meta)],
  },

  // ── page loaders (what the pages call for their data) ──────────────────────────────────────
  "page:server/handlers/api-keys.ts#loadApiKeysPage": {
    kind: "own",
    attempts: ({ session }) => [loadApiKeysPage(session, undefined, meta)],
  },
  "page:server/handlers/canned-replies.ts#loadCannedRepliesPage": {
    kind: "own",
    attempts: ({ session }) => [loadCannedRepliesPage(session, undefined, meta)],
  },
  "page:server/handlers/departments.ts#loadDepartmentsPage": {
    kind: "own",
    attempts: ({ session }) => [loadDepartmentsPage(session, undefined, meta)],
  },
  "page:server/handlers/channels.ts#loadChannelsPage": {
    kind: "own",
    attempts: ({ session }) => [loadChannelsPage(session, undefined, meta)],
  },
  "page:server/handlers/contacts-pages.ts#loadContactsPage": {
    kind: "own",
    attempts: ({ session, b }) => [
      loadContactsPage(session, { q: "" }, meta),
      // partial terms: the page echoes the query, so the full name would "leak" from the input itself.
      loadContactsPage(session, { q: b.contactName.split(" ")[1] }, meta),
      loadContactsPage(session, { q: b.contactEmail.split(".")[0], customerId: b.customerId }, meta),
    ],
  },
  "page:server/handlers/contacts-pages.ts#loadContactRecordPage": {
    kind: "refused",
    attempts: ({ session, b }) => [
      loadContactRecordPage(session, { contactId: b.contactId }, meta),
      loadContactRecordPage(session, { contactId: b.contactId, customerId: b.customerId }, meta),
      loadContactRecordPage(session, { contactId: guess() }, meta),
      loadContactRecordPage(session, { contactId: "not-a-uuid" }, meta),
    ],
  },
  "page:server/handlers/inbox-page.ts#loadInboxPage": {
    kind: "own",
    attempts: ({ session, b }) => [
      loadInboxPage(session, {}, meta),
      loadInboxPage(session, { view: "closed", c: b.conversationId }, meta),
      loadInboxPage(session, { channel: "WIDGET" }, meta),
      loadInboxPage(session, { c: guess() }, meta),
    ],
  },
};

// ── within a tenant: members of A scoped to A's first dealer against A's sibling dealer ───────
/** Roles of A tried with a dealer scope (provider staff have no dealer scope). */
const SCOPED_ROLES = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"] as const;
type TScopedRole = (typeof SCOPED_ROLES)[number];

/** A's sibling dealer: its website chat (contact, conversation, messages, file) and a contact both dealers talk to. */
type TS = {
  dealerId: string;
  departmentId: string;
  channelId: string;
  /** The sibling dealer's WhatsApp number and its verify token. */
  metaChannelId: string;
  verifyToken: string;
  contactId: string;
  contactName: string;
  contactEmail: string;
  conversationId: string;
  messageBody: string;
  messageId: string;
  attachmentId: string;
  fileName: string;
  /** Talks to both dealers: in scope, but its conversation with the sibling dealer is not. */
  sharedContactId: string;
  sharedConversationId: string;
  sharedMessageBody: string;
  /** The sibling dealer's canned reply. */
  cannedReplyId: string;
  cannedBody: string;
  /** The sibling dealer's label, put on the sibling's conversation. */
  labelId: string;
  labelName: string;
  /** An API key of the sibling dealer, and one of every dealer: a scoped admin manages neither. */
  apiKeyId: string;
  apiKeyName: string;
  allDealersKeyId: string;
  allDealersKeyName: string;
  /** The sibling dealer's routing rule and bot. */
  routingRuleId: string;
  botId: string;
  /** The sibling dealer's test-drive form and a failed delivery of a lead in its chat. */
  leadFormId: string;
  leadDeliveryId: string;
};
type TSCtx = { session: TSessionContext; s: TS; a: TA };
type TScopeCase =
  | {
      refused?: (ctx: TSCtx) => Promise<THandlerResult<unknown>>[];
      /** Attempts that may succeed (lists, the member's own tenant) but carry none of the sibling's rows. */
      own?: (ctx: TSCtx) => Promise<unknown>[];
    }
  | { exempt: string };

const TENANT_WIDE = "acts on tenant-wide settings (no dealer's conversations, contacts, messages or files)";
const SCOPE_CASES: Record<string, TScopeCase> = {
  "route:app/api/audit/export/route.ts#GET": {
    exempt: "the audit log is tenant-wide by design (owners and admins); it holds ids and actions, no messages",
  },
  "route:app/api/auth/[...nextauth]/route.ts#GET": { exempt: "sign-in only" },
  "route:app/api/auth/[...nextauth]/route.ts#POST": { exempt: "sign-in only" },
  "route:app/api/health/route.ts#GET": { exempt: "liveness only" },
  "route:app/api/push/subscription/route.ts#POST": { exempt: "the user's own device: no dealer's data" },
  "route:app/api/push/subscription/route.ts#DELETE": { exempt: "the user's own device: no dealer's data" },
  "route:app/api/hooks/meta/route.ts#GET": { exempt: "Meta's handshake: no user, no dealer scope" },
  "route:app/api/hooks/meta/route.ts#POST": {
    exempt: "signed by one channel's app secret; events land on that channel's dealer only (meta-hook tests)",
  },
  "route:app/api/hooks/twilio/[channelId]/route.ts#POST": {
    exempt:
      "signed with the Auth Token of the channel in its path; messages land on that channel's dealer only (twilio-hook tests)",
  },
  "route:app/api/hooks/twilio/[channelId]/status/route.ts#POST": {
    exempt:
      "signed with the Auth Token of the channel in its path; moves only that channel's messages (twilio-hook tests)",
  },
  "route:app/api/hooks/telegram/[channelId]/route.ts#POST": {
    exempt: "proved by one channel's secret token; updates land on that channel's dealer only (telegram-hook tests)",
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/contacts/route.ts#POST": {
    exempt: "API channel entry point: the channel's secret decides; the contact lands on that channel's dealer only",
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/route.ts#GET": {
    exempt: "API channel entry point: the contact token decides (its own conversations on its own inbox)",
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/route.ts#POST": {
    exempt: "API channel entry point: the contact token decides (a conversation on its inbox's dealer)",
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/[conversationId]/messages/route.ts#GET": {
    exempt: "API channel entry point: the contact token decides",
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/[conversationId]/messages/route.ts#POST": {
    exempt: "API channel entry point: the contact token decides",
  },
  "route:app/api/v1/client/inboxes/[inboxIdentifier]/conversations/[conversationId]/attachments/route.ts#POST": {
    exempt: "API channel entry point: the contact token decides",
  },
  "action:server/actions/api-channel.ts#connectApiChannelAction": {
    refused: ({ session, s }) => [handleConnectApiChannel(session, { dealerId: s.dealerId, name: "Planted" })],
  },
  "action:server/actions/api-channel.ts#revealApiChannelSecretAction": {
    refused: ({ session, s }) => [
      handleRevealApiChannelSecret(session, { channelId: s.metaChannelId }),
      handleRevealApiChannelSecret(session, { channelId: s.channelId }),
    ],
  },
  "action:server/actions/api-channel.ts#rotateApiChannelSecretAction": {
    refused: ({ session, s }) => [
      handleRotateApiChannelSecret(session, { channelId: s.metaChannelId }),
      handleRotateApiChannelSecret(session, { channelId: s.channelId }),
    ],
  },

  "action:server/actions/users.ts#inviteUserAction": { exempt: TENANT_WIDE },
  "action:server/actions/users.ts#updateMemberAction": { exempt: TENANT_WIDE },
  "action:server/actions/users.ts#changeMemberStatusAction": { exempt: TENANT_WIDE },
  "action:server/actions/users.ts#sendPasswordResetAction": { exempt: TENANT_WIDE },
  "action:server/actions/users.ts#forceSignOutAction": { exempt: TENANT_WIDE },
  "action:server/actions/users.ts#revokeMemberSessionAction": { exempt: TENANT_WIDE },
  "action:server/actions/users.ts#unlockMemberAction": { exempt: TENANT_WIDE },
  "action:server/actions/users.ts#reportMisuseAction": { exempt: TENANT_WIDE },
  "action:server/actions/provider.ts#saveCustomerAction": { exempt: "provider staff only (tenant roles: 403 above)" },
  "action:server/actions/provider.ts#saveDealerAction": { exempt: "provider staff only (tenant roles: 403 above)" },
  "action:server/actions/provider.ts#addDepartmentAction": { exempt: "provider staff only (tenant roles: 403 above)" },
  "action:server/actions/provider.ts#saveSubscriptionAction": { exempt: "provider staff only" },
  "action:server/actions/provider.ts#setCustomerSuspensionAction": { exempt: "provider staff only" },
  "action:server/actions/provider.ts#setUserSuspensionAction": { exempt: "provider staff only" },
  "action:server/actions/provider.ts#replaceAccountAction": { exempt: "provider staff only" },
  "action:server/actions/managed-queue.ts#sendManagedReplyAction": {
    refused: ({ session, s }) => [
      handleSendManagedReply(session, { conversationId: s.conversationId, clientId: guess(), body: "Planted" }, meta),
    ],
  },
  "page:server/handlers/managed-queue.ts#loadManagedConversationPage": {
    refused: ({ session, s }) => [loadManagedConversationPage(session, { conversationId: s.conversationId }, meta)],
  },
  "page:server/handlers/managed-queue.ts#loadManagedQueuePage": {
    own: ({ session }) => [loadManagedQueuePage(session, undefined, meta)],
  },
  "action:server/actions/two-factor.ts#startTwoFactorAction": { exempt: "the user's own account" },
  "action:server/actions/two-factor.ts#confirmTwoFactorAction": { exempt: "the user's own account" },
  "action:server/actions/two-factor.ts#disableTwoFactorAction": { exempt: "the user's own account" },
  "action:server/actions/two-factor.ts#regenerateRecoveryCodesAction": { exempt: "the user's own account" },
  "action:server/actions/update-locale.ts#updateLocaleAction": { exempt: "the user's own account" },
  "action:server/actions/sign-out.ts#signOutAction": { exempt: "the user's own session" },
  "action:server/actions/sign-in.ts#signInAction": { exempt: "credentials only" },
  "action:server/actions/switch-tenant.ts#switchTenantAction": { exempt: "chooses among the user's own memberships" },
  "action:server/actions/public-accounts.ts#acceptInvitationAction": { exempt: "public: the token decides" },
  "action:server/actions/public-accounts.ts#requestPasswordResetAction": { exempt: "public" },
  "action:server/actions/public-accounts.ts#resetPasswordAction": { exempt: "public: the token decides" },
  "action:server/actions/public-accounts.ts#rateConversationAction": { exempt: "public: the signed link decides" },
  "action:server/actions/public-accounts.ts#emailTranscriptAction": { exempt: "public: the signed link decides" },
  "action:server/actions/contract.ts#contractAction": { exempt: "the tenant's own contract (owners)" },
  "action:server/actions/contract.ts#runLifecycleNowAction": { exempt: "provider staff only" },
  "action:server/actions/storage.ts#runOrphanSweepNowAction": { exempt: "provider staff only" },
  "action:app/(app)/settings/data-protection/actions.ts#updateRetentionAction": { exempt: TENANT_WIDE },

  "route:app/(app)/contacts/[contactId]/export/route.ts#GET": {
    refused: ({ session, s }) => [handleExportContact(session, { contactId: s.contactId })],
    own: ({ session, s }) => [handleExportContact(session, { contactId: s.sharedContactId })],
  },
  "route:app/(app)/contacts/legal-basis/route.ts#GET": { own: ({ session }) => [handleLegalBasisRegister(session)] },
  "action:server/actions/update-widget-channel.ts#updateWidgetChannelAction": {
    refused: ({ session, s }) => [handleUpdateWidgetChannel(session, { channelId: s.channelId, ...widgetSettings })],
  },
  "action:server/actions/channels.ts#createWidgetChannelAction": {
    refused: ({ session, s }) => [handleCreateWidgetChannel(session, { dealerId: s.dealerId, name: "Planted" })],
  },
  "action:server/actions/channels.ts#connectWhatsAppAction": {
    refused: ({ session, s }) => [handleConnectWhatsApp(session, whatsappInput(s.dealerId))],
  },
  "action:server/actions/channels.ts#connectMessengerAction": {
    refused: ({ session, s }) => [handleConnectMessenger(session, messengerInput(s.dealerId))],
  },
  "action:server/actions/channels.ts#connectSmsAction": {
    refused: ({ session, s }) => [handleConnectSms(session, smsInput(s.dealerId))],
  },
  "action:server/actions/channels.ts#updateSmsCredentialsAction": {
    refused: ({ session, s }) => [
      handleUpdateSmsCredentials(session, { channelId: s.metaChannelId, secrets: { authToken: hex32() } }),
    ],
  },
  "action:server/actions/channels.ts#sendSmsTestMessageAction": {
    refused: ({ session, s }) => [
      handleSendSmsTestMessage(session, { channelId: s.metaChannelId, to: "+31612345678", text: "hi" }),
    ],
  },
  "action:server/actions/channels.ts#updateChannelCredentialsAction": {
    refused: ({ session, s }) => [
      handleUpdateChannelCredentials(session, { channelId: s.metaChannelId, ...newSecrets }),
    ],
  },
  "action:server/actions/widget-api.ts#rotateWidgetIdentitySecretAction": {
    refused: ({ session, s }) => [handleRotateWidgetIdentitySecret(session, { channelId: s.channelId })],
  },
  "action:server/actions/channels.ts#regenerateVerifyTokenAction": {
    refused: ({ session, s }) => [handleRegenerateVerifyToken(session, { channelId: s.metaChannelId })],
  },
  "action:server/actions/channels.ts#setChannelStatusAction": {
    refused: ({ session, s }) => [
      handleSetChannelStatus(session, { channelId: s.metaChannelId, enabled: false }),
      handleSetChannelStatus(session, { channelId: s.channelId, enabled: false }),
    ],
  },
  "action:server/actions/channels.ts#connectEmailAction": {
    refused: ({ session, s }) => [
      handleConnectEmail(session, {
        dealerId: s.dealerId,
        name: "",
        fromName: "Planted",
        fromAddress: "planted@test.example",
      }),
    ],
  },
  "action:server/actions/channels.ts#sendEmailTestAction": {
    refused: ({ session, s }) => [handleSendEmailTest(session, { channelId: s.channelId, to: "planted@test.example" })],
  },
  "action:server/actions/channels.ts#sendChannelTestMessageAction": {
    refused: ({ session, s }) => [
      handleSendChannelTestMessage(session, { channelId: s.metaChannelId, to: "+31612345678", text: "hi" }),
    ],
  },
  "action:server/actions/channels.ts#syncTemplatesAction": {
    refused: ({ session, s }) => [handleSyncTemplates(session, { channelId: s.metaChannelId })],
  },
  "action:server/actions/channels.ts#connectTelegramAction": {
    refused: ({ session, s }) => [handleConnectTelegram(session, telegramInput(s.dealerId))],
  },
  "action:server/actions/channels.ts#disconnectTelegramAction": {
    refused: ({ session, s }) => [handleDisconnectTelegram(session, { channelId: s.metaChannelId })],
  },
  "action:server/actions/channels.ts#checkTelegramAction": {
    refused: ({ session, s }) => [handleCheckTelegram(session, { channelId: s.metaChannelId })],
  },
  "page:server/handlers/channels.ts#loadChannelsPage": {
    own: ({ session }) => [loadChannelsPage(session, undefined, meta)],
  },
  "action:server/actions/canned-replies.ts#saveCannedReplyAction": {
    refused: ({ session, s }) => [
      handleSaveCannedReply(session, cannedInput(s.dealerId)),
      handleSaveCannedReply(session, cannedInput(null)),
      handleSaveCannedReply(session, cannedInput(s.dealerId, s.cannedReplyId)),
    ],
  },
  "action:server/actions/canned-replies.ts#deleteCannedReplyAction": {
    refused: ({ session, s }) => [handleDeleteCannedReply(session, { id: s.cannedReplyId })],
  },
  "action:server/actions/api-keys.ts#createApiKeyAction": {
    // Refused with 400 (dealerIds) for scoped admins, 403 for the others: see "API keys within a tenant".
    own: ({ session, s }) => [
      mustRefuse(handleCreateApiKey(session, apiKeyInput([s.dealerId])), "key scoped to the sibling dealer"),
      mustRefuse(handleCreateApiKey(session, apiKeyInput([])), "key of every dealer"),
    ],
  },
  "action:server/actions/api-keys.ts#revokeApiKeyAction": {
    refused: ({ session, s }) => [
      handleRevokeApiKey(session, { id: s.apiKeyId }),
      handleRevokeApiKey(session, { id: s.allDealersKeyId }),
    ],
  },
  "page:server/handlers/api-keys.ts#loadApiKeysPage": {
    own: ({ session }) => [loadApiKeysPage(session, undefined, meta)],
  },
  "page:server/handlers/canned-replies.ts#loadCannedRepliesPage": {
    own: ({ session }) => [loadCannedRepliesPage(session, undefined, meta)],
  },
  // Webhooks carry every dealer's events: a dealer-scoped member is refused all of them.
  "action:server/actions/webhooks.ts#createWebhookEndpointAction": {
    refused: ({ session }) => [
      handleCreateWebhookEndpoint(session, { url: "https://planted.example/hook", events: ["message.created"] }),
    ],
  },
  "action:server/actions/webhooks.ts#updateWebhookEndpointAction": {
    refused: ({ session }) => [handleUpdateWebhookEndpoint(session, { endpointId: guess(), enabled: false })],
  },
  "action:server/actions/webhooks.ts#deleteWebhookEndpointAction": {
    refused: ({ session }) => [handleDeleteWebhookEndpoint(session, { endpointId: guess() })],
  },
  "action:server/actions/webhooks.ts#rotateWebhookSecretAction": {
    refused: ({ session }) => [handleRotateWebhookSecret(session, { endpointId: guess() })],
  },
  "action:server/actions/webhooks.ts#listWebhookDeliveriesAction": {
    refused: ({ session }) => [handleListWebhookDeliveries(session, { endpointId: guess() })],
  },
  "action:server/actions/webhooks.ts#redeliverWebhookAction": {
    refused: ({ session }) => [handleRedeliverWebhook(session, { deliveryId: guess() })],
  },
  "page:server/handlers/webhooks.ts#loadWebhooksPage": {
    refused: ({ session }) => [loadWebhooksPage(session, undefined, meta)],
  },
  "action:server/actions/departments.ts#saveDepartmentAction": {
    refused: ({ session, s }) => [
      handleSaveDepartment(session, { dealerId: s.dealerId, name: "Sibling extra", kind: "SALES" }),
      handleSaveDepartment(session, { id: s.departmentId, dealerId: s.dealerId, name: "Renamed", kind: "PARTS" }),
    ],
  },
  "action:server/actions/departments.ts#deleteDepartmentAction": {
    refused: ({ session, s }) => [handleDeleteDepartment(session, { id: s.departmentId })],
  },
  "route:app/api/inbox/conversations/[id]/forms/route.ts#GET": {
    refused: ({ session, s }) => [handleListConversationForms(session, { id: s.conversationId })],
  },
  "route:app/api/inbox/conversations/[id]/forms/route.ts#POST": {
    refused: ({ session, s }) => [
      handleSendLeadForm(session, { id: s.conversationId, body: { clientId: "iso-form-0002", formId: s.leadFormId } }),
    ],
  },
  "route:app/api/widget/forms/route.ts#POST": { exempt: "visitor entry point: the visitor token decides" },
  "route:app/api/widget/forms/route.ts#GET": { exempt: "visitor entry point: the visitor token decides" },
  "route:app/api/widget/forms/offer/route.ts#POST": { exempt: "visitor entry point: the visitor token decides" },
  "action:server/actions/lead-forms.ts#setLeadFormActiveAction": {
    refused: ({ session, s }) => [handleSetLeadFormActive(session, { formId: s.leadFormId, active: "false" })],
  },
  "action:server/actions/lead-forms.ts#saveLeadExportTargetAction": {
    refused: ({ session, s }) => [
      handleSaveLeadExportTarget(session, { dealerId: s.dealerId, crmEmail: "thief@a.test", crmUrl: "" }),
    ],
  },
  "action:server/actions/lead-forms.ts#retryLeadDeliveryAction": {
    refused: ({ session, s }) => [handleRetryLeadDelivery(session, { deliveryId: s.leadDeliveryId })],
  },
  "page:server/handlers/lead-forms.ts#loadLeadFormsPage": {
    own: ({ session }) => [loadLeadFormsPage(session, undefined, meta)],
  },
  "page:server/handlers/departments.ts#loadDepartmentsPage": {
    own: ({ session }) => [loadDepartmentsPage(session, undefined, meta)],
  },
  "action:server/actions/routing.ts#saveRoutingRuleAction": {
    refused: ({ session, s }) => [
      handleSaveRoutingRule(session, {
        dealerId: s.dealerId,
        name: "Sibling extra",
        conditions: {},
        actions: { priority: "LOW" },
      }),
      handleSaveRoutingRule(session, {
        id: s.routingRuleId,
        dealerId: s.dealerId,
        name: "Renamed",
        conditions: {},
        actions: { priority: "LOW" },
      }),
    ],
  },
  "action:server/actions/routing.ts#moveRoutingRuleAction": {
    refused: ({ session, s }) => [handleMoveRoutingRule(session, { id: s.routingRuleId, direction: "down" })],
  },
  "action:server/actions/routing.ts#toggleRoutingRuleAction": {
    refused: ({ session, s }) => [handleToggleRoutingRule(session, { id: s.routingRuleId, enabled: false })],
  },
  "action:server/actions/routing.ts#deleteRoutingRuleAction": {
    refused: ({ session, s }) => [handleDeleteRoutingRule(session, { id: s.routingRuleId })],
  },
  "action:server/actions/routing.ts#saveBusinessHoursAction": {
    refused: ({ session, s }) => [
      handleSaveBusinessHours(session, {
        dealerId: s.dealerId,
        timeZone: "UTC",
        businessHours: {},
        holidays: [],
        awayMessage: "Sibling",
      }),
    ],
  },
  "page:server/handlers/routing.ts#loadRoutingPage": {
    own: ({ session }) => [loadRoutingPage(session, undefined, meta)],
  },
  "action:server/actions/routing.ts#saveBotAction": {
    refused: ({ session, s }) => [
      handleSaveBot(session, {
        kind: "WEBHOOK",
        dealerId: s.dealerId,
        name: "Sibling extra",
        config: { url: "https://a.example/x" },
      }),
      handleSaveBot(session, {
        kind: "WEBHOOK",
        id: s.botId,
        dealerId: s.dealerId,
        name: "Renamed",
        config: { url: "https://a.example/x" },
      }),
    ],
  },
  "action:server/actions/routing.ts#toggleBotAction": {
    refused: ({ session, s }) => [handleToggleBot(session, { id: s.botId, enabled: false })],
  },
  "action:server/actions/routing.ts#deleteBotAction": {
    refused: ({ session, s }) => [handleDeleteBot(session, { id: s.botId })],
  },
  "route:app/api/inbox/conversations/route.ts#GET": {
    own: ({ session, s }) => [
      handleListConversations(session, {}),
      handleListConversations(session, { view: "unassigned" }),
      handleListConversations(session, { dealerId: s.dealerId }),
      handleListConversations(session, { departmentId: s.departmentId }),
      handleListConversations(session, { channelType: "WIDGET" }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/route.ts#GET": {
    refused: ({ session, s }) => [
      handleGetConversation(session, { id: s.conversationId }),
      handleGetConversation(session, { id: s.sharedConversationId }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/route.ts#POST": {
    refused: ({ session, s }) =>
      [
        { action: "close" },
        { action: "snooze", until: "2030-01-01T00:00:00.000Z" },
        { action: "assign", assigneeId: session.user.id },
        { action: "transfer", departmentId: s.departmentId },
        { action: "priority", priority: "URGENT" },
        { action: "label", labelId: s.labelId },
        { action: "unlabel", labelId: s.labelId },
      ]
        .flatMap((body) => [
          handleConversationAction(session, { id: s.conversationId, body }),
          handleConversationAction(session, { id: s.sharedConversationId, body }),
        ])
        // The sibling's label on the member's own conversation: "not found" too.
        .concat([
          handleConversationAction(session, { id: a.conversationId, body: { action: "label", labelId: s.labelId } }),
        ]),
  },
  "route:app/api/inbox/labels/route.ts#GET": {
    refused: ({ session, s }) => [handleListLabels(session, { dealerId: s.dealerId })],
    own: ({ session }) => [handleListLabels(session, {})],
  },
  "route:app/api/inbox/labels/route.ts#POST": {
    refused: ({ session, s }) => [
      handleCreateLabel(session, { dealerId: s.dealerId, name: "Planted", color: "red" }),
      // A label for every dealer reaches the sibling too: only all-dealers staff may create one.
      handleCreateLabel(session, { dealerId: null, name: "Planted", color: "red" }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/messages/route.ts#GET": {
    refused: ({ session, s }) => [
      handleListMessages(session, { id: s.conversationId, before: "1000" }),
      handleListMessages(session, { id: s.sharedConversationId, before: "1000" }),
    ],
  },
  "route:app/api/inbox/contacts/[id]/route.ts#POST": {
    refused: ({ session, s }) => [
      handleUpdateContact(session, { id: s.contactId, body: { name: "Hijacked", email: "hijack@test.example" } }),
    ],
  },
  "route:app/api/inbox/upload/route.ts#POST": {
    refused: ({ session, s }) => [
      readUpload(uploadRequest("/api/inbox/upload", s.conversationId)).then((f) => handleAgentUpload(session, f, meta)),
      readUpload(uploadRequest("/api/inbox/upload", s.sharedConversationId)).then((f) =>
        handleAgentUpload(session, f, meta),
      ),
    ],
  },
  "route:app/api/inbox/messages/[id]/retry/route.ts#POST": {
    refused: ({ session, s }) => [handleRetryDelivery(session, { id: s.messageId })],
  },
  "route:app/api/inbox/messages/[id]/email/route.ts#GET": {
    refused: ({ session, s }) => [handleEmailHtml(session, { id: s.messageId, images: false })],
  },
  "route:app/api/inbox/conversations/[id]/templates/route.ts#GET": {
    refused: ({ session, s }) => [
      handleListTemplates(session, { id: s.conversationId }),
      handleListTemplates(session, { id: s.sharedConversationId }),
    ],
  },
  "route:app/api/inbox/conversations/[id]/templates/route.ts#POST": {
    refused: ({ session, s }) =>
      [s.conversationId, s.sharedConversationId].map((id) =>
        handleSendTemplate(session, {
          id,
          body: { clientId: "iso-template-0002", templateId: crypto.randomUUID(), variables: ["x"] },
        }),
      ),
  },
  "route:app/api/realtime/token/route.ts#GET": {
    exempt: "names only the session's tenant; the gateway joins the member's dealer rooms (realtime tests)",
  },
  "route:app/api/attachments/[customerId]/[attachmentId]/route.ts#GET": {
    refused: ({ a, s }) => [
      handleAttachment({ customerId: a.customerId, attachmentId: s.attachmentId, exp: "", sig: "" }),
      handleAttachment({ customerId: a.customerId, attachmentId: s.attachmentId, exp: "9999999999", sig: "0" }),
    ],
  },
  "route:app/widget.js/route.ts#GET": { exempt: "public widget file" },
  "route:app/widget/app.js/route.ts#GET": { exempt: "public widget file" },
  "route:app/widget/frame/route.ts#GET": { exempt: "visitor entry point: no member session" },
  "route:app/api/widget/config/route.ts#GET": { exempt: "visitor entry point: no member session" },
  "route:app/api/widget/conversations/route.ts#POST": { exempt: "visitor entry point: no member session" },
  "route:app/api/widget/conversation/route.ts#GET": { exempt: "visitor entry point: the visitor token decides" },
  "route:app/api/widget/messages/route.ts#GET": { exempt: "visitor entry point: the visitor token decides" },
  "route:app/api/widget/upload/route.ts#POST": { exempt: "visitor entry point: the visitor token decides" },
  "route:app/api/widget/identify/route.ts#POST": { exempt: "visitor entry point: the visitor token decides" },
  "route:app/api/widget/vehicle/route.ts#POST": { exempt: "visitor entry point: the visitor token decides" },

  "page:server/handlers/contacts-pages.ts#loadContactsPage": {
    own: ({ session, s }) => [
      loadContactsPage(session, { q: "" }, meta),
      loadContactsPage(session, { q: s.contactName.split(" ")[1] }, meta),
      loadContactsPage(session, { q: s.contactEmail.split("@")[0] }, meta),
    ],
  },
  "page:server/handlers/contacts-pages.ts#loadContactRecordPage": {
    refused: ({ session, s }) => [loadContactRecordPage(session, { contactId: s.contactId }, meta)],
    own: ({ session, s }) => [loadContactRecordPage(session, { contactId: s.sharedContactId }, meta)],
  },
  "page:server/handlers/inbox-page.ts#loadInboxPage": {
    own: ({ session, s }) => [
      loadInboxPage(session, {}, meta),
      loadInboxPage(session, { c: s.conversationId }, meta),
      loadInboxPage(session, { c: s.sharedConversationId, view: "closed" }, meta),
      loadInboxPage(session, { channel: "WIDGET", c: s.conversationId }, meta),
    ],
  },
  // Last: on a build without the scope, this erases the sibling's contact and every later case would pass vacuously.
  "action:app/(app)/contacts/[contactId]/actions.ts#eraseContactAction": {
    refused: ({ session, s }) => [
      handleEraseContact(session, { contactId: s.contactId, confirm: "on" }),
      // The shared contact is in scope, but erasing it would delete the sibling's conversation.
      handleEraseContact(session, { contactId: s.sharedContactId, confirm: "on" }),
    ],
  },
};

/** Calls a visitor handler exactly as its route does: token, query and caller from the request. */
function asVisitor<T>(
  handler: (token: string | null, raw: unknown, meta?: THandlerMeta) => Promise<THandlerResult<T>>,
  request: Request,
) {
  return handler(visitorTokenOf(request), queryObject(request), routeMeta(request));
}

/** `Forecourt('identify', …)` as a page of `origin` would send it (its Origin header), optionally in a chat. */
function asIdentify(key: string, origin: string, identity: Record<string, unknown>, token?: string) {
  const body = { key, identity };
  const headers: Record<string, string> = { "content-type": "application/json", [CLIENT_IP_HEADER]: someIp(), origin };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request("http://forecourt.test/api/widget/identify", {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return handleWidgetIdentify(request, body, routeMeta(request), token ?? null);
}

async function asVisitorUpload(request: Request) {
  return handleVisitorUpload(visitorTokenOf(request), await readUpload(request), routeMeta(request));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every route handler export and every server action export in the web app. */
function enumerateEntryPoints(): string[] {
  const keys: string[] = [];
  for (const file of walk(SRC)) {
    if (!/\.(ts|tsx)$/.test(file) || file.includes(".test.")) continue;
    const text = readFileSync(file, "utf8");
    const rel = relative(SRC, file).split("\\").join("/");
    // The public API's endpoints (API keys, not sessions) have their own suite, route by route:
    // server/api/api-isolation.integration.test.ts. Its OEM-app client routes stay here.
    if (rel.startsWith("app/api/v1/") && !rel.startsWith("app/api/v1/client/")) continue;
    if (/\/route\.ts$/.test(rel)) {
      for (const m of text.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
        keys.push(`route:${rel}#${m[1]}`);
      }
      for (const m of text.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\s*=/g)) {
        keys.push(`route:${rel}#${m[1]}`);
      }
      for (const m of text.matchAll(/export\s+const\s+\{([^}]+)\}/g)) {
        for (const name of m[1]!.split(",").map((s) => s.trim())) {
          if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) keys.push(`route:${rel}#${name}`);
        }
      }
    }
    if (/^\s*["']use server["']/.test(text)) {
      for (const m of text.matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)) keys.push(`action:${rel}#${m[1]}`);
    }
    if (rel.startsWith("server/handlers/")) {
      for (const m of text.matchAll(/export\s+(?:async\s+function|const)\s+(load\w*Page)\b/g)) {
        keys.push(`page:${rel}#${m[1]}`);
      }
    }
  }
  return keys.sort();
}

const leadAnswers = {
  name: "Lead Secretname",
  email: "lead.secret@b-dealer.test",
  vehicle: { make: "Volvo", model: "XC40" },
  preferredDate: "2026-12-24",
};

/** The standard lead forms of a dealer (as the seed gives them), by kind. */
async function leadFormsFor(customerId: string, dealerId: string) {
  await ownerDb().leadForm.createMany({
    data: STANDARD_LEAD_FORMS.map((f) => ({ customerId, dealerId, kind: f.kind, name: f.name, fields: f.fields })),
    skipDuplicates: true,
  });
  const rows = await ownerDb().leadForm.findMany({ where: { dealerId } });
  return Object.fromEntries(rows.map((r) => [r.kind, r.id])) as Record<(typeof rows)[number]["kind"], string>;
}

/** A dealer's CRM e-mail target and a failed delivery of a lead to it (Retry would send it). */
async function failedLeadDelivery(customerId: string, dealerId: string, leadId: string, crmEmail: string) {
  await ownerDb().leadExportTarget.create({ data: { customerId, dealerId, crmEmail } });
  return ownerDb().leadDelivery.create({
    data: {
      customerId,
      leadId,
      target: "EMAIL",
      destination: crmEmail,
      status: "FAILED",
      attempts: 4,
      lastError: "SMTP: down",
    },
  });
}

let b: TB;
let a: TA;
/** B's rows as they were before the attempts. */
let before: Awaited<ReturnType<typeof snapshotB>>;
const sink = new SmtpSink();
const sessions = new Map<TRole, TSessionContext>();
let s: TS;
let sBefore: Awaited<ReturnType<typeof snapshotSibling>>;
const scopedSessions = new Map<TScopedRole, TSessionContext>();
const created: string[] = [];

beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
  const ta = await createTestTenant("Iso A");
  const tb = await createTestTenant("Iso B");
  created.push(ta.customer.id, tb.customer.id);
  const department = await ownerDb().department.create({
    data: { customerId: tb.customer.id, dealerId: tb.dealer.id, name: "B Sales", kind: "SALES" },
  });
  const subscription = await ownerDb().subscription.create({
    data: { customerId: tb.customer.id, contractDate: new Date("2026-01-01"), initialTermMonths: 12, monthlyFee: "99" },
  });
  const { user: bUser, password: bPassword } = await createTestUser({ customerId: tb.customer.id, role: "ADMIN" });
  const bSession = await signInWithPassword({
    email: bUser.email,
    password: bPassword,
    ip: "10.66.1.1",
    userAgent: null,
  });
  if (!bSession.ok) throw new Error("B sign-in failed");
  const membership = await ownerDb().membership.findFirstOrThrow({ where: { userId: bUser.id } });
  // B's website chat, through the same use cases a visitor's browser reaches.
  const bOrigin = "http://b-dealer.test";
  const bChannel = await ownerDb().channel.create({
    data: {
      customerId: tb.customer.id,
      dealerId: tb.dealer.id,
      type: "WIDGET",
      name: "B Website",
      publicKey: newWidgetKey(tb.customer.id),
      config: { allowedOrigins: [bOrigin], askDepartment: true },
    },
  });
  const bWhatsApp = await createWhatsAppChannel(tb.customer.id, tb.dealer.id, "B WhatsApp");
  const bChat = await startVisitorConversation({
    input: {
      key: bChannel.publicKey!,
      origin: bOrigin,
      name: "Bea Secretcontact",
      email: "bea.secret@b-dealer.test",
      consent: true,
      offlineMessage: "B first message",
    },
  });
  const bVisitor = (await resolveVisitorSession({ token: bChat.token }))!;
  const messageBody = "B secret message about a trade-in";
  await sendMessage({
    sender: { visitor: bVisitor },
    input: { conversationId: bChat.conversationId, clientId: "b-message-1", body: messageBody },
  });
  const bFile = await sendAttachment({
    sender: { visitor: bVisitor },
    conversationId: bChat.conversationId,
    clientId: "b-attachment-1",
    fileName: "b-secret.png",
    declaredType: "image/png",
    bytes: PNG,
  });
  const attachment = await ownerDb().attachment.findFirstOrThrow({ where: { messageId: bFile.id } });
  const bFailed = await failedReply(tb.customer.id, bChat.conversationId, "B reply that failed");
  const bCannedBody = "B secret canned reply about our margins";
  const bCanned = await ownerDb().cannedReply.create({
    data: { customerId: tb.customer.id, dealerId: tb.dealer.id, shortcut: "b-secret", title: "B", body: bCannedBody },
  });
  const bLabel = await ownerDb().label.create({
    data: { customerId: tb.customer.id, dealerId: tb.dealer.id, name: "B Secretlabel", color: "red" },
  });
  await ownerDb().conversationLabel.create({
    data: { customerId: tb.customer.id, conversationId: bChat.conversationId, labelId: bLabel.id },
  });
  const bApiKey = await createTestApiKey(tb.customer.id, { name: "B secret CRM key" });
  const bWebhook = await ownerDb().webhookEndpoint.create({
    data: {
      customerId: tb.customer.id,
      url: `https://b-crm-${crypto.randomUUID()}.example/hook`,
      events: ["message.created"],
      secretEncrypted: encryptSecret("whsec_YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI="),
    },
  });
  const bWebhookEvent = await ownerDb().webhookEvent.create({
    data: {
      customerId: tb.customer.id,
      type: "conversation.created",
      conversationId: bChat.conversationId,
      dispatchedAt: new Date(),
    },
  });
  const bRule = await ownerDb().routingRule.create({
    data: {
      customerId: tb.customer.id,
      dealerId: tb.dealer.id,
      name: "B routing",
      position: 1,
      actions: { priority: "HIGH" },
    },
  });
  const bBot = await ownerDb().bot.create({
    data: {
      customerId: tb.customer.id,
      dealerId: tb.dealer.id,
      name: "B bot",
      kind: "WEBHOOK",
      config: { url: "https://b.example/bot" },
    },
  });
  const bDelivery = await ownerDb().webhookDelivery.create({
    data: {
      customerId: tb.customer.id,
      endpointId: bWebhook.id,
      eventId: bWebhookEvent.id,
      status: "DELIVERED",
      attempts: 1,
    },
  });
  // B's lead forms: an agent of B sends the test drive, B's visitor fills it in, its CRM delivery failed.
  const bForms = await leadFormsFor(tb.customer.id, tb.dealer.id);
  const bAdmin = testMemberPrincipal(bUser.id, tb.customer.id, "ADMIN");
  const bFormRequest = await sendLeadForm({
    actor: bAdmin,
    input: { conversationId: bChat.conversationId, formId: bForms.TEST_DRIVE, clientId: "b-form-send-1" },
  });
  const bLead = await submitLeadForm({
    visitor: bVisitor,
    input: { conversationId: bChat.conversationId, requestMessageId: bFormRequest.id, answers: leadAnswers },
  });
  const bCrmEmail = `b-crm-${crypto.randomUUID().slice(0, 8)}@b-dealer.test`;
  const bLeadDelivery = await failedLeadDelivery(tb.customer.id, tb.dealer.id, bLead.leadId, bCrmEmail);
  // A's website chat and one visitor of A (the identity a visitor attacker holds).
  const aOrigin = "http://a-dealer.test";
  const aChannel = await ownerDb().channel.create({
    data: {
      customerId: ta.customer.id,
      dealerId: ta.dealer.id,
      type: "WIDGET",
      name: "A Website",
      publicKey: newWidgetKey(ta.customer.id),
      config: { allowedOrigins: [aOrigin] },
    },
  });
  const aChat = await startVisitorConversation({
    input: { key: aChannel.publicKey!, origin: aOrigin, name: "A visitor", consent: true, offlineMessage: "Hi A" },
  });
  a = {
    customerId: ta.customer.id,
    dealerId: ta.dealer.id,
    widgetKey: aChannel.publicKey!,
    origin: aOrigin,
    visitorToken: aChat.token,
    conversationId: aChat.conversationId,
  };
  b = {
    customerId: tb.customer.id,
    customerName: tb.customer.name,
    dealerId: tb.dealer.id,
    dealerName: tb.dealer.name,
    departmentId: department.id,
    membershipId: membership.id,
    userId: bUser.id,
    userEmail: bUser.email,
    sessionId: bSession.sessionId,
    subscriptionId: subscription.id,
    channelId: bChannel.id,
    channelName: bChannel.name,
    metaChannelId: bWhatsApp.channel.id,
    phoneNumberId: bWhatsApp.phoneNumberId,
    verifyToken: bWhatsApp.verifyToken,
    widgetKey: bChannel.publicKey!,
    origin: bOrigin,
    contactId: bChat.contactId,
    contactName: "Bea Secretcontact",
    contactEmail: "bea.secret@b-dealer.test",
    conversationId: bChat.conversationId,
    messageBody,
    messageId: bFailed.id,
    cannedReplyId: bCanned.id,
    cannedBody: bCannedBody,
    labelId: bLabel.id,
    labelName: bLabel.name,
    attachmentId: attachment.id,
    apiKeyId: bApiKey.key.id,
    apiKeyName: bApiKey.key.name,
    apiKeyPrefix: bApiKey.key.prefix,
    webhookEndpointId: bWebhook.id,
    webhookUrl: bWebhook.url,
    webhookDeliveryId: bDelivery.id,
    routingRuleId: bRule.id,
    botId: bBot.id,
    leadFormId: bForms.TEST_DRIVE,
    formRequestId: bFormRequest.id,
    leadDeliveryId: bLeadDelivery.id,
    leadCrmEmail: bCrmEmail,
  };
  before = await snapshotB();
  for (const role of ROLES) {
    const { user, password } =
      role === "PROVIDER_MANAGED_AGENT"
        ? await createTestUser({ providerRole: "MANAGED_AGENT" })
        : await createTestUser({ customerId: ta.customer.id, role });
    const signedIn = await signInWithPassword({
      email: user.email,
      password,
      ip: `10.66.2.${role.length}`,
      userAgent: null,
    });
    if (!signedIn.ok) throw new Error(`${role} sign-in failed`);
    sessions.set(role, (await getSessionContext(signedIn.sessionId))!);
  }

  // A's sibling dealer with its own website chat, and a contact who talks to both of A's dealers.
  const sDealer = await ownerDb().dealer.create({ data: { customerId: ta.customer.id, name: "Iso A Sibling" } });
  const sDepartment = await ownerDb().department.create({
    data: { customerId: ta.customer.id, dealerId: sDealer.id, name: "Sibling Sales", kind: "SALES" },
  });
  const sOrigin = "http://a-sibling.test";
  const sChannel = await ownerDb().channel.create({
    data: {
      customerId: ta.customer.id,
      dealerId: sDealer.id,
      type: "WIDGET",
      name: "Sibling Website",
      publicKey: newWidgetKey(ta.customer.id),
      config: { allowedOrigins: [sOrigin] },
    },
  });
  const sWhatsApp = await createWhatsAppChannel(ta.customer.id, sDealer.id, "Sibling WhatsApp");
  const sChat = await startVisitorConversation({
    input: {
      key: sChannel.publicKey!,
      origin: sOrigin,
      name: "Sid Siblingcontact",
      email: "sid.sibling@a-sibling.test",
      consent: true,
      offlineMessage: "Sibling first message",
    },
  });
  const sVisitor = (await resolveVisitorSession({ token: sChat.token }))!;
  const sBody = "Sibling secret message about financing";
  await sendMessage({
    sender: { visitor: sVisitor },
    input: { conversationId: sChat.conversationId, clientId: "s-message-1", body: sBody },
  });
  const sFile = await sendAttachment({
    sender: { visitor: sVisitor },
    conversationId: sChat.conversationId,
    clientId: "s-attachment-1",
    fileName: "sibling-secret.png",
    declaredType: "image/png",
    bytes: PNG,
  });
  const sAttachment = await ownerDb().attachment.findFirstOrThrow({ where: { messageId: sFile.id } });
  const sFailed = await failedReply(ta.customer.id, sChat.conversationId, "Sibling reply that failed");
  const shared = await ownerDb().contact.create({
    data: { customerId: ta.customer.id, name: "Shay Sharedcontact", email: "shay@shared.test", legalBasis: "CONSENT" },
  });
  const sharedBody = "Shared secret told only to the sibling dealer";
  const sharedConversation = async (dealerId: string, channelId: string, body: string) => {
    const c = await ownerDb().conversation.create({
      data: { customerId: ta.customer.id, dealerId, channelId, contactId: shared.id, lastSeq: 1 },
    });
    await ownerDb().message.create({
      data: {
        customerId: ta.customer.id,
        conversationId: c.id,
        seq: 1,
        clientId: `shared-${c.id}`,
        authorType: "CONTACT",
        kind: "TEXT",
        body,
      },
    });
    return c;
  };
  await sharedConversation(ta.dealer.id, aChannel.id, "Shared message at the scoped dealer");
  const sharedAtSibling = await sharedConversation(sDealer.id, sChannel.id, sharedBody);
  const sCannedBody = "Sibling dealer's canned reply with its trade-in prices";
  const sLabel = await ownerDb().label.create({
    data: { customerId: ta.customer.id, dealerId: sDealer.id, name: "Sibling Secretlabel", color: "teal" },
  });
  await ownerDb().conversationLabel.create({
    data: { customerId: ta.customer.id, conversationId: sChat.conversationId, labelId: sLabel.id },
  });
  const sRule = await ownerDb().routingRule.create({
    data: {
      customerId: ta.customer.id,
      dealerId: sDealer.id,
      name: "Sibling routing",
      position: 1,
      actions: { priority: "LOW" },
    },
  });
  const sBot = await ownerDb().bot.create({
    data: {
      customerId: ta.customer.id,
      dealerId: sDealer.id,
      name: "Sibling bot",
      kind: "WEBHOOK",
      config: { url: "https://s.example/bot" },
    },
  });
  const sCanned = await ownerDb().cannedReply.create({
    data: {
      customerId: ta.customer.id,
      dealerId: sDealer.id,
      shortcut: "sibling",
      title: "Sibling",
      body: sCannedBody,
    },
  });
  const sForms = await leadFormsFor(ta.customer.id, sDealer.id);
  const { user: aAdminUser } = await createTestUser({ customerId: ta.customer.id, role: "ADMIN" });
  const sFormRequest = await sendLeadForm({
    actor: testMemberPrincipal(aAdminUser.id, ta.customer.id, "ADMIN"),
    input: { conversationId: sChat.conversationId, formId: sForms.TEST_DRIVE, clientId: "s-form-send-1" },
  });
  const sLead = await submitLeadForm({
    visitor: sVisitor,
    input: {
      conversationId: sChat.conversationId,
      requestMessageId: sFormRequest.id,
      answers: { ...leadAnswers, name: "Sibling Leadname", email: "sibling.lead@a-sibling.test" },
    },
  });
  const sLeadDelivery = await failedLeadDelivery(
    ta.customer.id,
    sDealer.id,
    sLead.leadId,
    "sibling-crm@a-sibling.test",
  );
  const sApiKey = await createTestApiKey(ta.customer.id, { name: "Sibling DMS key", dealerIds: [sDealer.id] });
  const allDealersKey = await createTestApiKey(ta.customer.id, { name: "A every-dealer CRM key" });
  s = {
    dealerId: sDealer.id,
    departmentId: sDepartment.id,
    channelId: sChannel.id,
    metaChannelId: sWhatsApp.channel.id,
    verifyToken: sWhatsApp.verifyToken,
    contactId: sChat.contactId,
    contactName: "Sid Siblingcontact",
    contactEmail: "sid.sibling@a-sibling.test",
    conversationId: sChat.conversationId,
    messageBody: sBody,
    messageId: sFailed.id,
    attachmentId: sAttachment.id,
    fileName: "sibling-secret.png",
    sharedContactId: shared.id,
    sharedConversationId: sharedAtSibling.id,
    sharedMessageBody: sharedBody,
    cannedReplyId: sCanned.id,
    cannedBody: sCannedBody,
    labelId: sLabel.id,
    labelName: sLabel.name,
    apiKeyId: sApiKey.key.id,
    apiKeyName: sApiKey.key.name,
    allDealersKeyId: allDealersKey.key.id,
    allDealersKeyName: allDealersKey.key.name,
    routingRuleId: sRule.id,
    botId: sBot.id,
    leadFormId: sForms.TEST_DRIVE,
    leadDeliveryId: sLeadDelivery.id,
  };
  sBefore = await snapshotSibling();
  // Members of A scoped to A's first dealer, one per role.
  for (const role of SCOPED_ROLES) {
    const { user, password } = await createTestUser({ customerId: ta.customer.id, role });
    const membership = await ownerDb().membership.findFirstOrThrow({ where: { userId: user.id } });
    await ownerDb().membershipDealer.create({
      data: { customerId: ta.customer.id, membershipId: membership.id, dealerId: ta.dealer.id },
    });
    const signedIn = await signInWithPassword({ email: user.email, password, ip: "10.66.3.1", userAgent: null });
    if (!signedIn.ok) throw new Error(`scoped ${role} sign-in failed`);
    const session = (await getSessionContext(signedIn.sessionId))!;
    expect(session.active?.dealers.map((d) => d.id)).toEqual([ta.dealer.id]);
    scopedSessions.set(role, session);
  }
});

/** Everything of A's sibling dealer the scoped attempts could have touched. */
async function snapshotSibling() {
  const db = ownerDb();
  const contactIds = [s.contactId, s.sharedContactId];
  return {
    channel: await db.channel.findUniqueOrThrow({
      where: { id: s.channelId },
      select: { name: true, status: true, config: true },
    }),
    metaChannel: await db.channel.findUniqueOrThrow({
      where: { id: s.metaChannelId },
      select: { name: true, status: true, config: true, secretsEncrypted: true },
    }),
    routes: await db.channelRoute.findMany({ where: { channel: { dealerId: s.dealerId } }, orderBy: { key: "asc" } }),
    routingRules: await db.routingRule.findMany({ where: { dealerId: s.dealerId } }),
    bots: await db.bot.findMany({ where: { dealerId: s.dealerId } }),
    siblingDealer: await db.dealer.findUniqueOrThrow({
      where: { id: s.dealerId },
      select: { businessHours: true, holidays: true, awayMessage: true, timeZone: true },
    }),
    channels: await db.channel.count({ where: { dealerId: s.dealerId } }),
    dealer: await db.dealer.findUniqueOrThrow({ where: { id: s.dealerId }, select: { businessHours: true } }),
    departments: await db.department.findMany({
      where: { dealerId: s.dealerId },
      select: { id: true, name: true, kind: true },
      orderBy: { id: "asc" },
    }),
    cannedReplies: await db.cannedReply.findMany({
      where: { dealerId: s.dealerId },
      select: { id: true, body: true, updatedAt: true },
    }),
    contacts: await db.contact.findMany({
      where: { id: { in: contactIds } },
      select: { id: true, name: true, email: true, phone: true, legalBasis: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    conversations: await db.conversation.findMany({
      where: { dealerId: s.dealerId },
      select: {
        id: true,
        status: true,
        priority: true,
        assigneeId: true,
        departmentId: true,
        lastSeq: true,
        snoozedUntil: true,
      },
      orderBy: { id: "asc" },
    }),
    labels: await db.label.findMany({ where: { dealerId: s.dealerId }, orderBy: { id: "asc" } }),
    conversationLabels: await db.conversationLabel.findMany({
      where: { conversation: { dealerId: s.dealerId } },
      select: { conversationId: true, labelId: true },
      orderBy: { labelId: "asc" },
    }),
    activity: await db.conversationActivity.count({ where: { conversation: { dealerId: s.dealerId } } }),
    messages: await db.message.count({ where: { conversation: { dealerId: s.dealerId } } }),
    attachments: await db.attachment.findMany({
      where: { message: { conversation: { dealerId: s.dealerId } } },
      select: { id: true, storageKey: true },
    }),
    reads: await db.conversationRead.count({ where: { conversation: { dealerId: s.dealerId } } }),
    apiKeys: await db.apiKey.findMany({
      where: { id: { in: [s.apiKeyId, s.allDealersKeyId] } },
      select: { id: true, status: true, revokedAt: true },
      orderBy: { id: "asc" },
    }),
    leadForms: await db.leadForm.findMany({ where: { dealerId: s.dealerId }, orderBy: { id: "asc" } }),
    leadExportTarget: await db.leadExportTarget.findUnique({ where: { dealerId: s.dealerId } }),
    leads: await db.lead.count({ where: { dealerId: s.dealerId } }),
    leadDeliveries: await db.leadDelivery.findMany({
      where: { lead: { dealerId: s.dealerId } },
      orderBy: { id: "asc" },
    }),
  };
}

/** Everything of B's website chat the attempts could have touched. */
async function snapshotB() {
  const db = ownerDb();
  const where = { customerId: b.customerId };
  return {
    customer: await db.customer.findUniqueOrThrow({ where: { id: b.customerId }, select: { retentionMonths: true } }),
    webhooks: await db.webhookEndpoint.findMany({ where }),
    webhookDeliveries: await db.webhookDelivery.findMany({ where }),
    channel: await db.channel.findUniqueOrThrow({
      where: { id: b.channelId },
      select: { name: true, status: true, config: true, publicKey: true },
    }),
    metaChannel: await db.channel.findUniqueOrThrow({
      where: { id: b.metaChannelId },
      select: { name: true, status: true, config: true, secretsEncrypted: true },
    }),
    routes: await db.channelRoute.findMany({ where: { routedCustomerId: b.customerId }, orderBy: { key: "asc" } }),
    channels: await db.channel.count({ where }),
    dealer: await db.dealer.findUniqueOrThrow({
      where: { id: b.dealerId },
      select: { businessHours: true, holidays: true, awayMessage: true, timeZone: true },
    }),
    routingRules: await db.routingRule.findMany({ where }),
    bots: await db.bot.findMany({ where }),
    contacts: await db.contact.findMany({
      where,
      select: { id: true, name: true, email: true, phone: true, legalBasis: true, updatedAt: true },
    }),
    conversations: await db.conversation.findMany({
      where,
      select: {
        id: true,
        status: true,
        priority: true,
        assigneeId: true,
        departmentId: true,
        lastSeq: true,
        snoozedUntil: true,
      },
    }),
    labels: await db.label.findMany({ where, orderBy: { id: "asc" } }),
    conversationLabels: await db.conversationLabel.findMany({
      where,
      select: { conversationId: true, labelId: true },
      orderBy: { labelId: "asc" },
    }),
    activity: await db.conversationActivity.count({ where }),
    messages: await db.message.count({ where }),
    attachments: await db.attachment.findMany({ where, select: { id: true, storageKey: true } }),
    cannedReplies: await db.cannedReply.findMany({
      where,
      select: { id: true, dealerId: true, body: true, updatedAt: true },
    }),
    visitorSessions: await db.visitorSession.count({ where }),
    subscriptions: await db.subscription.findMany({ where }),
    vehicles: await db.vehicle.count({ where }),
    apiKeys: await db.apiKey.findMany({ where, select: { id: true, name: true, status: true, revokedAt: true } }),
    leadForms: await db.leadForm.findMany({ where, orderBy: { id: "asc" } }),
    leadExportTargets: await db.leadExportTarget.findMany({ where }),
    leads: await db.lead.count({ where }),
    leadDeliveries: await db.leadDelivery.findMany({ where, orderBy: { id: "asc" } }),
  };
}

afterAll(async () => {
  // "Forgot password" mails are sent without awaiting (same answer time for every address): let them land.
  for (let i = 0; i < 50 && sink.mails.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
  await sink.close();
  await ownerDb().customer.deleteMany({ where: { id: { in: created } } });
  await ownerDb().customer.deleteMany({ where: { name: { in: ["Planted", "Hijacked"] } } });
  redis().disconnect();
});

function leaks(body: unknown): string[] {
  const text = JSON.stringify(body) ?? "";
  return [
    b.customerName,
    b.dealerName,
    b.userEmail,
    "B Sales",
    b.membershipId,
    b.userId,
    b.sessionId,
    b.dealerId,
    b.channelId,
    b.channelName,
    b.metaChannelId,
    b.phoneNumberId,
    b.verifyToken,
    b.widgetKey,
    b.origin,
    b.contactId,
    b.contactName,
    b.contactEmail,
    b.conversationId,
    b.messageBody,
    b.attachmentId,
    b.subscriptionId,
    b.cannedReplyId,
    b.cannedBody,
    b.labelId,
    b.labelName,
    b.apiKeyId,
    b.apiKeyName,
    b.apiKeyPrefix,
    b.webhookEndpointId,
    b.webhookUrl,
    b.leadFormId,
    b.formRequestId,
    b.leadDeliveryId,
    b.leadCrmEmail,
    leadAnswers.name,
  ].filter((secret) => text.includes(secret));
}

beforeAll(async () => {
  // A's own first dealer, by id: "any dealer of A" could be the sibling dealer of the scope suite.
  const aTenant = { customer: { id: a.customerId }, dealer: { id: a.dealerId } };
  const aApi = await createApiChannel(aTenant, "A app");
  const a2Api = await createApiChannel(aTenant, "A other app");
  const tb = await createTestTenant("Iso API B");
  created.push(tb.customer.id);
  const bApi = await createApiChannel(tb, "B app");
  const aId = await handleClientIdentify(
    aApi.inboxIdentifier,
    { identifier: "a-user", identifierHash: aApi.hashOf("a-user") },
    apiMeta(),
  );
  const bId = await handleClientIdentify(
    bApi.inboxIdentifier,
    { identifier: "b-user", identifierHash: bApi.hashOf("b-user"), name: "Bo Apicontact" },
    apiMeta(),
  );
  if (!aId.ok || !bId.ok) throw new Error("API identify failed");
  const bSecretText = "B app secret message about financing";
  const aConv = await handleClientStartConversation(aApi.inboxIdentifier, aId.data.contactToken, {}, apiMeta());
  const bConv = await handleClientStartConversation(
    bApi.inboxIdentifier,
    bId.data.contactToken,
    { message: { text: bSecretText, clientId: "b-app-message-1" } },
    apiMeta(),
  );
  if (!aConv.ok || !bConv.ok) throw new Error("API conversation failed");
  api = {
    aInbox: aApi.inboxIdentifier,
    aToken: aId.data.contactToken,
    aConversationId: aConv.data.id,
    a2Inbox: a2Api.inboxIdentifier,
    bInbox: bApi.inboxIdentifier,
    bHashOf: bApi.hashOf,
    bChannelId: bApi.channel.id,
    bConversationId: bConv.data.id,
    bSecretText,
    bContactName: "Bo Apicontact",
  };
  apiBefore = await apiSnapshot();
});

describe("isolation suite", () => {
  it("has a case for every API route and server action (a new one without a case fails here)", () => {
    const found = enumerateEntryPoints();
    const missing = found.filter((key) => !(key in CASES));
    const stale = Object.keys(CASES).filter((key) => !found.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(found.length).toBeGreaterThan(20);
  });

  for (const [key, testCase] of Object.entries(CASES)) {
    if (testCase.kind === "exempt") continue;
    it(`${key}: every role of A is refused on B's objects, with none of B's data`, async () => {
      for (const role of ROLES) {
        const session = sessions.get(role)!;
        const results = await Promise.all(testCase.attempts({ session, b, a }));
        for (const [i, result] of results.entries()) {
          const where = `${role} attempt ${i + 1}`;
          expect(leaks(result), where).toEqual([]);
          if (testCase.kind === "refused") {
            const r = result as THandlerResult<unknown>;
            expect(r.ok, `${where}: ${JSON.stringify(r)}`).toBe(false);
            if (!r.ok) expect([403, 404], `${where}: ${JSON.stringify(r)}`).toContain(r.status);
          }
          if (testCase.kind === "public") {
            const r = result as THandlerResult<{ ok: boolean }>;
            // the public handlers answer alike for every address: nothing about B comes back.
            if (r.ok && key.includes("acceptInvitation")) expect(r.data.ok, where).toBe(false);
            if (r.ok && key.includes("resetPassword")) expect(r.data.ok, where).toBe(false);
          }
        }
      }
    });
  }

  it("left B's rows as they were", async () => {
    const customer = await ownerDb().customer.findUniqueOrThrow({ where: { id: b.customerId } });
    expect(customer).toMatchObject({ name: b.customerName, status: "ACTIVE", tier: "STANDARD", suspendedReason: null });
    expect(await ownerDb().dealer.findMany({ where: { customerId: b.customerId } })).toHaveLength(1);
    expect(
      await ownerDb().department.findMany({ where: { customerId: b.customerId }, select: { name: true, kind: true } }),
    ).toEqual([{ name: "B Sales", kind: "SALES" }]);
    expect(await ownerDb().invitation.count({ where: { customerId: b.customerId } })).toBe(0);
    expect(await ownerDb().membership.findUniqueOrThrow({ where: { id: b.membershipId } })).toMatchObject({
      status: "ACTIVE",
      role: "ADMIN",
    });
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: b.userId } })).toMatchObject({
      status: "ACTIVE",
      totpEnabledAt: null,
    });
    expect((await ownerDb().userSession.findUniqueOrThrow({ where: { id: b.sessionId } })).revokedAt).toBeNull();
    expect(await ownerDb().subscription.findUniqueOrThrow({ where: { id: b.subscriptionId } })).toMatchObject({
      initialTermMonths: 12,
      tier: "STANDARD",
    });
    expect(await ownerDb().misuseReport.count({ where: { customerId: b.customerId } })).toBe(0);
    // B's website chat: channel, contact, conversation, messages, file, retention and contract as they were.
    expect(await snapshotB()).toEqual(before);
    expect(before.contacts).toHaveLength(1);
    expect(before.messages).toBeGreaterThanOrEqual(3);
    // The only mail B's people may get is the public "forgot password" answer (sent to the owner of the address).
    const sent = sink.mails.filter((m) => !m.subject.includes("new Forecourt password"));
    expect(sent.map((m) => `${m.to.join(",")}: ${m.subject}`)).toEqual([]);
  });
});

/** What of the sibling dealer's conversations a scoped member must never receive. */
function siblingLeaks(body: unknown): string[] {
  const text = JSON.stringify(body) ?? "";
  return [
    s.contactId,
    s.contactName,
    s.contactEmail,
    s.conversationId,
    s.messageBody,
    s.attachmentId,
    s.fileName,
    s.sharedConversationId,
    s.sharedMessageBody,
    s.metaChannelId,
    s.verifyToken,
    s.cannedReplyId,
    s.cannedBody,
    s.labelId,
    s.labelName,
    s.apiKeyId,
    s.apiKeyName,
    s.allDealersKeyId,
    s.allDealersKeyName,
    s.leadFormId,
    s.leadDeliveryId,
    "sibling-crm@a-sibling.test",
    "Sibling Leadname",
  ].filter((secret) => text.includes(secret));
}

describe("isolation suite within a tenant (dealer scope)", () => {
  it("has a dealer-scope case for every API route, server action and page loader", () => {
    const found = enumerateEntryPoints();
    const missing = found.filter((key) => !(key in SCOPE_CASES));
    const stale = Object.keys(SCOPE_CASES).filter((key) => !found.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(found.filter((key) => key.startsWith("page:")).length).toBeGreaterThanOrEqual(3);
  });

  for (const [key, scopeCase] of Object.entries(SCOPE_CASES)) {
    if ("exempt" in scopeCase) continue;
    it(`${key}: members scoped to one dealer get none of the sibling dealer's rows`, async () => {
      for (const role of SCOPED_ROLES) {
        const session = scopedSessions.get(role)!;
        const refused = await Promise.all(scopeCase.refused?.({ session, s, a }) ?? []);
        for (const [i, r] of refused.entries()) {
          const where = `scoped ${role} refused attempt ${i + 1}: ${JSON.stringify(r)}`;
          expect(siblingLeaks(r), where).toEqual([]);
          expect(r.ok, where).toBe(false);
          if (!r.ok) expect([403, 404], where).toContain(r.status);
        }
        const own = await Promise.all(scopeCase.own?.({ session, s, a }) ?? []);
        for (const [i, r] of own.entries()) {
          expect(siblingLeaks(r), `scoped ${role} attempt ${i + 1}: ${JSON.stringify(r)}`).toEqual([]);
        }
      }
    });
  }

  it("an all-dealers member of the same tenant still sees the sibling dealer's contact and conversation", async () => {
    const session = sessions.get("ADMIN")!;
    const record = await loadContactRecordPage(session, { contactId: s.contactId }, meta);
    expect(record.ok && record.data.contact.name).toBe(s.contactName);
    const shared = await loadContactRecordPage(session, { contactId: s.sharedContactId }, meta);
    expect(shared.ok && shared.data.held.conversations).toBe(2);
    const list = await loadContactsPage(session, { q: s.contactEmail.split("@")[0] }, meta);
    expect(list.ok && list.data.contacts.map((c) => c.id)).toEqual([s.contactId]);
    const inbox = await loadInboxPage(session, { c: s.conversationId }, meta);
    expect(inbox.ok && inbox.data.selectedId).toBe(s.conversationId);
    const conversation = await handleGetConversation(session, { id: s.conversationId });
    expect(conversation.ok).toBe(true);
  });

  it("API keys within a tenant: a scoped admin keeps to their dealer, agents and supervisors are refused", async () => {
    for (const role of ["OWNER", "ADMIN"] as const) {
      const session = scopedSessions.get(role)!;
      for (const dealerIds of [[s.dealerId], [], [a.dealerId, s.dealerId]]) {
        const r = await handleCreateApiKey(session, apiKeyInput(dealerIds));
        expect(r.ok === false && r.status, `${role} ${JSON.stringify(dealerIds)}`).toBe(400);
        expect(r.ok === false && r.issues?.map((i) => i.path)).toEqual(["dealerIds"]);
      }
      const own = await handleCreateApiKey(session, { ...apiKeyInput([a.dealerId]), name: `Own ${role} key` });
      expect(own.ok && own.data.token).toMatch(/^fc_live_/);
      const listed = await loadApiKeysPage(session, undefined, meta);
      expect(listed.ok && listed.data.keys.map((k) => k.name)).toContain(`Own ${role} key`);
      expect(listed.ok && listed.data.dealers.map((d) => d.id)).toEqual([a.dealerId]);
      expect(listed.ok && listed.data.mayAllDealers).toBe(false);
    }
    for (const role of ["SUPERVISOR", "AGENT"] as const) {
      const session = scopedSessions.get(role)!;
      const unscoped = sessions.get(role)!;
      for (const r of [
        await loadApiKeysPage(session, undefined, meta),
        await loadApiKeysPage(unscoped, undefined, meta),
        await handleCreateApiKey(unscoped, apiKeyInput([])),
        await handleRevokeApiKey(unscoped, { id: s.allDealersKeyId }),
      ]) {
        expect(r.ok === false && r.status, role).toBe(403);
      }
    }
    // An all-dealers admin of the same tenant does see (and may revoke) both keys.
    const all = await loadApiKeysPage(sessions.get("ADMIN")!, undefined, meta);
    expect(all.ok && all.data.keys.map((k) => k.id)).toEqual(expect.arrayContaining([s.apiKeyId, s.allDealersKeyId]));
  });

  it("left the sibling dealer's rows as they were", async () => {
    expect(await snapshotSibling()).toEqual(sBefore);
    expect(sBefore.conversations).toHaveLength(2);
    expect(sBefore.attachments).toHaveLength(1);
  });
});

// After both suites above: their attempts ran; Iso API B must be as it was.
describe("isolation suite: API channel", () => {
  it("a contact token still works on its own inbox (the refusals above are not a broken route)", async () => {
    const own = await handleClientListConversations(api.aInbox, api.aToken, undefined, apiMeta());
    expect(own.ok && own.data.conversations.map((c) => c.id)).toEqual([api.aConversationId]);
  });

  it("left Iso API B's channel, contact, conversation and messages as they were", async () => {
    expect(await apiSnapshot()).toEqual(apiBefore);
    expect(apiBefore).toMatchObject({ messages: 1, contacts: 1, conversations: 1 });
  });
});
