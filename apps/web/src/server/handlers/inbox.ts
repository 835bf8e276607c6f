import { z } from "zod";
import { getConfig } from "@forecourt/config";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { agentFromSession, ChatError } from "@forecourt/core/chat/agent";
import { assignConversation } from "@forecourt/core/chat/assign-conversation";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { listConversations, ZListConversations } from "@forecourt/core/chat/list-conversations";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { issueRealtimeToken } from "@forecourt/core/chat/realtime-token";
import { sendAttachment } from "@forecourt/core/chat/save-attachment";
import { setConversationStatus } from "@forecourt/core/chat/set-conversation-status";
import { updateContact } from "@forecourt/core/chat/update-contact";
import { updateWidgetChannel, ZUpdateWidgetChannel } from "@forecourt/core/chat/widget-channels";
import { ZSeqParam } from "@forecourt/protocol";
import { readUploadBody, UPLOAD_MAX_BYTES } from "../http/read-body";
import { sessionCan } from "../principal";
import { agentGate, chatRun, refuse } from "./chat-result";
import type { THandlerResult } from "./result";

/*
 * The inbox (agents of the active tenant): each handler asks the permission matrix through
 * agentGate, then core loads every object inside the agent's tenant and dealer scope, so a
 * foreign or guessed id is "not found".
 */

const ZId = z.uuid();

/** GET /api/inbox/conversations: the list, ?view=&dealerId=&departmentId=&before= */
export async function handleListConversations(session: TSessionContext | null, raw: Record<string, string>) {
  const gate = agentGate(session, "inbox.view");
  if ("ok" in gate) return gate;
  const params = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
  return chatRun(async () => ({
    conversations: await listConversations({ agent: gate.agent, input: ZListConversations.parse(params) }),
  }));
}

/** GET /api/inbox/conversations/:id: one conversation with its latest page of messages (notes included). */
export async function handleGetConversation(session: TSessionContext | null, raw: { id: string }) {
  const gate = agentGate(session, "inbox.view");
  if ("ok" in gate) return gate;
  return chatRun(async () => {
    const id = ZId.parse(raw.id);
    const conversation = await getConversation({ agent: gate.agent, conversationId: id });
    const messages = await listMessagesBefore({ reader: { agent: gate.agent }, conversationId: id });
    return { conversation, messages };
  });
}

const ZConversationAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("assign"), assigneeId: z.uuid().nullable() }),
  z.object({ action: z.literal("transfer"), departmentId: z.uuid().nullable() }),
  z.object({ action: z.literal("close") }),
  z.object({ action: z.literal("reopen") }),
  z.object({ action: z.literal("snooze"), until: z.iso.datetime() }),
]);

/** POST /api/inbox/conversations/:id: assign, transfer, close, reopen, snooze. */
export async function handleConversationAction(session: TSessionContext | null, raw: { id: string; body: unknown }) {
  const body = ZConversationAction.safeParse(raw.body);
  if (!body.success) return chatRun(() => Promise.reject(body.error));
  const action = body.data;
  const gate = agentGate(
    session,
    action.action === "assign" || action.action === "transfer" ? "conversations.assign" : "conversations.manage",
  );
  if ("ok" in gate) return gate;
  const { agent } = gate;
  return chatRun(async () => {
    const conversationId = ZId.parse(raw.id);
    const summary =
      action.action === "assign"
        ? await assignConversation({ agent, input: { conversationId, assigneeId: action.assigneeId } })
        : action.action === "transfer"
          ? await assignConversation({ agent, input: { conversationId, departmentId: action.departmentId } })
          : await setConversationStatus({ agent, input: { conversationId, ...action } });
    return { conversation: summary };
  });
}

/** GET /api/inbox/conversations/:id/messages?before=<seq>: older messages (load on scroll). */
export async function handleListMessages(session: TSessionContext | null, raw: { id: string; before: unknown }) {
  const gate = agentGate(session, "inbox.view");
  if ("ok" in gate) return gate;
  return chatRun(async () => {
    const input = z.object({ id: z.uuid(), before: ZSeqParam }).parse(raw);
    const messages = await listMessagesBefore({
      reader: { agent: gate.agent },
      conversationId: input.id,
      beforeSeq: input.before,
    });
    return { messages };
  });
}

/** POST /api/inbox/contacts/:id: the contact panel (name, e-mail, phone, legal basis, vehicles). */
export async function handleUpdateContact(session: TSessionContext | null, raw: { id: string; body: unknown }) {
  const gate = agentGate(session, "contacts.edit");
  if ("ok" in gate) return gate;
  const body = raw.body && typeof raw.body === "object" ? raw.body : {};
  return chatRun(async () => {
    await updateContact({ agent: gate.agent, input: { ...body, contactId: raw.id } });
    return { ok: true as const };
  });
}

const ZUploadFields = z.object({ conversationId: z.uuid(), clientId: z.string().min(8).max(64) });

/** POST /api/inbox/upload (multipart): an agent sends a file; core checks size, type and magic bytes. */
export async function handleAgentUpload(session: TSessionContext | null, request: Request) {
  const gate = agentGate(session, "conversations.reply");
  if ("ok" in gate) return gate;
  return chatRun(async () => {
    const form = await readUploadBody(request, { maxBytes: UPLOAD_MAX_BYTES });
    const fields = ZUploadFields.parse({ conversationId: form.get("conversationId"), clientId: form.get("clientId") });
    const file = form.get("file");
    if (!(file instanceof File)) throw new ChatError("invalid_payload", "No file");
    const result = await sendAttachment({
      sender: { agent: gate.agent },
      ...fields,
      fileName: file.name,
      declaredType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return { ok: true as const, id: result.id, seq: result.seq, message: result.event };
  });
}

/** GET /api/realtime/token: a short-lived gateway token for the session's own active tenant (no input). */
export function handleRealtimeToken(session: TSessionContext | null): THandlerResult<{ token: string; url: string }> {
  if (!session) return refuse(401, "unauthorized", "Sign in again");
  if (!session.active || !sessionCan(session, "inbox.view")) return refuse(403, "forbidden", "No inbox access");
  const token = issueRealtimeToken({
    sessionId: session.sessionId,
    userId: session.user.id,
    customerId: session.active.customerId,
  });
  return { ok: true, data: { token, url: getConfig().GATEWAY_URL } };
}

/** Settings → Channels: save one widget channel (settings + its dealer's business hours). */
export async function handleUpdateWidgetChannel(session: TSessionContext | null, raw: unknown) {
  if (!session) return refuse(401, "unauthorized", "Sign in again");
  const agent = agentFromSession(session);
  if (
    !agent ||
    !sessionCan(session, "settings.channels.manage") ||
    !sessionCan(session, "settings.departments.manage")
  ) {
    return refuse(403, "forbidden", "forbidden");
  }
  const parsed = ZUpdateWidgetChannel.safeParse(raw);
  if (!parsed.success) {
    return refuse(400, "invalid", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return chatRun(() => updateWidgetChannel({ agent, input: parsed.data }));
}
