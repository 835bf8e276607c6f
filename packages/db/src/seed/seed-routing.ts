import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_IDS } from "./demo-data";

/** Service words in the four languages the demo dealers' visitors write in. */
const SERVICE_WORDS = ["service", "onderhoud", "apk", "mot", "værksted", "eftersyn", "inspektion", "werkstatt"];

const DEMO_DEALERS = [
  { dealerId: DEMO_IDS.amsterdam, customerId: DEMO_IDS.northwind, ruleId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e01" },
  { dealerId: DEMO_IDS.copenhagen, customerId: DEMO_IDS.northwind, ruleId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e02" },
  {
    dealerId: DEMO_IDS.vanDerMeerUtrecht,
    customerId: DEMO_IDS.vanDerMeer,
    ruleId: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e03",
  },
] as const;

/** The public holidays of the demo dealers' countries for the coming season. */
const HOLIDAYS: Record<string, { date: string; name: string }[]> = {
  [DEMO_IDS.amsterdam]: [
    { date: "2026-12-25", name: "Eerste kerstdag" },
    { date: "2026-12-26", name: "Tweede kerstdag" },
    { date: "2027-01-01", name: "Nieuwjaarsdag" },
  ],
  [DEMO_IDS.copenhagen]: [
    { date: "2026-12-24", name: "Juleaften" },
    { date: "2026-12-25", name: "Juledag" },
    { date: "2026-12-26", name: "2. juledag" },
    { date: "2027-01-01", name: "Nytårsdag" },
  ],
  [DEMO_IDS.vanDerMeerUtrecht]: [
    { date: "2026-12-25", name: "Eerste kerstdag" },
    { date: "2026-12-26", name: "Tweede kerstdag" },
  ],
};

/**
 * Routing demo data: on each demo dealer a rule that sends website chats mentioning a service word
 * to Service and gives them, round robin, to an online agent (at most five each) with an
 * automatic reply; holidays and an away message. The demo dealers keep "always open" weekly
 * hours, so the demo's chats work at any hour: set hours in Settings → Routing to see the away
 * message and the waiting state. Existing rows are left as the user changed them.
 */
export async function seedRouting(db: PrismaClient) {
  for (const d of DEMO_DEALERS) {
    const service = await db.department.findUnique({
      where: { dealerId_name: { dealerId: d.dealerId, name: "Service" } },
    });
    if (!service) continue;
    const dealer = await db.dealer.findUniqueOrThrow({ where: { id: d.dealerId } });
    if (dealer.awayMessage === null)
      await db.dealer.update({
        where: { id: d.dealerId },
        data: {
          holidays: HOLIDAYS[d.dealerId] ?? [],
          awayMessage: `Thanks for your message! ${dealer.name} is closed right now; we answer as soon as we open.`,
        },
      });
    await db.routingRule.upsert({
      where: { id: d.ruleId },
      update: {},
      create: {
        id: d.ruleId,
        customerId: d.customerId,
        dealerId: d.dealerId,
        name: "Service questions",
        position: 1,
        conditions: { channelTypes: ["WIDGET"], keywords: SERVICE_WORDS },
        actions: {
          departmentId: service.id,
          assign: { strategy: "round_robin", capacity: 5 },
          autoReply: "Thanks! Our service desk has your question and will answer in a moment.",
        },
      },
    });
  }
  await seedCopenhagenBot(db);
  // Seeded conversations were "handled" already: no rule runs for them later.
  await db.conversation.updateMany({ where: { routedAt: null }, data: { routedAt: new Date() } });
}

const BOT_ID = "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e11";
const BOT_RULE_ID = "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1e12";

/**
 * Northwind Copenhagen's answer bot: website chats asking for opening hours or the address get
 * it (second rule); it answers in the visitor's language and hands off to a person when asked
 * or when no answer fits.
 */
async function seedCopenhagenBot(db: PrismaClient) {
  await db.bot.upsert({
    where: { id: BOT_ID },
    update: {},
    create: {
      id: BOT_ID,
      customerId: DEMO_IDS.northwind,
      dealerId: DEMO_IDS.copenhagen,
      name: "Northwind assistant",
      kind: "FAQ",
      config: {
        greeting: {
          en: "Hi! I am Northwind's assistant.",
          da: "Hej! Jeg er Northwinds assistent.",
          nl: "Hoi! Ik ben de assistent van Northwind.",
          de: "Hallo! Ich bin der Assistent von Northwind.",
        },
        entries: [
          {
            keywords: ["opening hours", "åbningstider", "openingstijden", "öffnungszeiten", "open"],
            answer: {
              en: "We are open Monday to Friday 9:00–18:00 and Saturday 10:00–15:00.",
              da: "Vi har åbent mandag til fredag 9.00–18.00 og lørdag 10.00–15.00.",
              nl: "We zijn open van maandag tot vrijdag 9.00–18.00 en zaterdag 10.00–15.00.",
              de: "Wir haben Montag bis Freitag 9:00–18:00 und Samstag 10:00–15:00 geöffnet.",
            },
          },
          {
            keywords: ["address", "adresse", "adres", "where", "hvor"],
            answer: {
              en: "You find us at Vesterbrogade 100, 1620 Copenhagen V.",
              da: "Du finder os på Vesterbrogade 100, 1620 København V.",
              nl: "Je vindt ons aan de Vesterbrogade 100, 1620 Kopenhagen V.",
              de: "Sie finden uns in der Vesterbrogade 100, 1620 Kopenhagen V.",
            },
          },
        ],
        handoffKeywords: ["person", "human", "agent", "medarbejder", "medewerker", "mitarbeiter"],
        handoffMessage: {
          en: "I will get a colleague for you.",
          da: "Jeg henter en kollega til dig.",
          nl: "Ik haal een collega voor je.",
          de: "Ich hole Ihnen einen Kollegen.",
        },
      },
    },
  });
  await db.routingRule.upsert({
    where: { id: BOT_RULE_ID },
    update: {},
    create: {
      id: BOT_RULE_ID,
      customerId: DEMO_IDS.northwind,
      dealerId: DEMO_IDS.copenhagen,
      name: "Opening hours and directions",
      position: 2,
      conditions: {
        channelTypes: ["WIDGET"],
        keywords: ["opening hours", "åbningstider", "openingstijden", "öffnungszeiten", "address", "adresse"],
      },
      actions: { botId: BOT_ID, assign: { strategy: "round_robin", capacity: 5 } },
    },
  });
}
