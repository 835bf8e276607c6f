import { createHmac } from "node:crypto";
import { sealSecret } from "@forecourt/auth";
import { getConfig } from "@forecourt/config";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_IDS } from "./demo-data";

/** Fixed demo widget keys (`wk_<customer id hex>_<name>`), so the demo site's tags never change. */
export function demoWidgetKey(customerId: string, name: string): string {
  return `wk_${customerId.replaceAll("-", "")}_${name}`;
}

/**
 * The demo widgets' identity-verification secrets (`Forecourt('identify', …)`), derived from
 * AUTH_SECRET (never in git, stable across seeds), so the demo dealer site can sign its demo
 * user's id the way a dealer's server would. A reseed restores them after a rotation.
 */
export function demoWidgetIdentitySecret(slug: string): string {
  return createHmac("sha256", getConfig().AUTH_SECRET).update(`forecourt-demo-widget-identity:${slug}`).digest("hex");
}

export const DEMO_WIDGETS = [
  {
    id: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1d01",
    customerId: DEMO_IDS.northwind,
    dealerId: DEMO_IDS.amsterdam,
    slug: "demo-amsterdam",
    colour: "#1f6feb",
  },
  {
    id: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1d02",
    customerId: DEMO_IDS.northwind,
    dealerId: DEMO_IDS.copenhagen,
    slug: "demo-copenhagen",
    colour: "#0f766e",
  },
  {
    id: "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1d03",
    customerId: DEMO_IDS.vanDerMeer,
    dealerId: DEMO_IDS.vanDerMeerUtrecht,
    slug: "demo-utrecht",
    colour: "#c2410c",
  },
] as const;

/** With SLA targets in minutes (docs/inbox.md#sla-targets: the inbox list counts down to them) and
 * the names visitors see in the widget's other languages. */
const DEPARTMENTS = [
  {
    name: "Sales",
    kind: "SALES",
    firstResponseMinutes: 15,
    resolutionMinutes: 1440,
    visitorNames: { nl: "Verkoop", da: "Salg", de: "Verkauf" },
  },
  {
    name: "Service",
    kind: "SERVICE",
    firstResponseMinutes: 30,
    resolutionMinutes: 2880,
    visitorNames: { nl: "Werkplaats", da: "Værksted", de: "Werkstatt" },
  },
  {
    name: "Parts",
    kind: "PARTS",
    firstResponseMinutes: 60,
    resolutionMinutes: null,
    visitorNames: { nl: "Onderdelen", da: "Reservedele", de: "Ersatzteile" },
  },
] as const;

/** Demo labels shared by all of a customer's dealers (the inbox's label picker). */
const LABELS = [
  { name: "Trade-in", color: "blue" },
  { name: "Finance", color: "green" },
  { name: "VIP", color: "violet" },
] as const;

/**
 * Live-chat demo data: departments and one website-chat channel per demo dealer, allowed on
 * the demo dealer site's origin (DEMO_SITE_PORT), plus a few canned replies. Idempotent; the
 * allowed origins follow the configured port on every run.
 */
export async function seedChat(db: PrismaClient) {
  const port = getConfig().DEMO_SITE_PORT;
  const allowedOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  for (const w of DEMO_WIDGETS) {
    const dealer = await db.dealer.findUniqueOrThrow({ where: { id: w.dealerId } });
    for (const d of DEPARTMENTS) {
      const targets = { firstResponseMinutes: d.firstResponseMinutes, resolutionMinutes: d.resolutionMinutes };
      await db.department.upsert({
        where: { dealerId_name: { dealerId: w.dealerId, name: d.name } },
        update: {},
        create: {
          customerId: w.customerId,
          dealerId: w.dealerId,
          name: d.name,
          kind: d.kind,
          visitorNames: d.visitorNames,
          ...targets,
        },
      });
      // Departments seeded before there were targets get them; targets an admin set stay.
      await db.department.updateMany({
        where: { dealerId: w.dealerId, name: d.name, firstResponseMinutes: null, resolutionMinutes: null },
        data: targets,
      });
    }
    const existing = await db.channel.findUnique({ where: { id: w.id } });
    const config = {
      ...((existing?.config as object | null) ?? {
        primaryColour: w.colour,
        textColour: "#ffffff",
        greeting: `Hi! Welcome to ${dealer.name}. How can we help?`,
        // The greeting in each language the widget speaks; a visitor gets the browser's one.
        texts: {
          greeting: {
            en: `Hi! Welcome to ${dealer.name}. How can we help?`,
            nl: `Hallo! Welkom bij ${dealer.name}. Waarmee kunnen we u helpen?`,
            da: `Hej! Velkommen til ${dealer.name}. Hvad kan vi hjælpe med?`,
            de: `Hallo! Willkommen bei ${dealer.name}. Wie können wir helfen?`,
          },
        },
        dealerName: dealer.name,
        preChat: { name: "required", email: "optional", phone: "off" },
        legalBasis: "CONSENT",
        askDepartment: true,
      }),
      allowedOrigins,
    };
    const secretsEncrypted = sealSecret(
      JSON.stringify({ identitySecret: demoWidgetIdentitySecret(w.slug) }),
      getConfig().ENCRYPTION_KEY,
    );
    await db.channel.upsert({
      where: { id: w.id },
      update: { config, secretsEncrypted },
      create: {
        id: w.id,
        customerId: w.customerId,
        dealerId: w.dealerId,
        type: "WIDGET",
        name: `${dealer.name} website`,
        publicKey: demoWidgetKey(w.customerId, w.slug),
        config,
        secretsEncrypted,
      },
    });
  }
  const replies = [
    { shortcut: "hello", title: "Greeting", body: "Hello! Thanks for reaching out. How can I help you today?" },
    { shortcut: "testdrive", title: "Test drive", body: "We'd be happy to book a test drive. Which day suits you?" },
    {
      shortcut: "service",
      title: "Service booking",
      body: "I can book your car in for a service. What is your licence plate?",
    },
  ];
  for (const customerId of [DEMO_IDS.northwind, DEMO_IDS.vanDerMeer]) {
    for (const l of LABELS) {
      // Shared labels (dealerId null): the unique index does not cover nulls, so look first.
      const found = await db.label.findFirst({ where: { customerId, dealerId: null, name: l.name } });
      if (!found) await db.label.create({ data: { customerId, dealerId: null, ...l } });
    }
    for (const r of replies) {
      const found = await db.cannedReply.findFirst({ where: { customerId, dealerId: null, shortcut: r.shortcut } });
      if (!found) await db.cannedReply.create({ data: { customerId, dealerId: null, ...r } });
    }
  }
}
