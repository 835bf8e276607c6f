import { z } from "zod";
import { getConfig } from "@forecourt/config";
import { assignConversation } from "@forecourt/core/chat/assign-conversation";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { listConversations, ZListConversations } from "@forecourt/core/chat/list-conversations";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { ZSeqParam } from "@forecourt/protocol";
import { issueRealtimeToken } from "@forecourt/core/chat/realtime-token";
import { sendUploadedFile } from "@forecourt/core/chat/send-uploaded-file";
import { ZUploadFields } from "@forecourt/core/chat/upload-fields";
import { setConversationStatus, ZConversationStatusAction } from "@forecourt/core/chat/set-conversation-status";
import { setConversationPriority, ZConversationPriority } from "@forecourt/core/chat/set-conversation-priority";
import { createLabel } from "@forecourt/core/labels/create-label";
import { ZCreateLabel, ZListLabels } from "@forecourt/core/labels/label-input";
import { listLabels } from "@forecourt/core/labels/list-labels";
import { setConversationLabel } from "@forecourt/core/labels/set-conversation-label";
import { updateContact, ZUpdateContact } from "@forecourt/core/chat/update-contact";
import { updateWidgetChannel, ZUpdateWidgetChannel } from "@forecourt/core/chat/widget-channels";
import { InvalidInputError } from "@forecourt/core/errors";
import type { TTenantPrincipal } from "@forecourt/core/principal";
import { defineHandler } from "../define-handler";

/*
 * The inbox (agents of the active tenant): the wrapper asks the permission matrix, then core
 * loads every object inside the agent's tenant and dealer scope, so a foreign or guessed id is
 * "not found".
 */

const ZId = z.object({ id: z.uuid() });

/** GET /api/inbox/conversations: the list, ?view=&dealerId=&departmentId=&before= */
export const handleListConversations = defineHandler(
  { permission: "inbox.view", input: ZListConversations },
  async ({ principal, input }) => ({
    conversations: await listConversations({ agent: principal, input, hideUnstarted: true }),
  }),
);

/** GET /api/inbox/conversations/:id: one conversation with its latest page of messages (notes included). */
export const handleGetConversation = defineHandler(
  { permission: "inbox.view", input: ZId },
  async ({ principal, input }) => {
    const conversation = await getConversation({ agent: principal, conversationId: input.id });
    const messages = await listMessagesBefore({ reader: { agent: principal }, conversationId: input.id });
    return { conversation, messages };
  },
);

const ZConversationAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("assign"), assigneeId: z.uuid().nullable() }),
  z.object({ action: z.literal("transfer"), departmentId: z.uuid().nullable() }),
  z.object({ action: z.literal("priority"), priority: ZConversationPriority }),
  z.object({ action: z.literal("label"), labelId: z.uuid() }),
  z.object({ action: z.literal("unlabel"), labelId: z.uuid() }),
  ...ZConversationStatusAction.options,
]);
type TConversationAction = z.infer<typeof ZConversationAction>;

/** Triage (conversations.assign): who, which department, priority, labels. */
const TRIAGE = new Set(["assign", "transfer", "priority", "label", "unlabel"]);

async function runConversationAction(agent: TTenantPrincipal, conversationId: string, action: TConversationAction) {
  switch (action.action) {
    case "assign":
      return assignConversation({ agent, input: { conversationId, assigneeId: action.assigneeId } });
    case "transfer":
      return assignConversation({ agent, input: { conversationId, departmentId: action.departmentId } });
    case "priority":
      await setConversationPriority({ agent, input: { conversationId, priority: action.priority } });
      return null;
    case "label":
    case "unlabel":
      await setConversationLabel({
        agent,
        input: { conversationId, labelId: action.labelId, action: action.action === "label" ? "add" : "remove" },
      });
      return null;
    default:
      return setConversationStatus({ agent, input: { conversationId, ...action } });
  }
}

const conversationAction = (permission: "conversations.assign" | "conversations.manage") =>
  defineHandler(
    { permission, input: ZId.extend({ body: ZConversationAction }) },
    async ({ principal: agent, input: { id: conversationId, body: action } }) => {
      // The permission chosen by the action word must be the one the parsed action needs.
      if (TRIAGE.has(action.action) !== (permission === "conversations.assign"))
        throw new InvalidInputError("Unknown action");
      return { conversation: await runConversationAction(agent, conversationId, action) };
    },
  );
const triage = conversationAction("conversations.assign");
const manageStatus = conversationAction("conversations.manage");

/**
 * POST /api/inbox/conversations/:id: assign, transfer, priority, label, unlabel (conversations.assign);
 * close, reopen, snooze (conversations.manage).
 */
export const handleConversationAction: typeof manageStatus = (session, raw, meta) => {
  const action = (raw as { body?: { action?: unknown } } | null)?.body?.action;
  return (typeof action === "string" && TRIAGE.has(action) ? triage : manageStatus)(session, raw, meta);
};

/** GET /api/inbox/labels?dealerId=: the labels the agent may use (shared ones and those of their dealers). */
export const handleListLabels = defineHandler(
  { permission: "inbox.view", input: ZListLabels },
  async ({ principal, input }) => ({ labels: await listLabels({ agent: principal, input }) }),
);

/** POST /api/inbox/labels: a new label (the label picker creates one inline). */
export const handleCreateLabel = defineHandler(
  { permission: "conversations.assign", input: ZCreateLabel },
  async ({ principal, input }) => ({ label: await createLabel({ agent: principal, input }) }),
);

/** GET /api/inbox/conversations/:id/messages?before=<seq>: older messages (load on scroll). */
export const handleListMessages = defineHandler(
  { permission: "inbox.view", input: ZId.extend({ before: ZSeqParam }) },
  async ({ principal, input }) => ({
    messages: await listMessagesBefore({
      reader: { agent: principal },
      conversationId: input.id,
      beforeSeq: input.before,
    }),
  }),
);

/** POST /api/inbox/contacts/:id: the contact panel (name, e-mail, phone, legal basis, vehicles). */
export const handleUpdateContact = defineHandler(
  { permission: "contacts.edit", input: ZId.extend({ body: ZUpdateContact.omit({ contactId: true }) }) },
  async ({ principal, input }) => {
    await updateContact({ agent: principal, input: { ...input.body, contactId: input.id } });
    return { ok: true as const };
  },
);

/** POST /api/inbox/upload (multipart, read with a size bound by the route): an agent sends a file. */
export const handleAgentUpload = defineHandler(
  { permission: "conversations.reply", input: ZUploadFields },
  ({ principal, input }) => sendUploadedFile({ sender: { agent: principal }, upload: input }),
);

/** GET /api/realtime/token: a short-lived gateway token for the session's own active tenant (no input). */
export const handleRealtimeToken = defineHandler({ permission: "inbox.view" }, ({ principal }) => ({
  token: issueRealtimeToken({
    sessionId: principal.sessionId ?? "",
    userId: principal.userId,
    customerId: principal.tenant.customerId,
  }),
  url: getConfig().GATEWAY_URL,
}));

/** Settings → Channels: save one widget channel (settings + its dealer's business hours). */
export const handleUpdateWidgetChannel = defineHandler(
  { permission: "settings.channels.manage", input: ZUpdateWidgetChannel },
  ({ principal, input }) => updateWidgetChannel({ agent: principal, input }),
);
