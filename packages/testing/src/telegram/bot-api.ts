import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLarge } from "../meta-graph/http-util";
import type { TTelegramContext } from "./context";
import { playFailure, readParams, sendError, sendOk, type TParams } from "./http";
import type { TBot } from "./types";

/** Bots upload up to 50 MB (plus form overhead). */
const MAX_BODY_BYTES = 51 << 20;
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

const SEND_FIELDS: Record<string, string> = {
  sendPhoto: "photo",
  sendDocument: "document",
  sendVoice: "voice",
  sendAudio: "audio",
  sendVideo: "video",
};

/** `/bot<token>/<method>` and `/file/bot<token>/<path>`, like api.telegram.org. */
export async function routeBotApi(ctx: TTelegramContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  if (file && req.method === "GET") return handleFileDownload(ctx, res, decodeURIComponent(file[1]!), file[2]!);
  const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
  if (!call) return sendError(res, 404, "Not Found");
  const token = decodeURIComponent(call[1]!);
  let bot = ctx.state.botByToken(token);
  if (
    !bot &&
    ctx.acceptAnyToken &&
    /^\d{1,20}:[A-Za-z0-9_-]{30,100}$/.test(token) &&
    !ctx.state.bots.has(token.split(":")[0]!)
  ) {
    const id = token.split(":")[0]!;
    bot = ctx.state.addBot({
      token,
      username: `demo_${id}_bot`,
      firstName: `Demo bot ${id}`,
      label: `Telegram bot ${id}`,
    });
  }
  if (!bot) return sendError(res, 401, "Unauthorized");
  let params: TParams | null;
  try {
    params = await readParams(req, url, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendError(res, 413, "Request Entity Too Large");
    throw error;
  }
  if (!params) return sendError(res, 400, "Bad Request: can't parse request parameters");
  const method = call[2]!;
  ctx.calls.push({ botId: bot.id, method, at: new Date().toISOString() });
  switch (method) {
    case "getMe":
      return sendOk(res, { id: Number(bot.id), is_bot: true, first_name: bot.firstName, username: bot.username });
    case "setWebhook":
      return handleSetWebhook(ctx, res, bot, params);
    case "deleteWebhook":
      bot.webhook = null;
      return sendOk(res, true, "Webhook was deleted");
    case "getWebhookInfo":
      return sendOk(res, {
        url: bot.webhook?.url ?? "",
        has_custom_certificate: false,
        pending_update_count: 0,
        ...(bot.webhook?.allowedUpdates ? { allowed_updates: bot.webhook.allowedUpdates } : {}),
      });
    case "sendMessage":
      return handleSend(ctx, res, bot, params, method);
    case "getFile":
      return handleGetFile(ctx, res, bot, params);
    default:
      if (SEND_FIELDS[method]) return handleSend(ctx, res, bot, params, method);
      return sendError(res, 404, "Not Found: method not found");
  }
}

async function handleSetWebhook(ctx: TTelegramContext, res: ServerResponse, bot: TBot, params: TParams) {
  if (await playFailure(res, ctx.state.takeFailure("setWebhook", bot.id))) return;
  const url = params.get("url") ?? "";
  const secretToken = params.get("secret_token");
  if (secretToken !== null && !SECRET_TOKEN.test(secretToken))
    return sendError(res, 400, "Bad Request: secret token contains unallowed characters");
  if (url === "") {
    bot.webhook = null;
    return sendOk(res, true, "Webhook was deleted");
  }
  // Telegram insists on HTTPS; the stand-in also takes http:// (everything here is local).
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return sendError(res, 400, "Bad Request: bad webhook: invalid URL");
  let allowedUpdates: string[] | null = null;
  const rawAllowed = params.get("allowed_updates");
  if (rawAllowed) {
    try {
      const parsed: unknown = JSON.parse(rawAllowed);
      if (!Array.isArray(parsed) || !parsed.every((u) => typeof u === "string")) throw new Error("not a list");
      allowedUpdates = parsed;
    } catch {
      return sendError(res, 400, "Bad Request: can't parse allowed updates");
    }
  }
  bot.webhook = { url, secretToken, allowedUpdates };
  return sendOk(res, true, "Webhook was set");
}

async function handleSend(ctx: TTelegramContext, res: ServerResponse, bot: TBot, params: TParams, method: string) {
  if (await playFailure(res, ctx.state.takeFailure("send", bot.id))) return;
  const chatId = Number(params.get("chat_id"));
  if (!Number.isSafeInteger(chatId)) return sendError(res, 400, "Bad Request: chat not found");
  const user = ctx.state.users.get(chatId);
  if (!user || !ctx.state.chats.has(`${bot.id}:${chatId}`))
    return sendError(
      res,
      user ? 403 : 400,
      user ? "Forbidden: bot can't initiate conversation with a user" : "Bad Request: chat not found",
    );
  if (ctx.state.blocked.has(`${bot.id}:${chatId}`))
    return sendError(res, 403, "Forbidden: bot was blocked by the user");

  const messageId = ctx.state.nextMessageId(bot.id, chatId);
  const date = Math.floor(ctx.now() / 1000);
  const base = {
    message_id: messageId,
    from: { id: Number(bot.id), is_bot: true, first_name: bot.firstName, username: bot.username },
    chat: { id: chatId, type: "private", first_name: user.firstName },
    date,
  };
  if (method === "sendMessage") {
    const text = params.get("text") ?? "";
    if (text.trim() === "") return sendError(res, 400, "Bad Request: message text is empty");
    if (text.length > 4096) return sendError(res, 400, "Bad Request: message is too long");
    ctx.state.recordSent({
      botId: bot.id,
      chatId,
      messageId,
      method,
      text,
      caption: null,
      file: null,
      at: new Date(ctx.now()).toISOString(),
    });
    return sendOk(res, { ...base, text });
  }
  const field = SEND_FIELDS[method]!;
  const caption = params.get("caption");
  if (caption && caption.length > 1024) return sendError(res, 400, "Bad Request: message caption is too long");
  const upload = params.file(field);
  const byId = params.get(field);
  let stored = byId ? ctx.state.files.get(byId) : undefined;
  if (upload) {
    const bytes = Buffer.from(await upload.arrayBuffer());
    if (bytes.length === 0) return sendError(res, 400, "Bad Request: file must be non-empty");
    stored = ctx.state.storeFile(
      bot.id,
      bytes,
      upload.type || "application/octet-stream",
      upload.name || null,
      field === "photo" ? "photos" : `${field}s`,
    );
  }
  if (!stored) return sendError(res, 400, `Bad Request: there is no ${field} in the request`);
  const fileInfo = { file_id: stored.fileId, file_unique_id: stored.fileUniqueId, file_size: stored.bytes.length };
  const result =
    field === "photo"
      ? { ...base, photo: [{ ...fileInfo, width: 1280, height: 960 }] }
      : {
          ...base,
          [field]: {
            ...fileInfo,
            mime_type: stored.mimeType,
            ...(stored.fileName ? { file_name: stored.fileName } : {}),
          },
        };
  ctx.state.recordSent({
    botId: bot.id,
    chatId,
    messageId,
    method,
    text: null,
    caption,
    file: { fileId: stored.fileId, mimeType: stored.mimeType, fileName: stored.fileName, size: stored.bytes.length },
    at: new Date(ctx.now()).toISOString(),
  });
  return sendOk(res, caption ? { ...result, caption } : result);
}

async function handleGetFile(ctx: TTelegramContext, res: ServerResponse, bot: TBot, params: TParams) {
  if (await playFailure(res, ctx.state.takeFailure("getFile", bot.id))) return;
  const file = ctx.state.files.get(params.get("file_id") ?? "");
  // File ids are per bot: another bot's id is as unknown as a made-up one.
  if (!file || file.botId !== bot.id) return sendError(res, 400, "Bad Request: invalid file_id");
  return sendOk(res, {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.bytes.length,
    file_path: file.filePath,
  });
}

async function handleFileDownload(ctx: TTelegramContext, res: ServerResponse, token: string, filePath: string) {
  const bot = ctx.state.botByToken(token);
  if (!bot) return sendError(res, 401, "Unauthorized");
  if (await playFailure(res, ctx.state.takeFailure("file", bot.id))) return;
  const file = ctx.state.fileByPath(bot.id, filePath);
  if (!file) return sendError(res, 404, "Not Found");
  res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": file.bytes.length,
    "cache-control": "no-store",
  });
  res.end(file.bytes);
}
