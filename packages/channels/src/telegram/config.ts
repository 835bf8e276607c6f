import { z } from "zod";
import type { TCapabilities } from "../types";

/*
 * A connected Telegram bot (Bot API). The dealer creates the bot with @BotFather and pastes its
 * token; we learn the bot's id and username from getMe and register our webhook with a
 * secret_token we generate, which Telegram sends back in X-Telegram-Bot-Api-Secret-Token.
 */

/** "123456789:AA…" as @BotFather issues it: the bot's id, a colon, then 30+ URL-safe characters. */
export const ZTelegramBotToken = z
  .string()
  .trim()
  .regex(/^\d{1,20}:[A-Za-z0-9_-]{30,100}$/, "must be the token @BotFather gave you (digits, a colon, then letters)");

/** Telegram allows 1–256 of A–Z, a–z, 0–9, "_" and "-"; we generate 48. */
export const ZTelegramWebhookSecret = z.string().regex(/^[A-Za-z0-9_-]{32,256}$/);

export const ZTelegramConfig = z.object({
  /** getMe's id (digits): the same as the token's prefix. */
  botId: z.string().regex(/^\d{1,20}$/),
  /** getMe's username, without "@" (customers find the bot as t.me/<username>). */
  botUsername: z.string().trim().max(64).default(""),
});
export type TTelegramConfig = z.infer<typeof ZTelegramConfig>;

export const ZTelegramSecrets = z.object({
  botToken: ZTelegramBotToken,
  webhookSecret: ZTelegramWebhookSecret,
});
export type TTelegramSecrets = z.infer<typeof ZTelegramSecrets>;

/** The real host in production, the local stand-in in tests and the demo (TELEGRAM_API_URL). */
export type TTelegramEndpoint = { baseUrl: string; timeoutMs: number };

export type TTelegramContext = { endpoint: TTelegramEndpoint; config: TTelegramConfig; secrets: TTelegramSecrets };

/** ChannelRoute key: one bot is connected once across all tenants. */
export const telegramRouteKey = (botId: string) => `telegram:${botId}`;

/** The update types we ask Telegram for (setWebhook allowed_updates). my_chat_member tells us of a block. */
export const TELEGRAM_ALLOWED_UPDATES = ["message", "edited_message", "my_chat_member"] as const;

/** Bot API limits: text 4096 characters, captions 1024; bots upload up to 50 MB, download up to 20 MB. */
export const TELEGRAM_TEXT_MAX = 4096;
export const TELEGRAM_CAPTION_MAX = 1024;
export const TELEGRAM_DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;

export const TELEGRAM_CAPABILITIES: TCapabilities = {
  outboundMedia: [
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "application/pdf",
    "audio/ogg",
    "audio/mpeg",
    "audio/mp4",
    "audio/aac",
    "audio/webm",
    "video/mp4",
  ],
  templates: false,
};
