import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { sealSecret } from "@forecourt/auth";
import {
  twilioChannelRouteKey,
  twilioSenderRouteKey,
  twilioWebhookUrls,
  ZTwilioSmsConfig,
  ZTwilioSmsSecrets,
} from "@forecourt/channels/twilio-sms";
import { getConfig } from "@forecourt/config";
import type { PrismaClient } from "../generated/prisma/client";
import {
  channelSimulatorFilePath,
  writeChannelSimulatorFile,
  type TChannelSimulatorFile,
} from "./channel-simulator-file";
import { DEMO_META_CHANNELS } from "./seed-meta-channels";

/**
 * Every demo dealer gets a connected SMS channel, answered by the Twilio stand-in the start
 * command runs next to the channel simulator. One Twilio account per customer (a business has
 * one account; its dealers have their own numbers), Account SID and Auth Token derived from
 * AUTH_SECRET (never in git, stable across seeds). The accounts go into the simulator file the
 * Meta seed just wrote, so the stand-in registers them. Idempotent like seedMetaChannels.
 */
const DEMO_SMS = {
  // Fixed ids of their own (…8e3a0n): the e-mail seed has …8e1a0n, Telegram …8e200n.
  amsterdam: { channelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e3a01", fromNumber: "+3197010000101" },
  copenhagen: { channelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e3a02", fromNumber: "+4552550102" },
  utrecht: { channelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e3a03", fromNumber: "+3197010000103" },
} as const;

const derivedHex = (label: string) =>
  createHmac("sha256", getConfig().AUTH_SECRET).update(`forecourt-demo-twilio:${label}`).digest("hex").slice(0, 32);

export async function seedSmsChannels(db: PrismaClient) {
  const config = getConfig();
  const file = channelSimulatorFilePath(config);
  const simulator = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as TChannelSimulatorFile) : null;
  for (const demo of DEMO_META_CHANNELS) {
    const sms = DEMO_SMS[demo.slug];
    const dealer = await db.dealer.findUniqueOrThrow({ where: { id: demo.dealerId } });
    const settings = ZTwilioSmsConfig.parse({
      accountSid: `AC${derivedHex(`account:${demo.customerId}`)}`,
      messagingServiceSid: null,
      fromNumber: sms.fromNumber,
    });
    const secrets = ZTwilioSmsSecrets.parse({ authToken: derivedHex(`auth-token:${demo.customerId}`) });
    const secretsEncrypted = sealSecret(JSON.stringify(secrets), config.ENCRYPTION_KEY);
    await db.channel.upsert({
      where: { id: sms.channelId },
      update: { config: settings, externalId: sms.fromNumber, secretsEncrypted },
      create: {
        id: sms.channelId,
        customerId: demo.customerId,
        dealerId: demo.dealerId,
        type: "TWILIO_SMS",
        name: `${dealer.name} SMS`,
        publicKey: `sms_demo_${demo.slug}`,
        status: "ACTIVE",
        config: settings,
        externalId: sms.fromNumber,
        secretsEncrypted,
      },
    });
    const keys = [twilioChannelRouteKey(sms.channelId), twilioSenderRouteKey(settings)];
    await db.channelRoute.deleteMany({ where: { channelId: sms.channelId, key: { notIn: keys } } });
    for (const key of keys)
      await db.channelRoute.upsert({
        where: { key },
        update: { channelId: sms.channelId, routedCustomerId: demo.customerId },
        create: { key, channelId: sms.channelId, routedCustomerId: demo.customerId },
      });
    const entry = simulator?.dealers.find((d) => d.dealerId === demo.dealerId);
    if (entry)
      entry.sms = {
        channelId: sms.channelId,
        accountSid: settings.accountSid,
        authToken: secrets.authToken,
        fromNumber: sms.fromNumber,
        inboundUrl: twilioWebhookUrls(config.WEB_URL, sms.channelId).inbound,
      };
  }
  if (simulator) writeChannelSimulatorFile(file, simulator);
}
