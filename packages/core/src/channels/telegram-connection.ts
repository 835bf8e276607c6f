import { randomBytes } from "node:crypto";
import { type ChannelSendError } from "@forecourt/channels";
import type { TTx } from "@forecourt/db";
import { encryptSecret } from "../crypto/secret-box";
import { InvalidInputError, NotFoundError, RuleError } from "../errors";
import type { TTenantPrincipal } from "../principal";
import { lifecycleDayOf, loadManagedChannel, storedConfig } from "./channel-settings";
import { maskSecret } from "./meta-connection";
import { telegramChannelOf, telegramWebhookUrl, type TTelegramChannel } from "./telegram-channel";

/* What the Settings → Channels use cases for Telegram share: secrets, the card's info, loading. */

/** The secret_token we hand setWebhook: 36 random bytes, 48 characters Telegram allows. */
export const newWebhookSecret = () => randomBytes(36).toString("base64url");

export const sealTelegramSecrets = (secrets: TTelegramChannel["secrets"]) => encryptSecret(JSON.stringify(secrets));

/** A bot belongs to one channel anywhere: never say whose (it may be another customer's). */
export const botAlreadyConnected = () =>
  new RuleError(
    "channel_already_connected",
    "This Telegram bot is already connected to Forecourt. If it should move here, disconnect it there first or ask provider support.",
  );

/** Telegram's refusal of the token as a field error on it (the form marks the field). */
export function tokenRefused(error: ChannelSendError): InvalidInputError | RuleError {
  if (error.failure.code === "token_invalid" || error.failure.code === "rejected")
    return new InvalidInputError("Telegram did not accept this token.", [
      { path: "botToken", message: "Telegram does not know this token. Copy it again from @BotFather." },
    ]);
  return new RuleError("telegram_unreachable", error.failure.message);
}

export type TTelegramConnectionInfo = {
  type: "TELEGRAM";
  channelId: string;
  name: string;
  status: "ACTIVE" | "DISABLED";
  dealer: { id: string; name: string };
  config: { botId: string; botUsername: string };
  masked: { botToken: string };
  /** Where we asked Telegram to post updates (shown, not to be pasted anywhere). */
  webhookUrl: string;
  /** False after a termination removed the webhook (it is registered again on reinstatement). */
  webhookRegistered: boolean;
  disabledByLifecycleOn: string | null;
  connectedAt: Date;
};

export function telegramConnectionInfoOf(
  row: { id: string; name: string; status: "ACTIVE" | "DISABLED"; config: unknown; createdAt: Date },
  channel: TTelegramChannel,
  dealer: { id: string; name: string },
): TTelegramConnectionInfo {
  return {
    type: "TELEGRAM",
    channelId: row.id,
    name: row.name,
    status: row.status,
    dealer,
    config: { botId: channel.config.botId, botUsername: channel.config.botUsername },
    masked: { botToken: maskSecret(channel.secrets.botToken) },
    webhookUrl: telegramWebhookUrl(row.id),
    webhookRegistered: storedConfig(row.config).telegramWebhook !== "removed",
    disabledByLifecycleOn: lifecycleDayOf(row.config),
    connectedAt: row.createdAt,
  };
}

/** A connected Telegram bot of the principal's tenant and dealer scope, else NotFound. */
export async function loadManagedTelegramChannel(tx: TTx, agent: TTenantPrincipal, channelId: string) {
  const row = await loadManagedChannel(tx, agent, channelId);
  const channel = row.type === "TELEGRAM" ? telegramChannelOf(row) : null;
  if (!channel) throw new NotFoundError("channel");
  return { row, channel };
}
