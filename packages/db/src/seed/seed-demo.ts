import { hashPassword } from "@forecourt/auth";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_IDS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";
import { seedSubscriptions } from "./seed-subscriptions";
import { seedApiChannels } from "./seed-api-channels";
import { seedChat } from "./seed-chat";
import { seedManagedQueue } from "./seed-managed-queue";
import { seedRouting } from "./seed-routing";
import { seedEmailChannels } from "./seed-email-channels";
import { seedLeadForms } from "./seed-lead-forms";
import { seedMetaChannels } from "./seed-meta-channels";
import { seedSmsChannels } from "./seed-sms-channels";
import { seedTelegramChannels } from "./seed-telegram-channels";

/**
 * Demo data: provider support, dealer group "Northwind Motors" (Amsterdam, Copenhagen) with an
 * owner, an admin and two agents, and the single-dealer customer "Van der Meer Auto"; each dealer
 * with a website chat, a WhatsApp number and a Messenger page (answered by the channel simulator).
 * Runs as the database owner (outside row-level security); idempotent.
 */
export async function seedDemo(db: PrismaClient) {
  await db.customer.upsert({
    where: { id: DEMO_IDS.northwind },
    update: {},
    create: {
      id: DEMO_IDS.northwind,
      name: "Northwind Motors",
      kind: "DEALER_GROUP",
      tier: "STANDARD",
      status: "ACTIVE",
    },
  });
  await db.customer.upsert({
    where: { id: DEMO_IDS.vanDerMeer },
    update: {},
    create: { id: DEMO_IDS.vanDerMeer, name: "Van der Meer Auto", kind: "DEALER", tier: "PLUS", status: "ACTIVE" },
  });
  const dealers = [
    {
      id: DEMO_IDS.amsterdam,
      customerId: DEMO_IDS.northwind,
      name: "Northwind Amsterdam",
      city: "Amsterdam",
      timeZone: "Europe/Amsterdam",
    },
    {
      id: DEMO_IDS.copenhagen,
      customerId: DEMO_IDS.northwind,
      name: "Northwind Copenhagen",
      city: "Copenhagen",
      timeZone: "Europe/Copenhagen",
    },
    {
      id: DEMO_IDS.vanDerMeerUtrecht,
      customerId: DEMO_IDS.vanDerMeer,
      name: "Van der Meer Auto Utrecht",
      city: "Utrecht",
      timeZone: "Europe/Amsterdam",
    },
  ];
  for (const dealer of dealers) {
    await db.dealer.upsert({ where: { id: dealer.id }, update: {}, create: dealer });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: demo.email },
      update: {},
      create: {
        email: demo.email,
        name: demo.name,
        locale: demo.locale,
        passwordHash,
        providerRole: demo.providerRole ?? null,
      },
    });
    for (const { customerId, role, dealerIds = [] } of demo.memberships ?? []) {
      const membership = await db.membership.upsert({
        where: { customerId_userId: { customerId, userId: user.id } },
        update: {},
        create: { customerId, userId: user.id, role },
      });
      for (const dealerId of dealerIds) {
        await db.membershipDealer.upsert({
          where: { membershipId_dealerId: { membershipId: membership.id, dealerId } },
          update: {},
          create: { customerId, membershipId: membership.id, dealerId },
        });
      }
    }
  }
  await seedSubscriptions(db);
  await seedChat(db);
  await seedMetaChannels(db);
  await seedTelegramChannels(db);
  await seedEmailChannels(db);
  // After the Meta channels: it adds each dealer's SMS account to the simulator file they wrote.
  await seedSmsChannels(db);
  await seedApiChannels(db);
  await seedManagedQueue(db);
  await seedLeadForms(db);
  // Last: it marks the conversations seeded above as routed.
  await seedRouting(db);
}
