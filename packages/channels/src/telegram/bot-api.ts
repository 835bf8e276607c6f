import { ChannelSendError, type TOutboundMessage } from "../types";
import { botApi, botFileDownload } from "./client";
import {
  TELEGRAM_ALLOWED_UPDATES,
  TELEGRAM_CAPTION_MAX,
  TELEGRAM_DOWNLOAD_MAX_BYTES,
  TELEGRAM_TEXT_MAX,
  type TTelegramContext,
  type TTelegramEndpoint,
} from "./config";

/* The Bot API methods Forecourt calls: connect (getMe, setWebhook), disconnect (deleteWebhook), send, media. */

export type TTelegramBot = { id: string; username: string; firstName: string };

type TUser = { id: number; is_bot?: boolean; first_name?: string; username?: string };
type TSentMessage = { message_id: number; chat: { id: number } };
type TFile = { file_id: string; file_size?: number; file_path?: string };

/** Checks a token: the bot it belongs to (Telegram answers 401 for a wrong one). */
export async function getTelegramMe(endpoint: TTelegramEndpoint, token: string): Promise<TTelegramBot> {
  const me = await botApi<TUser>(endpoint, token, "getMe");
  if (!me || typeof me.id !== "number" || me.is_bot === false)
    throw new ChannelSendError({ code: "rejected", message: "That token does not belong to a bot.", retryable: false });
  return { id: String(me.id), username: me.username ?? "", firstName: me.first_name ?? "" };
}

/** Registers our callback URL; Telegram then sends `secretToken` in X-Telegram-Bot-Api-Secret-Token. */
export async function setTelegramWebhook(
  endpoint: TTelegramEndpoint,
  token: string,
  options: { url: string; secretToken: string },
): Promise<void> {
  await botApi<boolean>(endpoint, token, "setWebhook", {
    url: options.url,
    secret_token: options.secretToken,
    allowed_updates: TELEGRAM_ALLOWED_UPDATES,
    max_connections: 40,
  });
}

/** Stops Telegram sending us updates for this bot (disconnect, termination). */
export async function deleteTelegramWebhook(endpoint: TTelegramEndpoint, token: string): Promise<void> {
  await botApi<boolean>(endpoint, token, "deleteWebhook", { drop_pending_updates: false });
}

export type TTelegramWebhookInfo = { url: string; pendingUpdateCount: number; lastErrorMessage: string | null };

/** Where Telegram posts this bot's updates now, and the last error it met there (the settings check). */
export async function getTelegramWebhookInfo(
  endpoint: TTelegramEndpoint,
  token: string,
): Promise<TTelegramWebhookInfo> {
  const info = await botApi<{ url?: string; pending_update_count?: number; last_error_message?: string }>(
    endpoint,
    token,
    "getWebhookInfo",
  );
  return {
    url: info?.url ?? "",
    pendingUpdateCount: info?.pending_update_count ?? 0,
    lastErrorMessage: info?.last_error_message ?? null,
  };
}

/** Our message ids are `<bot id>:<chat id>:<message id>` (message ids are per chat, chats per bot). */
export const telegramMessageId = (botId: string, chatId: number | string, messageId: number | string) =>
  `${botId}:${chatId}:${messageId}`;

/** The upload method and form field for a file: voice notes as voice (OGG/Opus), MP3/M4A as audio… */
function uploadMethodOf(mimeType: string, mediaKind: string): { method: string; field: string } {
  const type = mimeType.split(";")[0]!.trim().toLowerCase();
  if (type === "image/jpeg" || type === "image/png" || type === "image/webp")
    return { method: "sendPhoto", field: "photo" };
  if (type === "audio/ogg") return { method: "sendVoice", field: "voice" };
  if (type === "audio/mpeg" || type === "audio/mp4" || type === "audio/aac")
    return { method: "sendAudio", field: "audio" };
  if (type === "video/mp4" && mediaKind === "video") return { method: "sendVideo", field: "video" };
  return { method: "sendDocument", field: "document" };
}

/** Splits text at Telegram's 4096-character limit (our own limit is a little higher). */
function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += TELEGRAM_TEXT_MAX) out.push(text.slice(i, i + TELEGRAM_TEXT_MAX));
  return out.length > 0 ? out : [""];
}

/**
 * Sends one message to a private chat (the customer's user id). Text over 4096 characters and
 * captions over 1024 go as extra text messages after the first; the external id is the first's.
 */
export async function sendTelegram(
  ctx: TTelegramContext,
  chatId: string,
  message: TOutboundMessage,
): Promise<{ externalId: string }> {
  const token = ctx.secrets.botToken;
  if (message.kind === "template")
    throw new ChannelSendError({ code: "unsupported_type", message: "Telegram has no templates.", retryable: false });
  let first: TSentMessage;
  let rest: string[] = [];
  if (message.kind === "text") {
    const [head, ...tail] = chunks(message.text);
    first = await botApi<TSentMessage>(ctx.endpoint, token, "sendMessage", { chat_id: chatId, text: head });
    rest = tail;
  } else {
    const { method, field } = uploadMethodOf(message.mimeType, message.mediaKind);
    const form = new FormData();
    form.append("chat_id", chatId);
    const caption = message.caption.trim();
    if (caption && caption.length <= TELEGRAM_CAPTION_MAX) form.append("caption", caption);
    else if (caption) rest = chunks(caption);
    form.append(field, new Blob([Buffer.from(message.bytes)], { type: message.mimeType }), message.fileName);
    first = await botApi<TSentMessage>(ctx.endpoint, token, method, form);
  }
  if (!first || typeof first.message_id !== "number")
    throw new ChannelSendError({
      code: "service_error",
      message: "Telegram accepted the message but gave no id.",
      retryable: true,
    });
  for (const text of rest) await botApi<TSentMessage>(ctx.endpoint, token, "sendMessage", { chat_id: chatId, text });
  return { externalId: telegramMessageId(ctx.config.botId, chatId, first.message_id) };
}

/** Inbound media: getFile for the path (valid at least an hour), then the bounded download from the same host. */
export async function fetchTelegramMedia(
  ctx: TTelegramContext,
  fileId: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; mimeType: string | null }> {
  const limit = Math.min(maxBytes, TELEGRAM_DOWNLOAD_MAX_BYTES);
  const file = await botApi<TFile>(ctx.endpoint, ctx.secrets.botToken, "getFile", { file_id: fileId });
  if (file?.file_size && file.file_size > limit)
    throw new ChannelSendError({
      code: "media_too_large",
      message: `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`,
      retryable: false,
    });
  if (!file?.file_path)
    throw new ChannelSendError({
      code: "media_download_failed",
      message: "Telegram gave no file path.",
      retryable: true,
    });
  const { bytes, contentType } = await botFileDownload(ctx.endpoint, ctx.secrets.botToken, file.file_path, limit);
  return { bytes, mimeType: contentType };
}
