import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFailure, type TGraphContext } from "./context";
import { graphError, invalidParameter, invalidToken, unknownObject, type TGraphError } from "./graph-error";
import { baseMime, isRecord, parseForm, parseJson, sendGraphError, sendJson } from "./http-util";
import { newWamid } from "./ids";
import { fetchAttachment } from "./fetch-attachment";
import { autoWhatsAppStatuses, failLater } from "./statuses";
import { fillVariables, templateBody, variableCount } from "./templates";
import type { TSentMessage, TStoredMedia, TWhatsAppAccount } from "./types";

/*
 * The WhatsApp Cloud API endpoints: send (`POST /{phone-number-id}/messages`), upload
 * (`POST /{phone-number-id}/media`), media lookup and download, templates, phone number info.
 * Validation and refusals follow Meta's codes and wording.
 */

const DAY_MS = 24 * 3_600_000;

export const WHATSAPP_TYPES = [
  "audio",
  "contacts",
  "document",
  "image",
  "interactive",
  "location",
  "reaction",
  "sticker",
  "template",
  "text",
  "video",
] as const;
const MEDIA_TYPES = new Set(["audio", "document", "image", "sticker", "video"]);

/** Meta's supported upload types and their size limits. */
const UPLOAD_LIMITS: Record<string, number> = {
  "audio/aac": 16 << 20,
  "audio/amr": 16 << 20,
  "audio/mpeg": 16 << 20,
  "audio/mp4": 16 << 20,
  "audio/ogg": 16 << 20,
  "image/jpeg": 5 << 20,
  "image/png": 5 << 20,
  "image/webp": 500 << 10,
  "video/mp4": 16 << 20,
  "video/3gpp": 16 << 20,
  "text/plain": 100 << 20,
  "application/pdf": 100 << 20,
  "application/msword": 100 << 20,
  "application/vnd.ms-excel": 100 << 20,
  "application/vnd.ms-powerpoint": 100 << 20,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": 100 << 20,
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": 100 << 20,
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": 100 << 20,
};

/** Which stored types a message of each media type may carry. */
const TYPE_FITS: Record<string, (mime: string) => boolean> = {
  image: (m) => m === "image/jpeg" || m === "image/png",
  sticker: (m) => m === "image/webp",
  audio: (m) => m.startsWith("audio/"),
  video: (m) => m === "video/mp4" || m === "video/3gpp",
  document: (m) => m in UPLOAD_LIMITS,
};

/** The number's token must be the one presented (Meta: a system user token of the WABA). */
function authorised(account: TWhatsAppAccount, token: string | null) {
  return token !== null && token === account.accessToken;
}

// ── POST /{phone-number-id}/messages ────────────────────────────────────────────────────────

type TRecipient = { kind: "phone"; input: string; waId: string } | { kind: "bsuid"; input: string; bsuid: string };

function recipientOf(body: Record<string, unknown>): TRecipient | TGraphError {
  const to = body.to;
  const recipient = body.recipient;
  if (typeof to === "string" && to.trim()) {
    if (!/^\+?[\d\s().-]+$/.test(to.trim()))
      return graphError({
        code: 100,
        message: "(#100) Invalid parameter",
        details:
          "Param to must be a phone number. To send to a business-scoped user ID, put it in 'recipient' and leave out 'to'.",
      });
    const waId = to.replace(/\D/g, "");
    if (waId.length < 7 || waId.length > 15)
      return graphError({ code: 131009, details: `The phone number ${to} is not valid.` });
    return { kind: "phone", input: to, waId };
  }
  if (typeof recipient === "string" && recipient.trim()) {
    if (!/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(recipient.trim()))
      return graphError({ code: 131009, details: `Param recipient is not a valid business-scoped user ID.` });
    return { kind: "bsuid", input: recipient, bsuid: recipient.trim() };
  }
  return invalidParameter("The parameter to is required.");
}

type TChecked = { type: string; text: string | null; media: TStoredMedia | null; deferredError: TMediaProblem | null };
type TMediaProblem = { code: number; details: string };

async function checkContent(
  ctx: TGraphContext,
  account: TWhatsAppAccount,
  body: Record<string, unknown>,
  type: string,
): Promise<TChecked | TGraphError> {
  if (type === "text") {
    const text = body.text;
    if (!isRecord(text) || typeof text.body !== "string" || !text.body)
      return invalidParameter("The parameter text['body'] is required.");
    if (text.body.length > 4096) return invalidParameter("Param text['body'] must be at most 4096 characters long.");
    return { type, text: text.body, media: null, deferredError: null };
  }
  if (MEDIA_TYPES.has(type)) {
    const object = body[type];
    if (!isRecord(object)) return invalidParameter(`The parameter ${type} is required.`);
    let media: TStoredMedia | null = null;
    let deferredError: TMediaProblem | null = null;
    if (typeof object.id === "string" && object.id) {
      const stored = ctx.state.media.get(object.id);
      if (!stored || stored.channel !== "whatsapp")
        return invalidParameter(`Param ${type}['id'] is not a valid whatsapp business account media attachment ID`);
      media = stored;
    } else if (typeof object.link === "string" && object.link) {
      // Meta downloads a link itself; a link that fails is reported later as a failed status.
      const fetched = await fetchAttachment(object.link);
      if ("error" in fetched) deferredError = { code: 131053, details: `Media download failed: ${fetched.error}` };
      else
        media = ctx.state.storeMedia({
          ...fetched,
          fileName: typeof object.filename === "string" ? object.filename : null,
          channel: "whatsapp",
          accountId: account.phoneNumberId,
        });
    } else return invalidParameter(`Param ${type} must contain either 'id' or 'link'.`);
    if (media && !TYPE_FITS[type]!(baseMime(media.mimeType)))
      deferredError = { code: 131053, details: `Media type ${media.mimeType} is not supported for ${type} messages.` };
    const caption = typeof object.caption === "string" && type !== "audio" ? object.caption : null;
    return { type, text: caption, media, deferredError };
  }
  if (type === "template") {
    const template = body.template;
    if (!isRecord(template) || typeof template.name !== "string" || !template.name)
      return invalidParameter("The parameter template['name'] is required.");
    const language = isRecord(template.language) ? template.language.code : undefined;
    if (typeof language !== "string" || !language)
      return invalidParameter("The parameter template['language']['code'] is required.");
    const found = account.templates.find((t) => t.name === template.name && t.language === language);
    if (!found || found.status !== "APPROVED")
      return graphError({
        code: 132001,
        details: found
          ? `template name (${template.name}) in ${language} is ${found.status}, not APPROVED`
          : `template name (${template.name}) does not exist in ${language}`,
      });
    const components = Array.isArray(template.components) ? template.components : [];
    const values: string[] = [];
    for (const c of components) {
      if (!isRecord(c) || String(c.type).toLowerCase() !== "body") continue;
      for (const p of Array.isArray(c.parameters) ? c.parameters : []) {
        if (!isRecord(p) || p.type !== "text" || typeof p.text !== "string")
          return graphError({ code: 131009, details: "Template body parameters must be of type text with a text." });
        values.push(p.text);
      }
    }
    const body_ = templateBody(found);
    const expected = variableCount(body_);
    if (values.length !== expected)
      return graphError({
        code: 132000,
        details: `body: number of localizable_params (${values.length}) does not match the expected number of params (${expected})`,
      });
    return { type, text: fillVariables(body_, values), media: null, deferredError: null };
  }
  if (type === "location") {
    const location = body.location;
    if (!isRecord(location) || typeof location.latitude !== "number" || typeof location.longitude !== "number")
      return invalidParameter("The parameters location['latitude'] and location['longitude'] are required.");
    const label = [location.name, location.address].filter((v) => typeof v === "string" && v).join(", ");
    return { type, text: label || `📍 ${location.latitude}, ${location.longitude}`, media: null, deferredError: null };
  }
  if (type === "reaction") {
    const reaction = body.reaction;
    if (!isRecord(reaction) || typeof reaction.message_id !== "string")
      return invalidParameter("The parameter reaction['message_id'] is required.");
    return { type, text: typeof reaction.emoji === "string" ? reaction.emoji : "", media: null, deferredError: null };
  }
  const object = body[type];
  if (!isRecord(object) && !Array.isArray(object)) return invalidParameter(`The parameter ${type} is required.`);
  const interactiveText =
    type === "interactive" && isRecord(object) && isRecord(object.body) && typeof object.body.text === "string"
      ? object.body.text
      : null;
  return { type, text: interactiveText, media: null, deferredError: null };
}

/** Marks a customer's message read (`{messaging_product, status: "read", message_id}`). */
function markRead(ctx: TGraphContext, res: ServerResponse, account: TWhatsAppAccount, body: Record<string, unknown>) {
  if (typeof body.message_id !== "string" || !body.message_id)
    return sendGraphError(res, invalidParameter("The parameter message_id is required."));
  ctx.state.events.emit("markedRead", { accountId: account.phoneNumberId, messageId: body.message_id });
  return sendJson(res, 200, { success: true });
}

export async function handleWhatsAppSend(
  ctx: TGraphContext,
  req: IncomingMessage,
  res: ServerResponse,
  account: TWhatsAppAccount,
  raw: Buffer,
  token: string | null,
) {
  const injected = await applyFailure(req, res, ctx.state.takeFailure("send", account.phoneNumberId), {
    whatsapp: true,
    sendScope: true,
  });
  if (injected === "handled") return;
  if (!authorised(account, token)) return sendGraphError(res, invalidToken());
  const body = parseJson(raw);
  if (!isRecord(body)) return sendGraphError(res, invalidParameter("Invalid parameter", { subcode: 2494010 }));
  if (body.messaging_product === undefined)
    return sendGraphError(res, invalidParameter("The parameter messaging_product is required."));
  if (body.messaging_product !== "whatsapp")
    return sendGraphError(
      res,
      invalidParameter(`Param messaging_product must be one of {WHATSAPP} - got "${String(body.messaging_product)}".`),
    );
  if (body.status === "read") return markRead(ctx, res, account, body);
  if (body.recipient_type !== undefined && body.recipient_type !== "individual" && body.recipient_type !== "group")
    return sendGraphError(res, invalidParameter(`Param recipient_type must be one of {INDIVIDUAL, GROUP}.`));
  const recipient = recipientOf(body);
  if ("status" in recipient) return sendGraphError(res, recipient);
  const type = body.type === undefined ? "text" : String(body.type);
  if (!(WHATSAPP_TYPES as readonly string[]).includes(type))
    return sendGraphError(
      res,
      invalidParameter(
        `Param type must be one of {${WHATSAPP_TYPES.map((t) => t.toUpperCase()).join(", ")}} - got "${type}".`,
      ),
    );
  const checked = await checkContent(ctx, account, body, type);
  if ("status" in checked) return sendGraphError(res, checked);

  const customer = recipient.kind === "phone" ? recipient.waId : recipient.bsuid;
  let windowError: TMediaProblem | null = null;
  if (type !== "template" && !windowOpen(ctx, account, customer)) {
    const error = graphError({ code: 131047, message: "Re-engagement message" });
    if (ctx.options.windowErrors === "sync") return sendGraphError(res, error);
    windowError = { code: 131047, details: error.body.error.error_data!.details };
  }

  const sent: TSentMessage = {
    id: newWamid(),
    channel: "whatsapp",
    accountId: account.phoneNumberId,
    to: customer,
    type,
    payload: body,
    text: checked.text,
    media: checked.media
      ? {
          id: checked.media.id,
          mimeType: checked.media.mimeType,
          fileName: checked.media.fileName,
          size: checked.media.bytes.length,
        }
      : null,
    tag: null,
    at: new Date(ctx.state.now()).toISOString(),
    status: "accepted",
  };
  ctx.state.record(sent);
  const contact =
    recipient.kind === "phone"
      ? { input: recipient.input, wa_id: recipient.waId }
      : { input: recipient.input, user_id: recipient.bsuid };
  sendJson(res, 200, {
    messaging_product: "whatsapp",
    contacts: [contact],
    messages: [{ id: sent.id, ...(type === "template" ? { message_status: "accepted" } : {}) }],
  });
  const later = typeof injected === "object" ? injected : (windowError ?? checked.deferredError);
  if (later) failLater(ctx, sent, later);
  else autoWhatsAppStatuses(ctx, sent);
}

function windowOpen(ctx: TGraphContext, account: TWhatsAppAccount, customer: string) {
  const identity = ctx.state.identityOf(customer);
  const times = [customer, identity?.waId, identity?.bsuid]
    .filter((c): c is string => Boolean(c))
    .map((c) => ctx.state.lastInboundAt("whatsapp", account.phoneNumberId, c))
    .filter((t): t is number => t !== null);
  if (times.length === 0) return !ctx.options.strictWindow;
  return ctx.state.now() - Math.max(...times) < DAY_MS;
}

// ── POST /{phone-number-id}/media ───────────────────────────────────────────────────────────

export async function handleWhatsAppUpload(
  ctx: TGraphContext,
  req: IncomingMessage,
  res: ServerResponse,
  account: TWhatsAppAccount,
  raw: Buffer,
  token: string | null,
) {
  const injected = await applyFailure(req, res, ctx.state.takeFailure("upload", account.phoneNumberId), {
    whatsapp: true,
    sendScope: false,
  });
  if (injected === "handled") return;
  if (!authorised(account, token)) return sendGraphError(res, invalidToken());
  const form = await parseForm(req, raw);
  if (!form) return sendGraphError(res, invalidParameter("The parameter file is required."));
  if (form.get("messaging_product") !== "whatsapp")
    return sendGraphError(res, invalidParameter("The parameter messaging_product is required."));
  const file = form.get("file");
  if (!file || typeof file === "string")
    return sendGraphError(res, invalidParameter("The parameter file is required."));
  const declared = form.get("type");
  const mimeType = typeof declared === "string" && declared ? declared : file.type;
  const limit = UPLOAD_LIMITS[baseMime(mimeType)];
  const bytes = Buffer.from(await file.arrayBuffer());
  const refuse = (details: string) => sendGraphError(res, graphError({ code: 131053, details }));
  if (limit === undefined) return refuse(`Unsupported file type ${mimeType}.`);
  if (bytes.length === 0) return refuse("The file is empty.");
  if (bytes.length > limit)
    return refuse(`Media file size too big. Max file size for ${baseMime(mimeType)}: ${limit} bytes.`);
  // Voice notes: Meta takes OGG only with the Opus codec.
  if (baseMime(mimeType) === "audio/ogg" && !isOggOpus(bytes))
    return refuse("Audio file uploaded with mimetype as audio/ogg, however it is not an OGG file with the Opus codec.");
  const media = ctx.state.storeMedia({
    bytes,
    mimeType,
    fileName: file.name && file.name !== "blob" ? file.name : null,
    channel: "whatsapp",
    accountId: account.phoneNumberId,
  });
  return sendJson(res, 200, { id: media.id });
}

export function isOggOpus(bytes: Uint8Array) {
  const head = Buffer.from(bytes.subarray(0, 128));
  return head.subarray(0, 4).toString("latin1") === "OggS" && head.includes("OpusHead", 0, "latin1");
}

// ── GET /{media-id}, DELETE /{media-id}, the download URL ────────────────────────────────────

export async function handleMediaInfo(
  ctx: TGraphContext,
  req: IncomingMessage,
  res: ServerResponse,
  media: TStoredMedia,
  token: string | null,
  url: URL,
) {
  const injected = await applyFailure(req, res, ctx.state.takeFailure("media", media.accountId), {
    whatsapp: true,
    sendScope: false,
  });
  if (injected === "handled") return;
  const owner = ctx.state.whatsapp.get(media.accountId);
  if (!owner || !authorised(owner, token)) {
    // Another number's valid token sees "no such object"; no valid token at all is 190.
    return sendGraphError(res, ctx.state.whatsappByToken(token).length > 0 ? unknownObject(media.id) : invalidToken());
  }
  const phone = url.searchParams.get("phone_number_id");
  if (phone && phone !== media.accountId) return sendGraphError(res, unknownObject(media.id));
  if (req.method === "DELETE") {
    ctx.state.media.delete(media.id);
    return sendJson(res, 200, { success: true });
  }
  const link = ctx.state.issueMediaLink(media.id);
  const query = new URLSearchParams({ mid: media.id, ext: String(Math.floor(link.expiresAt / 1000)), hash: link.hash });
  return sendJson(res, 200, {
    messaging_product: "whatsapp",
    url: `${ctx.baseUrl()}/__media/whatsapp_business/attachments/?${query.toString()}`,
    mime_type: media.mimeType,
    sha256: media.sha256,
    file_size: media.bytes.length,
    id: media.id,
  });
}

/** The download URL: only with the owning number's bearer token, only until it expires. */
export async function handleMediaDownload(
  ctx: TGraphContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  token: string | null,
) {
  const found = ctx.state.mediaForLink(url.searchParams.get("hash"), url.searchParams.get("mid"));
  const injected = await applyFailure(
    req,
    res,
    ctx.state.takeFailure("media", found && found !== "expired" ? found.accountId : null),
    { whatsapp: true, sendScope: false },
  );
  if (injected === "handled") return;
  if (found === null || found === "expired") {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end(found === "expired" ? "URL signature expired" : "Not Found");
  }
  const owner = ctx.state.whatsapp.get(found.accountId);
  // Meta's lookaside answers 401 to a request without the number's token (a browser, a leaked link).
  if (!owner || !authorised(owner, token) || !req.headers.authorization) {
    res.writeHead(401, { "content-type": "text/plain" });
    return res.end("Unauthorized");
  }
  res.writeHead(200, {
    "content-type": found.mimeType,
    "content-length": found.bytes.length,
    "cache-control": "no-store",
  });
  res.end(found.bytes);
}

// ── GET /{waba-id}/message_templates ────────────────────────────────────────────────────────

export async function handleTemplates(
  ctx: TGraphContext,
  req: IncomingMessage,
  res: ServerResponse,
  wabaId: string,
  token: string | null,
  url: URL,
) {
  const accounts = [...ctx.state.whatsapp.values()].filter((a) => a.wabaId === wabaId);
  const injected = await applyFailure(
    req,
    res,
    ctx.state.takeFailure("templates", accounts[0]?.phoneNumberId ?? null),
    {
      whatsapp: true,
      sendScope: false,
    },
  );
  if (injected === "handled") return;
  const account = accounts.find((a) => authorised(a, token));
  if (!account)
    return sendGraphError(res, ctx.state.whatsappByToken(token).length > 0 ? unknownObject(wabaId) : invalidToken());
  const name = url.searchParams.get("name");
  const status = url.searchParams.get("status");
  const language = url.searchParams.get("language");
  const all = account.templates.filter(
    (t) =>
      (!name || t.name.includes(name)) &&
      (!status || t.status === status.toUpperCase()) &&
      (!language || t.language === language),
  );
  const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 25) || 25, 1), 1000);
  const after = url.searchParams.get("after");
  const start = after ? Number(Buffer.from(after, "base64url").toString("utf8")) || 0 : 0;
  const page = all.slice(start, start + limit);
  const cursor = (n: number) => Buffer.from(String(n), "utf8").toString("base64url");
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + page.length) } };
  if (start + page.length < all.length) {
    const next = new URL(url);
    next.searchParams.set("after", cursor(start + page.length));
    next.searchParams.delete("access_token");
    paging.next = `${ctx.baseUrl()}${next.pathname}${next.search}`;
  }
  return sendJson(res, 200, {
    data: page.map((t) => ({
      name: t.name,
      parameter_format: "POSITIONAL",
      components: t.components,
      language: t.language,
      status: t.status,
      category: t.category,
      id: t.id,
    })),
    paging,
  });
}

/** `GET /{phone-number-id}`: what "test the connection" reads. */
export function handlePhoneInfo(res: ServerResponse, account: TWhatsAppAccount, token: string | null) {
  if (!authorised(account, token)) return sendGraphError(res, invalidToken());
  return sendJson(res, 200, {
    verified_name: account.label,
    code_verification_status: "VERIFIED",
    display_phone_number: `+${account.displayPhoneNumber}`,
    quality_rating: "GREEN",
    platform_type: "CLOUD_API",
    throughput: { level: "STANDARD" },
    id: account.phoneNumberId,
  });
}
