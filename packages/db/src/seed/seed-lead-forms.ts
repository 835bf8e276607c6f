import { STANDARD_LEAD_FORMS } from "@forecourt/protocol";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_IDS } from "./demo-data";

/** Where the demo dealers' leads go: the local mail catcher (every address lands there). */
export const DEMO_LEAD_CRM_EMAIL = "leads@crm.northwind.example";

/**
 * Lead forms (docs/leads.md): the four standard forms for every demo dealer, and a CRM e-mail
 * export target for Northwind Amsterdam (its ADF/XML leads show up in the mail catcher).
 * Idempotent: existing forms and targets are left as they are.
 */
export async function seedLeadForms(db: PrismaClient) {
  const dealers = await db.dealer.findMany({
    where: { customerId: { in: [DEMO_IDS.northwind, DEMO_IDS.vanDerMeer] } },
    select: { id: true, customerId: true },
  });
  for (const dealer of dealers) {
    await db.leadForm.createMany({
      data: STANDARD_LEAD_FORMS.map((f) => ({
        customerId: dealer.customerId,
        dealerId: dealer.id,
        kind: f.kind,
        name: f.name,
        fields: f.fields,
      })),
      skipDuplicates: true,
    });
  }
  await db.leadExportTarget.upsert({
    where: { dealerId: DEMO_IDS.amsterdam },
    update: {},
    create: { customerId: DEMO_IDS.northwind, dealerId: DEMO_IDS.amsterdam, crmEmail: DEMO_LEAD_CRM_EMAIL },
  });
}
