import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_IDS } from "./demo-data";

export const DEMO_SUBSCRIPTION_IDS = {
  northwindConversations: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e2c01",
  northwindIntegrations: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e2c02",
  vanDerMeerConversations: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e2c03",
} as const;

/** A calendar date `days` from `today` (UTC), as a Date for a Postgres `date` column. */
function dayOffset(today: Date, days: number): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

/**
 * Order forms for the demo customers, dated relative to the day of seeding so the demo always
 * shows both cases: Northwind Motors (a dealer group with two products; the second one started
 * a new minimum period for both, T 5.6) is inside its dissolution window, so its owner can file
 * a notice in Settings → Subscription; Van der Meer Auto's window has closed and the page says
 * when the next one opens. Existing rows are never changed (a notice filed in the demo stays).
 */
export async function seedSubscriptions(db: PrismaClient, today = new Date()) {
  const rows = [
    {
      id: DEMO_SUBSCRIPTION_IDS.northwindConversations,
      customerId: DEMO_IDS.northwind,
      product: "Conversations",
      tier: "STANDARD" as const,
      contractDate: dayOffset(today, -60),
      firstTrainingDate: dayOffset(today, -50),
      initialTermMonths: 24,
      setupFee: "1500.00",
      serviceFees: "750.00",
      monthlyFee: "895.00",
      status: "ACTIVE" as const,
    },
    {
      id: DEMO_SUBSCRIPTION_IDS.northwindIntegrations,
      customerId: DEMO_IDS.northwind,
      product: "Integrations",
      tier: "STANDARD" as const,
      contractDate: dayOffset(today, -45),
      firstTrainingDate: dayOffset(today, -40),
      initialTermMonths: 12,
      setupFee: "0.00",
      serviceFees: "400.00",
      monthlyFee: "250.00",
      status: "ACTIVE" as const,
    },
    {
      id: DEMO_SUBSCRIPTION_IDS.vanDerMeerConversations,
      customerId: DEMO_IDS.vanDerMeer,
      product: "Conversations",
      tier: "PLUS" as const,
      contractDate: dayOffset(today, -220),
      firstTrainingDate: dayOffset(today, -210),
      initialTermMonths: 36,
      setupFee: "950.00",
      serviceFees: "0.00",
      monthlyFee: "395.00",
      status: "ACTIVE" as const,
    },
  ];
  for (const row of rows) {
    await db.subscription.upsert({ where: { id: row.id }, update: {}, create: row });
  }
}
