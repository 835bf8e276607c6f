import { createHmac } from "node:crypto";
import { sealSecret } from "@forecourt/auth";
import { getConfig } from "@forecourt/config";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_META_CHANNELS } from "./seed-meta-channels";

/**
 * Every demo dealer gets an API channel ("OEM app"), so examples/oem-app can chat with the demo
 * at once. Channel ids and inbox identifiers are fixed; the HMAC secret is derived from
 * AUTH_SECRET (never in git, stable across seeds) and printed by the start command
 * (cli/print-demo.ts) for the sample app. Idempotent: upserted by id.
 */
export function demoApiChannels() {
  return DEMO_META_CHANNELS.map((demo, i) => ({
    slug: demo.slug,
    customerId: demo.customerId,
    dealerId: demo.dealerId,
    channelId: `6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e9a0${i + 1}`,
    inboxIdentifier: `in_${demo.customerId.replaceAll("-", "")}_demo_${demo.slug}`,
    hmacSecret: createHmac("sha256", getConfig().AUTH_SECRET).update(`forecourt-demo-api:${demo.slug}`).digest("hex"),
  }));
}

export async function seedApiChannels(db: PrismaClient) {
  const config = getConfig();
  for (const demo of demoApiChannels()) {
    const dealer = await db.dealer.findUniqueOrThrow({ where: { id: demo.dealerId } });
    // The same sealed shape as core's sealApiChannelSecrets.
    const secretsEncrypted = sealSecret(JSON.stringify({ hmacSecret: demo.hmacSecret }), config.ENCRYPTION_KEY);
    await db.channel.upsert({
      where: { id: demo.channelId },
      update: { publicKey: demo.inboxIdentifier, secretsEncrypted },
      create: {
        id: demo.channelId,
        customerId: demo.customerId,
        dealerId: demo.dealerId,
        type: "API",
        name: `${dealer.name} app`,
        publicKey: demo.inboxIdentifier,
        status: "ACTIVE",
        config: {},
        secretsEncrypted,
      },
    });
  }
}
