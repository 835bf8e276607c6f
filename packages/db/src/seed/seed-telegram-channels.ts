import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { sealSecret } from "@forecourt/auth";
import { telegramRouteKey, ZTelegramConfig, ZTelegramSecrets } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import type { PrismaClient } from "../generated/prisma/client";
import {
  channelSimulatorFilePath,
  writeChannelSimulatorFile,
  type TChannelSimulatorFile,
} from "./channel-simulator-file";
import { DEMO_META_CHANNELS } from "./seed-meta-channels";

/**
 * Every demo dealer gets a connected Telegram bot, answered by the channel simulator's Telegram
 * stand-in. Bot ids and channel ids are fixed; tokens and webhook secrets are derived from
 * AUTH_SECRET (never in git, stable across seeds). Nothing calls setWebhook here: the simulator
 * reads the bots, their webhook URL and secret from the simulator file (the `telegram` list),
 * as if Forecourt had connected them. Idempotent, like seedMetaChannels (run after it: it adds
 * its list to the file that one writes).
 */
export const DEMO_TELEGRAM_BOTS = DEMO_META_CHANNELS.map((demo, i) => ({
  slug: demo.slug,
  customerId: demo.customerId,
  dealerId: demo.dealerId,
  channelId: `6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e200${i + 1}`,
  botId: `71000001${String(i + 1).padStart(2, "0")}`,
  botUsername: `forecourt_${demo.slug}_bot`,
}));

function derived(label: string, length: number) {
  return createHmac("sha256", getConfig().AUTH_SECRET)
    .update(`forecourt-demo-telegram:${label}`)
    .digest("base64url")
    .slice(0, length);
}

export async function seedTelegramChannels(db: PrismaClient) {
  const config = getConfig();
  const webUrl = config.WEB_URL.replace(/\/+$/, "");
  const bots: NonNullable<TChannelSimulatorFile["telegram"]> = [];
  for (const demo of DEMO_TELEGRAM_BOTS) {
    const dealer = await db.dealer.findUniqueOrThrow({ where: { id: demo.dealerId } });
    const channelConfig = ZTelegramConfig.parse({ botId: demo.botId, botUsername: demo.botUsername });
    const secrets = ZTelegramSecrets.parse({
      botToken: `${demo.botId}:AA${derived(`token:${demo.slug}`, 33)}`,
      webhookSecret: derived(`webhook-secret:${demo.slug}`, 48),
    });
    const secretsEncrypted = sealSecret(JSON.stringify(secrets), config.ENCRYPTION_KEY);
    await db.channel.upsert({
      where: { id: demo.channelId },
      update: { config: channelConfig, externalId: demo.botId, secretsEncrypted },
      create: {
        id: demo.channelId,
        customerId: demo.customerId,
        dealerId: demo.dealerId,
        type: "TELEGRAM",
        name: `${dealer.name} Telegram`,
        publicKey: `tg_demo_${demo.slug}`,
        status: "ACTIVE",
        config: channelConfig,
        externalId: demo.botId,
        secretsEncrypted,
      },
    });
    const key = telegramRouteKey(demo.botId);
    await db.channelRoute.deleteMany({ where: { channelId: demo.channelId, key: { not: key } } });
    await db.channelRoute.upsert({
      where: { key },
      update: { channelId: demo.channelId, routedCustomerId: demo.customerId },
      create: { key, channelId: demo.channelId, routedCustomerId: demo.customerId },
    });
    bots.push({
      dealerId: demo.dealerId,
      dealerName: dealer.name,
      channelId: demo.channelId,
      botId: demo.botId,
      botUsername: demo.botUsername,
      botName: dealer.name,
      botToken: secrets.botToken,
      webhookSecret: secrets.webhookSecret,
      webhookUrl: `${webUrl}/api/hooks/telegram/${demo.channelId}`,
    });
  }
  const file = channelSimulatorFilePath(config);
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as TChannelSimulatorFile) : null;
  if (!existing) throw new Error("seedTelegramChannels runs after seedMetaChannels (which writes the simulator file)");
  writeChannelSimulatorFile(file, { ...existing, telegram: bots });
}
