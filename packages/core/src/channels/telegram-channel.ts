import { timingSafeEqual, createHash } from "node:crypto";
import {
  ZTelegramConfig,
  ZTelegramSecrets,
  type TTelegramConfig,
  type TTelegramContext,
  type TTelegramEndpoint,
  type TTelegramSecrets,
} from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { decryptSecret } from "../crypto/secret-box";

/** A connected Telegram bot with its settings and (decrypted) secrets. Core only: never sent to a browser. */
export type TTelegramChannel = {
  id: string;
  customerId: string;
  dealerId: string;
  status: "ACTIVE" | "DISABLED";
  config: TTelegramConfig;
  secrets: TTelegramSecrets;
};

type TChannelRow = {
  id: string;
  customerId: string;
  dealerId: string;
  type: string;
  status: "ACTIVE" | "DISABLED";
  config: unknown;
  secretsEncrypted: string | null;
};

/** Null when the row is not a Telegram channel, was disconnected (no secrets), or does not parse. */
export function telegramChannelOf(row: TChannelRow): TTelegramChannel | null {
  if (row.type !== "TELEGRAM" || !row.secretsEncrypted) return null;
  let secrets: unknown;
  try {
    secrets = JSON.parse(decryptSecret(row.secretsEncrypted));
  } catch {
    return null;
  }
  const config = ZTelegramConfig.safeParse(row.config);
  const parsed = ZTelegramSecrets.safeParse(secrets);
  if (!config.success || !parsed.success) return null;
  return {
    id: row.id,
    customerId: row.customerId,
    dealerId: row.dealerId,
    status: row.status,
    config: config.data,
    secrets: parsed.data,
  };
}

export function telegramEndpoint(): TTelegramEndpoint {
  const config = getConfig();
  return { baseUrl: config.TELEGRAM_API_URL, timeoutMs: config.TELEGRAM_TIMEOUT_MS };
}

export function telegramContext(channel: TTelegramChannel): TTelegramContext {
  return { endpoint: telegramEndpoint(), config: channel.config, secrets: channel.secrets };
}

/** Our callback URL for one bot: the channel id routes it (Telegram posts each bot to its own URL). */
export function telegramWebhookUrl(channelId: string): string {
  return `${getConfig().WEB_URL.replace(/\/+$/, "")}/api/hooks/telegram/${channelId}`;
}

/**
 * X-Telegram-Bot-Api-Secret-Token against the channel's secret, in constant time (both sides
 * hashed first, so neither the length nor a prefix leaks). A missing header never matches.
 */
export function telegramSecretMatches(given: string | null, expected: string): boolean {
  if (given === null || given === "") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Channel.config.telegramWebhook: whether our webhook is registered at Telegram (termination removes it). */
export type TTelegramWebhookState = "registered" | "removed";
