import { getConfig } from "@forecourt/config";
import { consumeChatLimit } from "@forecourt/core/chat/chat-limits";
import { getPublicWidget } from "@forecourt/core/chat/get-public-widget";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { verifyAttachmentLink } from "@forecourt/core/chat/message-event";
import { listVisitorConversations } from "@forecourt/core/chat/resolve-visitor-session";
import { ZUploadFields, ZVisitorMessagesQuery } from "@forecourt/core/chat/upload-fields";
import { ForbiddenError, NotFoundError, RateLimitedError } from "@forecourt/core/errors";
import { readAttachment } from "@forecourt/core/chat/save-attachment";
import { sendUploadedFile } from "@forecourt/core/chat/send-uploaded-file";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { issueFrameTicket, verifyFrameTicket } from "@forecourt/core/chat/widget-frame-ticket";
import { readJsonBody } from "../http/read-body";
import {
  ZHttpUrl,
  ZStartConversation,
  ZStartConversationExtras,
  ZVehicleOfInterest,
  ZWidgetIdentity,
} from "@forecourt/protocol";
import { clientIp } from "../client-ip";
import { defineVisitorHandler, parseInput } from "../define-handler";
import { run, type THandlerResult } from "./result";

/*
 * The website chat (public by design). The only authorities are the widget's public key with
 * the page origin (checked against the channel's allowed origins) and the visitor token, which
 * names one contact on one channel of one tenant; a signed link is the only way to a file.
 */

/** The header in which the widget iframe returns the frame ticket its page was served with. */
export const FRAME_TICKET_HEADER = "x-forecourt-frame";

/**
 * The embedding page's origin of a widget request, never a value the caller writes into the
 * body or query: cross-origin (the loader on the dealer's page, or that page calling us
 * directly) it is the browser's Origin header; same-origin (our own iframe, whose requests
 * carry the app's Origin) it is the origin the frame ticket vouches for (widget-frame-ticket.ts).
 */
export function widgetOriginOf(request: Request, key: string): { origin: string | null; crossOrigin: boolean } {
  const headerOrigin = request.headers.get("origin");
  const appOrigin = new URL(getConfig().WEB_URL).origin;
  if (headerOrigin !== null && headerOrigin !== appOrigin) return { origin: headerOrigin, crossOrigin: true };
  return { origin: verifyFrameTicket(request.headers.get(FRAME_TICKET_HEADER), key), crossOrigin: false };
}

/**
 * GET /api/widget/config?key=: a widget's public settings, for the page origin of
 * widgetOriginOf (the browser's Origin for the loader; the frame ticket for the iframe).
 */
export function handleWidgetConfig(request: Request) {
  return run(async () => {
    const key = new URL(request.url).searchParams.get("key") ?? "";
    const { origin, crossOrigin } = widgetOriginOf(request, key);
    const lookup = await getPublicWidget({ key, origin });
    if (!lookup.ok) throw widgetRefusal(lookup.reason);
    return {
      widget: { ...lookup.widget, gatewayUrl: getConfig().GATEWAY_URL },
      allowOrigin: crossOrigin ? origin : null,
    };
  });
}

/** A widget key that is unknown (404) or used on a site its channel does not list (403). */
function widgetRefusal(reason: string) {
  return reason === "not_found"
    ? new NotFoundError("widget")
    : new ForbiddenError("origin_not_allowed", "This website may not use this chat.");
}

/**
 * GET /widget/frame?key=&origin=: the iframe page. Served only for an allowed `origin`, with
 * `frame-ancestors` that one origin (so the browser shows it only inside a page of it) and a
 * frame ticket vouching for it, which the widget sends back on its requests.
 */
export function handleWidgetFrame(request: Request): Promise<THandlerResult<{ csp: string; ticket: string }>> {
  return run(async () => {
    const url = new URL(request.url);
    const key = url.searchParams.get("key") ?? "";
    const lookup = await getPublicWidget({ key, origin: url.searchParams.get("origin") });
    if (!lookup.ok) throw widgetRefusal(lookup.reason);
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
    return { csp, ticket: issueFrameTicket({ key, origin }) };
  });
}

/** The start's `identity` and `vehicle` that parse, and a console line for each that does not. */
function startExtras(body: Record<string, unknown>) {
  const warnings: string[] = [];
  const pick = <T>(
    name: string,
    result:
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
      | null,
  ) => {
    if (!result) return undefined;
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    warnings.push(`${name} refused: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"}`);
    return undefined;
  };
  const value = {
    identity: pick("identify", body.identity === undefined ? null : ZWidgetIdentity.safeParse(body.identity)),
    vehicle: pick("setVehicle", body.vehicle === undefined ? null : ZVehicleOfInterest.safeParse(body.vehicle)),
    // Context for routing; a bad value is dropped quietly (the visitor cannot fix it).
    page: typeof body.page === "string" ? ZHttpUrl.safeParse(body.page.slice(0, 500)).data : undefined,
    locale: ZStartConversationExtras.shape.locale.safeParse(body.locale).data,
  };
  return { value, warnings };
}

/** POST /api/widget/conversations: the pre-chat (or offline) form; returns the visitor's token. */
export function handleStartConversation(request: Request) {
  return run(async () => {
    const body = await readJsonBody(request);
    const key = body && typeof body === "object" && "key" in body && typeof body.key === "string" ? body.key : "";
    // The page origin comes from the request (widgetOriginOf); an `origin` in the body is ignored.
    const { origin } = widgetOriginOf(request, key);
    if (!origin) throw widgetRefusal("origin_not_allowed");
    const input = parseInput(ZStartConversation, { ...(body as object), origin });
    const lookup = await getPublicWidget({ key: input.key, origin: input.origin });
    if (!lookup.ok) throw widgetRefusal(lookup.reason);
    const ip = clientIp(request.headers);
    const limit = await consumeChatLimit("conversations", ip, lookup.widget.channelId);
    if (!limit.ok) {
      throw new RateLimitedError(
        limit.retryAfterSeconds,
        `Too many new chats; try again in ${limit.retryAfterSeconds} s`,
      );
    }
    // The JavaScript API's identity and car: one that does not parse is left out (and named in
    // `warnings` for the host page's console), so it never keeps the visitor from chatting.
    const extras = startExtras(body as Record<string, unknown>);
    const started = await startVisitorConversation({ input, extras: extras.value, ip });
    return {
      token: started.token,
      conversationId: started.conversationId,
      identity:
        started.identity &&
        (started.identity.ok ? { verified: true } : { verified: false, reason: started.identity.reason }),
      warnings: [
        ...extras.warnings,
        ...(started.identity && !started.identity.ok
          ? [`identify refused (${started.identity.reason}); the chat stays anonymous`]
          : []),
      ],
    };
  });
}

/** GET /api/widget/conversation: a returning visitor's latest conversation with its latest messages. */
export const handleVisitorConversation = defineVisitorHandler({}, async ({ visitor }) => {
  const [latest] = await listVisitorConversations(visitor);
  if (!latest) throw new NotFoundError("conversation");
  const messages = await listMessagesBefore({ reader: { visitor }, conversationId: latest.id });
  return {
    conversationId: latest.id,
    status: latest.status,
    contactReadSeq: latest.contactReadSeq,
    agentReadSeq: latest.agentReadSeq,
    messages,
  };
});

/** GET /api/widget/messages?conversationId=&before=: older messages of the visitor's own conversation. */
export const handleVisitorMessages = defineVisitorHandler(
  { input: ZVisitorMessagesQuery },
  async ({ visitor, input }) => ({
    messages: await listMessagesBefore({
      reader: { visitor },
      conversationId: input.conversationId,
      beforeSeq: input.before,
    }),
  }),
);

/** POST /api/widget/upload (multipart, read with a size bound by the route): a visitor sends an image or PDF. */
export const handleVisitorUpload = defineVisitorHandler({ input: ZUploadFields }, async ({ visitor, input, meta }) => {
  const limit = await consumeChatLimit("uploads", meta.ip ?? "unknown", visitor.channelId);
  if (!limit.ok)
    throw new RateLimitedError(limit.retryAfterSeconds, `Too many files; try again in ${limit.retryAfterSeconds} s`);
  return sendUploadedFile({ sender: { visitor }, upload: input });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** GET /api/attachments/:customerId/:attachmentId?exp=&sig=: a file, by signed link only. */
export function handleAttachment(raw: { customerId: string; attachmentId: string; exp: string; sig: string }) {
  return run(async () => {
    const { customerId, attachmentId } = raw;
    const signed =
      UUID.test(customerId) &&
      UUID.test(attachmentId) &&
      verifyAttachmentLink(customerId, attachmentId, raw.exp, raw.sig);
    const file = signed ? await readAttachment({ customerId, attachmentId }) : null;
    if (!file) throw new NotFoundError("attachment");
    return file;
  });
}
