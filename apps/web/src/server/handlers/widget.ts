import { z } from "zod";
import { getConfig } from "@forecourt/config";
import { ChatError } from "@forecourt/core/chat/agent";
import { consumeChatLimit } from "@forecourt/core/chat/chat-limits";
import { getPublicWidget } from "@forecourt/core/chat/get-public-widget";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { verifyAttachmentLink } from "@forecourt/core/chat/message-event";
import {
  listVisitorConversations,
  resolveVisitorSession,
  type TVisitor,
} from "@forecourt/core/chat/resolve-visitor-session";
import { readAttachment, sendAttachment } from "@forecourt/core/chat/save-attachment";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { issueFrameTicket, verifyFrameTicket } from "@forecourt/core/chat/widget-frame-ticket";
import { ZSeqParam, ZStartConversation } from "@forecourt/protocol";
import { clientIp } from "../client-ip";
import { readJsonBody, readUploadBody, UPLOAD_MAX_BYTES } from "../http/read-body";
import { chatRun, refuse } from "./chat-result";
import type { THandlerResult } from "./result";

/*
 * The website chat (public by design). The only authorities are the widget's public key with
 * the page origin (checked against the channel's allowed origins) and the visitor token, which
 * names one contact on one channel of one tenant; a signed link is the only way to a file.
 */

/** The widget visitor named by `Authorization: Bearer <visitor token>`, or null. */
export async function visitorOf(request: Request): Promise<TVisitor | null> {
  const header = request.headers.get("authorization") ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  return token ? resolveVisitorSession({ token }) : null;
}

const noVisitor = refuse(401, "unauthorized", "Start a new chat");

/** The header in which the widget iframe returns the frame ticket its page was served with. */
export const FRAME_TICKET_HEADER = "x-forecourt-frame";

/**
 * The embedding page's origin of a widget request, never a value the caller writes into the
 * body or query: cross-origin (the loader on the dealer's page, or that page calling us
 * directly) it is the browser's Origin header; same-origin (our own iframe, whose requests
 * carry the app's Origin) it is the origin the frame ticket vouches for (widget-frame-ticket.ts).
 */
function widgetOriginOf(request: Request, key: string): { origin: string | null; crossOrigin: boolean } {
  const headerOrigin = request.headers.get("origin");
  const appOrigin = new URL(getConfig().WEB_URL).origin;
  if (headerOrigin !== null && headerOrigin !== appOrigin) return { origin: headerOrigin, crossOrigin: true };
  return { origin: verifyFrameTicket(request.headers.get(FRAME_TICKET_HEADER), key), crossOrigin: false };
}

/**
 * GET /api/widget/config?key=: a widget's public settings, for the page origin of
 * widgetOriginOf (the browser's Origin for the loader; the frame ticket for the iframe).
 */
export async function handleWidgetConfig(request: Request) {
  const key = new URL(request.url).searchParams.get("key") ?? "";
  const { origin, crossOrigin } = widgetOriginOf(request, key);
  const lookup = await getPublicWidget({ key, origin });
  if (!lookup.ok) {
    return refuse(lookup.reason === "not_found" ? 404 : 403, lookup.reason, "This website may not use this chat");
  }
  return {
    ok: true as const,
    data: {
      widget: { ...lookup.widget, gatewayUrl: getConfig().GATEWAY_URL },
      allowOrigin: crossOrigin ? origin : null,
    },
  };
}

/**
 * GET /widget/frame?key=&origin=: the iframe page. Served only for an allowed `origin`, with
 * `frame-ancestors` that one origin (so the browser shows it only inside a page of it) and a
 * frame ticket vouching for it, which the widget sends back on its requests.
 */
export async function handleWidgetFrame(request: Request): Promise<THandlerResult<{ csp: string; ticket: string }>> {
  const url = new URL(request.url);
  const key = url.searchParams.get("key") ?? "";
  const lookup = await getPublicWidget({ key, origin: url.searchParams.get("origin") });
  if (!lookup.ok) return refuse(403, lookup.reason, "This website may not show this chat.");
  // The allowed entry itself (exact match, case-insensitive), not the raw query value.
  const origin = lookup.widget.config.allowedOrigins.find(
    (o) => o.toLowerCase() === url.searchParams.get("origin")?.toLowerCase(),
  )!;
  const gateway = new URL(getConfig().GATEWAY_URL);
  const ws = `${gateway.protocol === "https:" ? "wss:" : "ws:"}//${gateway.host}`;
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data: https:",
    `connect-src 'self' ${ws} ${gateway.origin}`,
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${origin}`,
  ].join("; ");
  return { ok: true, data: { csp, ticket: issueFrameTicket({ key, origin }) } };
}

/** POST /api/widget/conversations: the pre-chat (or offline) form; returns the visitor's token. */
export async function handleStartConversation(request: Request) {
  let body: unknown;
  try {
    body = await readJsonBody(request);
  } catch (error) {
    return chatRun(() => Promise.reject(error));
  }
  const key = body && typeof body === "object" && "key" in body && typeof body.key === "string" ? body.key : "";
  // The page origin comes from the request (widgetOriginOf); an `origin` in the body is ignored.
  const { origin } = widgetOriginOf(request, key);
  if (!origin) return refuse(403, "forbidden", "This website may not use this chat");
  const parsed = ZStartConversation.safeParse({ ...(body as object), origin });
  if (!parsed.success) return chatRun(() => Promise.reject(parsed.error));
  const lookup = await getPublicWidget({ key: parsed.data.key, origin: parsed.data.origin });
  if (!lookup.ok) return refuse(403, "forbidden", "This website may not use this chat");
  const ip = clientIp(request.headers);
  const limit = await consumeChatLimit("conversations", ip, lookup.widget.channelId);
  if (!limit.ok) {
    return refuse(429, "rate_limited", `Too many new chats; try again in ${limit.retryAfterSeconds} s`, {
      "retry-after": String(limit.retryAfterSeconds),
    });
  }
  return chatRun(async () => {
    const started = await startVisitorConversation({ input: parsed.data, ip });
    return { token: started.token, conversationId: started.conversationId };
  });
}

/** GET /api/widget/conversation: a returning visitor's latest conversation with its latest messages. */
export async function handleVisitorConversation(request: Request) {
  const visitor = await visitorOf(request);
  if (!visitor) return noVisitor;
  return chatRun(async () => {
    const [latest] = await listVisitorConversations(visitor);
    if (!latest) return refuse(404, "not_found", "No conversation");
    const messages = await listMessagesBefore({ reader: { visitor }, conversationId: latest.id });
    return {
      ok: true as const,
      data: {
        conversationId: latest.id,
        status: latest.status,
        contactReadSeq: latest.contactReadSeq,
        agentReadSeq: latest.agentReadSeq,
        messages,
      },
    };
  }).then((result) => (result.ok ? result.data : result));
}

const ZMessagesQuery = z.object({ conversationId: z.uuid(), before: ZSeqParam });

/** GET /api/widget/messages?conversationId=&before=: older messages of the visitor's own conversation. */
export async function handleVisitorMessages(request: Request) {
  const visitor = await visitorOf(request);
  if (!visitor) return noVisitor;
  return chatRun(async () => {
    const query = ZMessagesQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const messages = await listMessagesBefore({
      reader: { visitor },
      conversationId: query.conversationId,
      beforeSeq: query.before,
    });
    return { messages };
  });
}

const ZUploadFields = z.object({ conversationId: z.uuid(), clientId: z.string().min(8).max(64) });

/** POST /api/widget/upload (multipart): a visitor sends an image or PDF to their own conversation. */
export async function handleVisitorUpload(request: Request) {
  const visitor = await visitorOf(request);
  if (!visitor) return noVisitor;
  if (Number(request.headers.get("content-length") ?? 0) > UPLOAD_MAX_BYTES) {
    return refuse(413, "payload_too_large", "File refused: too large (10 MB at most)");
  }
  const limit = await consumeChatLimit("uploads", clientIp(request.headers), visitor.channelId);
  if (!limit.ok) return refuse(429, "rate_limited", `Too many files; try again in ${limit.retryAfterSeconds} s`);
  return chatRun(async () => {
    const form = await readUploadBody(request, { maxBytes: UPLOAD_MAX_BYTES });
    const fields = ZUploadFields.parse({ conversationId: form.get("conversationId"), clientId: form.get("clientId") });
    const file = form.get("file");
    if (!(file instanceof File)) throw new ChatError("invalid_payload", "No file");
    const result = await sendAttachment({
      sender: { visitor },
      ...fields,
      fileName: file.name,
      declaredType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return { ok: true as const, id: result.id, seq: result.seq, message: result.event };
  });
}

const UUID = /^[0-9a-f-]{36}$/;

/** GET /api/attachments/:customerId/:attachmentId?exp=&sig=: a file, by signed link only. */
export async function handleAttachment(raw: { customerId: string; attachmentId: string; exp: string; sig: string }) {
  const { customerId, attachmentId } = raw;
  if (
    !UUID.test(customerId) ||
    !UUID.test(attachmentId) ||
    !verifyAttachmentLink(customerId, attachmentId, raw.exp, raw.sig)
  ) {
    return refuse(404, "not_found", "Not found");
  }
  const file = await readAttachment({ customerId, attachmentId });
  if (!file) return refuse(404, "not_found", "Not found");
  return { ok: true as const, data: file };
}
