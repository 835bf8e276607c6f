import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_WIDGETS } from "./seed-chat";
import { DEMO_IDS } from "./demo-data";

export const DEMO_MANAGED_IDS = {
  contact: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e3c01",
  conversation: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e3c02",
  message: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e3c03",
} as const;

/**
 * Plus tier demo (docs/plus.md): Van der Meer Auto is on Plus, so one of its website chats that
 * nobody answered, written 20 minutes before the first seed (past the order form's 5 minutes),
 * waits in the provider console's managed queue for managed@forecourt.example. Created once;
 * once a managed agent (or the dealer) answers it, it leaves the queue and stays answered.
 */
export async function seedManagedQueue(db: PrismaClient, now = new Date()) {
  const widget = DEMO_WIDGETS.find((w) => w.customerId === DEMO_IDS.vanDerMeer)!;
  if (await db.conversation.findUnique({ where: { id: DEMO_MANAGED_IDS.conversation } })) return;
  const at = new Date(now.getTime() - 20 * 60_000);
  await db.contact.upsert({
    where: { id: DEMO_MANAGED_IDS.contact },
    update: {},
    create: {
      id: DEMO_MANAGED_IDS.contact,
      customerId: DEMO_IDS.vanDerMeer,
      name: "Sanne Bakker",
      email: "sanne.bakker@example.org",
      legalBasis: "CONSENT",
      legalBasisRecordedAt: at,
      lastEngagedAt: at,
      createdAt: at,
    },
  });
  await db.conversation.create({
    data: {
      id: DEMO_MANAGED_IDS.conversation,
      customerId: DEMO_IDS.vanDerMeer,
      dealerId: DEMO_IDS.vanDerMeerUtrecht,
      channelId: widget.id,
      contactId: DEMO_MANAGED_IDS.contact,
      status: "OPEN",
      lastSeq: 1,
      lastMessageAt: at,
      lastInboundAt: at,
      createdAt: at,
    },
  });
  await db.message.create({
    data: {
      id: DEMO_MANAGED_IDS.message,
      customerId: DEMO_IDS.vanDerMeer,
      conversationId: DEMO_MANAGED_IDS.conversation,
      seq: 1,
      clientId: "demo-managed-queue-1",
      authorType: "CONTACT",
      kind: "TEXT",
      body: "Hallo, is de Volvo V60 uit jullie advertentie nog beschikbaar? Ik wil hem zaterdag graag bekijken.",
      createdAt: at,
    },
  });
}
