import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFailure, type TGraphContext } from "./context";
import { fetchAttachment } from "./fetch-attachment";
import { graphError, invalidParameter, invalidToken } from "./graph-error";
import { isRecord, parseJson, sendGraphError, sendJson } from "./http-util";
import { newMid } from "./ids";
import { autoMessengerReceipts } from "./statuses";
import type { TMessengerPage, TSentMessage, TStoredMedia } from "./types";

/*
 * The Messenger Send API (`POST /{page-id}/messages`, `POST /me/messages`) with the page token as
 * `access_token` or bearer. The 24-hour standard window, HUMAN_AGENT up to 7 days, attachments
 * fetched from `payload.url` (our signed links) and kept for the simulator.
 */

const HOUR_MS = 3_600_000;
const MESSAGING_TYPES = ["RESPONSE", "UPDATE", "MESSAGE_TAG"];
const TAGS = ["HUMAN_AGENT", "ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "CUSTOMER_FEEDBACK"];
const ATTACHMENT_TYPES = ["image", "audio", "video", "file"];

const param = (message: string, subcode?: number) => invalidParameter(message, { whatsapp: false, subcode });

export const outsideWindow = () =>
  graphError({
    code: 10,
    subcode: 2018278,
    message:
      "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
    whatsapp: false,
  });

export async function handleMessengerSend(
  ctx: TGraphContext,
  req: IncomingMessage,
  res: ServerResponse,
  page: TMessengerPage | undefined,
  raw: Buffer,
  token: string | null,
) {
  const injected = await applyFailure(req, res, ctx.state.takeFailure("send", page?.pageId ?? null), {
    whatsapp: false,
    sendScope: false,
  });
  if (injected === "handled") return;
  if (!page || !token || token !== page.pageAccessToken) return sendGraphError(res, invalidToken(false));
  const body = parseJson(raw);
  if (!isRecord(body)) return sendGraphError(res, param("Invalid parameter"));
  const psid = isRecord(body.recipient) ? body.recipient.id : undefined;
  if (typeof psid !== "string" || !psid) return sendGraphError(res, param("The parameter recipient is required"));
  if (body.sender_action !== undefined && body.message === undefined) {
    if (!["typing_on", "typing_off", "mark_seen"].includes(String(body.sender_action)))
      return sendGraphError(res, param("Param sender_action must be one of {TYPING_ON, TYPING_OFF, MARK_SEEN}"));
    if (body.sender_action === "mark_seen") ctx.state.events.emit("markedSeen", { pageId: page.pageId, psid });
    return sendJson(res, 200, { recipient_id: psid });
  }
  const messagingType = body.messaging_type === undefined ? "RESPONSE" : String(body.messaging_type);
  if (!MESSAGING_TYPES.includes(messagingType))
    return sendGraphError(res, param(`Param messaging_type must be one of {${MESSAGING_TYPES.join(", ")}}`));
  const tag = typeof body.tag === "string" ? body.tag : null;
  if (messagingType === "MESSAGE_TAG" && !tag)
    return sendGraphError(res, param("Tag is required for MESSAGE_TAG messaging type"));
  if (tag && !TAGS.includes(tag)) return sendGraphError(res, param(`Param tag must be one of {${TAGS.join(", ")}}`));
  const message = body.message;
  if (!isRecord(message)) return sendGraphError(res, param("Must send either message or sender action"));
  const hasText = typeof message.text === "string" && message.text.length > 0;
  const attachment = isRecord(message.attachment) ? message.attachment : null;
  if (hasText === Boolean(attachment)) return sendGraphError(res, param("Must send either text or attachment"));
  if (hasText && (message.text as string).length > 2000)
    return sendGraphError(res, param("Length of param message[text] must be less than or equal to 2000"));

  if (!windowAllows(ctx, page, psid, messagingType, tag)) return sendGraphError(res, outsideWindow());

  let media: TStoredMedia | null = null;
  let type = "text";
  if (attachment) {
    type = String(attachment.type);
    if (!ATTACHMENT_TYPES.includes(type))
      return sendGraphError(
        res,
        param(`Param message[attachment][type] must be one of {${ATTACHMENT_TYPES.join(", ")}}`),
      );
    const payload = isRecord(attachment.payload) ? attachment.payload : {};
    if (typeof payload.attachment_id === "string") {
      media = ctx.state.media.get(payload.attachment_id) ?? null;
      if (!media) return sendGraphError(res, param("Invalid attachment_id", 2018047));
    } else if (typeof payload.url === "string" && payload.url) {
      const fetched = await fetchAttachment(payload.url);
      if ("error" in fetched)
        return sendGraphError(
          res,
          graphError({ code: 100, subcode: 2018047, message: "(#100) Upload attachment failure.", whatsapp: false }),
        );
      media = ctx.state.storeMedia({
        ...fetched,
        fileName: fileNameOf(payload.url),
        channel: "messenger",
        accountId: page.pageId,
      });
    } else return sendGraphError(res, param("Param message[attachment][payload][url] is required"));
  }

  const sent: TSentMessage = {
    id: newMid(),
    channel: "messenger",
    accountId: page.pageId,
    to: psid,
    type,
    payload: body,
    text: hasText ? (message.text as string) : null,
    media: media
      ? { id: media.id, mimeType: media.mimeType, fileName: media.fileName, size: media.bytes.length }
      : null,
    tag,
    at: new Date(ctx.state.now()).toISOString(),
    status: "accepted",
  };
  ctx.state.record(sent);
  sendJson(res, 200, { recipient_id: psid, message_id: sent.id });
  autoMessengerReceipts(ctx, page, sent);
}

function windowAllows(ctx: TGraphContext, page: TMessengerPage, psid: string, type: string, tag: string | null) {
  const last = ctx.state.lastInboundAt("messenger", page.pageId, psid);
  if (last === null) return !ctx.options.strictWindow;
  const age = ctx.state.now() - last;
  if (type !== "MESSAGE_TAG") return age < 24 * HOUR_MS;
  if (tag === "HUMAN_AGENT") return age < 7 * 24 * HOUR_MS;
  return true;
}

function fileNameOf(url: string): string | null {
  try {
    const last = new URL(url).pathname.split("/").pop() ?? "";
    return last && /\.[a-z0-9]{2,5}$/i.test(last) ? decodeURIComponent(last).slice(0, 100) : null;
  } catch {
    return null;
  }
}

/** Messenger attachment URLs are public CDN links (no token), signed so they cannot be guessed. */
export function handleCdn(ctx: TGraphContext, res: ServerResponse, mediaId: string, url: URL) {
  const media = ctx.state.media.get(mediaId);
  if (!media || url.searchParams.get("oh") !== ctx.state.cdnSignature(mediaId)) {
    res.writeHead(403, { "content-type": "text/plain" });
    return res.end("URL signature mismatch");
  }
  res.writeHead(200, { "content-type": media.mimeType, "content-length": media.bytes.length });
  res.end(media.bytes);
}

/** `GET /me` or `GET /{page-id}` with the page token. */
export function handlePageInfo(res: ServerResponse, page: TMessengerPage | undefined, token: string | null) {
  if (!page || token !== page.pageAccessToken) return sendGraphError(res, invalidToken(false));
  return sendJson(res, 200, { name: page.pageName, id: page.pageId });
}

/**
 * The User Profile API: `GET /{psid}?fields=first_name,last_name` with the page token. Webhooks
 * carry no name; this is how a page learns who wrote.
 */
export function handleProfile(
  ctx: TGraphContext,
  res: ServerResponse,
  psid: string,
  token: string | null,
  url: URL,
): boolean {
  const page = ctx.state.pageByToken(token);
  const name = page ? ctx.state.profileOf(page.pageId, psid) : null;
  if (!page || name === null) return false;
  const [first = "", ...rest] = name.trim().split(/\s+/);
  const all: Record<string, string> = { first_name: first, last_name: rest.join(" "), name, id: psid };
  const fields = (url.searchParams.get("fields") ?? "first_name,last_name").split(",").map((f) => f.trim());
  const body: Record<string, string> = { id: psid };
  for (const f of fields) if (all[f] !== undefined) body[f] = all[f];
  sendJson(res, 200, body);
  return true;
}
