import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot, type TConfig } from "@forecourt/config";

/**
 * What the seed hands the channel simulator (packages/testing, `cli/channel-simulator.ts`): the
 * demo dealers' WhatsApp numbers and Messenger pages with their tokens and app secrets, and where
 * to post webhooks. Written into .forecourt/ (git-ignored, like dev-secrets.json), never to git.
 */
export type TChannelSimulatorFile = {
  /** WEB_URL + "/api/hooks/meta": the one callback URL of the demo Meta app(s). */
  webhookUrl: string;
  generatedAt: string;
  dealers: {
    dealerId: string;
    dealerName: string;
    whatsapp: {
      channelId: string;
      phoneNumberId: string;
      wabaId: string;
      displayPhoneNumber: string;
      accessToken: string;
      appSecret: string;
      verifyToken: string;
    };
    messenger: {
      channelId: string;
      pageId: string;
      pageName: string;
      pageAccessToken: string;
      appSecret: string;
      verifyToken: string;
    };
    /** The dealer's SMS channel (seed-sms-channels.ts): its Twilio account and number, for the Twilio stand-in. */
    sms?: {
      channelId: string;
      accountSid: string;
      authToken: string;
      fromNumber: string;
      /** WEB_URL + "/api/hooks/twilio/<channelId>": the number's incoming-message webhook. */
      inboundUrl: string;
    };
  }[];
  /** The demo dealers' Telegram bots, as if connected (seed-telegram-channels.ts). */
  telegram?: {
    dealerId: string;
    dealerName: string;
    channelId: string;
    botId: string;
    botUsername: string;
    botName: string;
    botToken: string;
    webhookSecret: string;
    /** WEB_URL + "/api/hooks/telegram/<channel id>": what our setWebhook would have registered. */
    webhookUrl: string;
  }[];
};

/**
 * `.forecourt/channel-simulator.json`; the test command's seed (APP_ENV=test) writes one per test
 * database instead, so running tests never rewrites the demo's file.
 */
export function channelSimulatorFilePath(config: Pick<TConfig, "APP_ENV" | "databaseName">): string {
  const name = config.APP_ENV === "test" ? `channel-simulator.${config.databaseName}.json` : "channel-simulator.json";
  return path.join(findRepoRoot(), ".forecourt", name);
}

export function writeChannelSimulatorFile(file: string, content: TChannelSimulatorFile) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content, null, 2) + "\n", { mode: 0o600 });
}
