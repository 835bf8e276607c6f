import { createHash } from "node:crypto";
import type { TGraphTemplate } from "./types";

/** A stable numeric template id per WABA, name and language (Meta's ids are digit strings). */
function templateId(wabaId: string, name: string, language: string) {
  const hex = createHash("sha256").update(`${wabaId}:${name}:${language}`).digest("hex").slice(0, 13);
  return String(BigInt(`0x${hex}`))
    .padStart(16, "1")
    .slice(0, 16);
}

type TDraft = Pick<TGraphTemplate, "name" | "language" | "category" | "status"> & { body: string; footer?: string };

const DRAFTS: TDraft[] = [
  {
    name: "service_reminder",
    language: "en",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hi {{1}}, your {{2}} is due for its service on {{3}}. Reply to this message to book a time that suits you.",
    footer: "Reply STOP to opt out",
  },
  {
    name: "service_reminder",
    language: "nl",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hallo {{1}}, uw {{2}} is op {{3}} toe aan een onderhoudsbeurt. Beantwoord dit bericht om een afspraak te maken.",
    footer: "Antwoord STOP om af te melden",
  },
  {
    name: "service_reminder",
    language: "de",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hallo {{1}}, Ihr {{2}} ist am {{3}} zur Inspektion fällig. Antworten Sie auf diese Nachricht, um einen Termin zu vereinbaren.",
  },
  {
    name: "appointment_confirmation",
    language: "en",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hi {{1}}, your appointment at {{2}} is confirmed for {{3}}. See you then!",
  },
  {
    name: "appointment_confirmation",
    language: "nl",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hallo {{1}}, uw afspraak bij {{2}} is bevestigd voor {{3}}. Tot dan!",
  },
  {
    name: "appointment_confirmation",
    language: "de",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hallo {{1}}, Ihr Termin bei {{2}} ist für {{3}} bestätigt. Bis dann!",
  },
  {
    name: "follow_up",
    language: "en",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hi {{1}}, thanks for getting in touch with us. Is there anything else we can help you with?",
  },
  {
    name: "follow_up",
    language: "nl",
    category: "UTILITY",
    status: "APPROVED",
    body: "Hallo {{1}}, bedankt voor uw bericht. Kunnen we u nog ergens anders mee helpen?",
  },
  {
    name: "follow_up",
    language: "de",
    category: "UTILITY",
    status: "PENDING",
    body: "Hallo {{1}}, danke für Ihre Nachricht. Können wir Ihnen noch bei etwas anderem helfen?",
  },
  {
    name: "test_drive_invitation",
    language: "en",
    category: "MARKETING",
    status: "PENDING",
    body: "Hi {{1}}, the new {{2}} has arrived at our showroom. Would you like to book a test drive?",
  },
];

/** The templates a seeded dealer's WABA lists: service reminder, appointment, follow-up (en, nl, de). */
export function dealerTemplates(wabaId: string): TGraphTemplate[] {
  return DRAFTS.map((d) => ({
    id: templateId(wabaId, d.name, d.language),
    name: d.name,
    language: d.language,
    category: d.category,
    status: d.status,
    components: [
      { type: "BODY" as const, text: d.body },
      ...(d.footer ? [{ type: "FOOTER" as const, text: d.footer }] : []),
    ],
  }));
}

export const templateBody = (t: TGraphTemplate) => t.components.find((c) => c.type === "BODY")?.text ?? "";

/** The highest {{n}} in a body (Meta numbers them from 1). */
export function variableCount(body: string) {
  let max = 0;
  for (const m of body.matchAll(/\{\{\s*(\d{1,2})\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

export const fillVariables = (body: string, values: readonly string[]) =>
  body.replace(/\{\{\s*(\d{1,2})\s*\}\}/g, (whole, n: string) => values[Number(n) - 1] ?? whole);
