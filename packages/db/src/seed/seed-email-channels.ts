import { ZEmailConfig, emailRouteKey, inboundAddressOf } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_META_CHANNELS } from "./seed-meta-channels";

/**
 * Every demo dealer gets a connected e-mail channel: inbound address "<slug>@EMAIL_INBOUND_DOMAIN"
 * (the channel simulator's mail client writes there over SMTP, into the ingress), replies From
 * "sales@<slug>.dealer.example" (they land in the local mail catcher, the customer's mailbox).
 * Fixed ids; no secrets (reply tokens are keyed by AUTH_SECRET). Idempotent like the Meta seed:
 * settings and route reset, status and name left as an administrator set them.
 */
export const DEMO_EMAIL_CHANNELS = DEMO_META_CHANNELS.map((demo, index) => ({
  slug: demo.slug,
  customerId: demo.customerId,
  dealerId: demo.dealerId,
  channelId: `6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1a0${index + 1}`,
}));

/** The demo dealers' inbound addresses, for the simulator and the start command's banner. */
export function demoEmailAddresses(): { dealerId: string; slug: string; inbound: string; from: string }[] {
  const domain = getConfig().EMAIL_INBOUND_DOMAIN;
  return DEMO_EMAIL_CHANNELS.map((d) => ({
    dealerId: d.dealerId,
    slug: d.slug,
    inbound: inboundAddressOf({ inboundLocalPart: d.slug, inboundDomain: domain }),
    from: `sales@${d.slug}.dealer.example`,
  }));
}

export async function seedEmailChannels(db: PrismaClient) {
  const domain = getConfig().EMAIL_INBOUND_DOMAIN;
  for (const demo of DEMO_EMAIL_CHANNELS) {
    const dealer = await db.dealer.findUniqueOrThrow({ where: { id: demo.dealerId } });
    const config = ZEmailConfig.parse({
      inboundLocalPart: demo.slug,
      inboundDomain: domain,
      fromName: dealer.name,
      fromAddress: `sales@${demo.slug}.dealer.example`,
    });
    await db.channel.upsert({
      where: { id: demo.channelId },
      update: { config, externalId: inboundAddressOf(config) },
      create: {
        id: demo.channelId,
        customerId: demo.customerId,
        dealerId: demo.dealerId,
        type: "EMAIL",
        name: `${dealer.name} e-mail`,
        publicKey: `em_demo_${demo.slug}`,
        status: "ACTIVE",
        config,
        externalId: inboundAddressOf(config),
      },
    });
    const key = emailRouteKey(config.inboundLocalPart, config.inboundDomain);
    await db.channelRoute.deleteMany({ where: { channelId: demo.channelId, key: { not: key } } });
    await db.channelRoute.upsert({
      where: { key },
      update: { channelId: demo.channelId, routedCustomerId: demo.customerId },
      create: { key, channelId: demo.channelId, routedCustomerId: demo.customerId },
    });
  }
}
