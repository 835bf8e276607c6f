import { createHash, createHmac } from "node:crypto";
import { sealSecret } from "@forecourt/auth";
import { ZMessengerConfig, ZMessengerSecrets, ZWhatsAppConfig, ZWhatsAppSecrets } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import type { PrismaClient } from "../generated/prisma/client";
import {
  channelSimulatorFilePath,
  writeChannelSimulatorFile,
  type TChannelSimulatorFile,
} from "./channel-simulator-file";
import { DEMO_IDS } from "./demo-data";

/**
 * Every demo dealer gets a connected WhatsApp number and Messenger page, answered by the channel
 * simulator (the Meta Graph stand-in the start command runs). Ids are fixed; tokens, app secrets
 * and verify tokens are derived from AUTH_SECRET (a dev secret, never in git), so the seed can
 * run on every start and still hand the simulator the same values. One app secret per customer:
 * a business has one Meta app, which signs the webhooks of all its numbers and pages.
 */
export const DEMO_META_CHANNELS = [
  {
    slug: "amsterdam",
    customerId: DEMO_IDS.northwind,
    dealerId: DEMO_IDS.amsterdam,
    whatsappChannelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e01",
    messengerChannelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1f01",
    phoneNumberId: "106500000000101",
    wabaId: "102900000000101",
    displayPhoneNumber: "+31 20 555 0101",
    pageId: "110500000000101",
  },
  {
    slug: "copenhagen",
    customerId: DEMO_IDS.northwind,
    dealerId: DEMO_IDS.copenhagen,
    whatsappChannelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e02",
    messengerChannelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1f02",
    phoneNumberId: "106500000000102",
    wabaId: "102900000000101",
    displayPhoneNumber: "+45 32 55 01 02",
    pageId: "110500000000102",
  },
  {
    slug: "utrecht",
    customerId: DEMO_IDS.vanDerMeer,
    dealerId: DEMO_IDS.vanDerMeerUtrecht,
    whatsappChannelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e03",
    messengerChannelId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1f03",
    phoneNumberId: "106500000000103",
    wabaId: "102900000000103",
    displayPhoneNumber: "+31 30 555 0103",
    pageId: "110500000000103",
  },
] as const;

/** A demo secret: an HMAC of its label under AUTH_SECRET (stable per machine, unknown elsewhere). */
function derived(label: string, length: number, encoding: "hex" | "base64url" = "base64url") {
  return createHmac("sha256", getConfig().AUTH_SECRET)
    .update(`forecourt-demo-meta:${label}`)
    .digest(encoding)
    .slice(0, length);
}

const verifyRoute = (token: string) => `meta-verify:${createHash("sha256").update(token).digest("hex")}`;

type TDemoChannel = {
  id: string;
  customerId: string;
  dealerId: string;
  type: "WHATSAPP" | "MESSENGER";
  name: string;
  publicKey: string;
  externalId: string;
  config: Record<string, string>;
  secrets: { verifyToken: string } & Record<string, string>;
  routeKey: string;
};

/**
 * Idempotent: channels are upserted by id (their status and name are left as an admin set
 * them), their settings and secrets reset to the derived demo values, their routes made to
 * match, and the simulator's file rewritten.
 */
export async function seedMetaChannels(db: PrismaClient) {
  const config = getConfig();
  const file: TChannelSimulatorFile = {
    webhookUrl: `${config.WEB_URL.replace(/\/+$/, "")}/api/hooks/meta`,
    generatedAt: new Date().toISOString(),
    dealers: [],
  };
  for (const demo of DEMO_META_CHANNELS) {
    const dealer = await db.dealer.findUniqueOrThrow({ where: { id: demo.dealerId } });
    const whatsapp = {
      config: ZWhatsAppConfig.parse({
        phoneNumberId: demo.phoneNumberId,
        wabaId: demo.wabaId,
        displayPhoneNumber: demo.displayPhoneNumber,
      }),
      secrets: ZWhatsAppSecrets.parse({
        accessToken: `EAAD${derived(`whatsapp-token:${demo.slug}`, 60)}`,
        appSecret: derived(`app-secret:${demo.customerId}`, 32, "hex"),
        verifyToken: derived(`whatsapp-verify:${demo.slug}`, 32),
      }),
    };
    const messenger = {
      config: ZMessengerConfig.parse({ pageId: demo.pageId, pageName: dealer.name }),
      secrets: ZMessengerSecrets.parse({
        pageAccessToken: `EAAG${derived(`messenger-token:${demo.slug}`, 60)}`,
        appSecret: derived(`app-secret:${demo.customerId}`, 32, "hex"),
        verifyToken: derived(`messenger-verify:${demo.slug}`, 32),
      }),
    };
    const channels: TDemoChannel[] = [
      {
        id: demo.whatsappChannelId,
        customerId: demo.customerId,
        dealerId: demo.dealerId,
        type: "WHATSAPP",
        name: `${dealer.name} WhatsApp`,
        publicKey: `wa_demo_${demo.slug}`,
        externalId: demo.phoneNumberId,
        config: whatsapp.config,
        secrets: whatsapp.secrets,
        routeKey: `whatsapp:${demo.phoneNumberId}`,
      },
      {
        id: demo.messengerChannelId,
        customerId: demo.customerId,
        dealerId: demo.dealerId,
        type: "MESSENGER",
        name: `${dealer.name} Messenger`,
        publicKey: `fb_demo_${demo.slug}`,
        externalId: demo.pageId,
        config: messenger.config,
        secrets: messenger.secrets,
        routeKey: `messenger:${demo.pageId}`,
      },
    ];
    for (const c of channels) await upsertChannel(db, c, config.ENCRYPTION_KEY);
    file.dealers.push({
      dealerId: demo.dealerId,
      dealerName: dealer.name,
      whatsapp: { channelId: demo.whatsappChannelId, ...whatsapp.config, ...whatsapp.secrets },
      messenger: { channelId: demo.messengerChannelId, ...messenger.config, ...messenger.secrets },
    });
  }
  writeChannelSimulatorFile(channelSimulatorFilePath(config), file);
}

async function upsertChannel(db: PrismaClient, c: TDemoChannel, encryptionKey: string) {
  const secretsEncrypted = sealSecret(JSON.stringify(c.secrets), encryptionKey);
  await db.channel.upsert({
    where: { id: c.id },
    update: { config: c.config, externalId: c.externalId, secretsEncrypted },
    create: {
      id: c.id,
      customerId: c.customerId,
      dealerId: c.dealerId,
      type: c.type,
      name: c.name,
      publicKey: c.publicKey,
      status: "ACTIVE",
      config: c.config,
      externalId: c.externalId,
      secretsEncrypted,
    },
  });
  const keys = [c.routeKey, verifyRoute(c.secrets.verifyToken)];
  // Routes are global (no row-level security); a stale verify route (an older token) goes.
  await db.channelRoute.deleteMany({ where: { channelId: c.id, key: { notIn: keys } } });
  for (const key of keys)
    await db.channelRoute.upsert({
      where: { key },
      update: { channelId: c.id, routedCustomerId: c.customerId },
      create: { key, channelId: c.id, routedCustomerId: c.customerId },
    });
}
