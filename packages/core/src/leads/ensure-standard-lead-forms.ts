import type { TTx } from "@forecourt/db";
import { STANDARD_LEAD_FORMS } from "./standard-forms";

/** Gives a dealer the four standard forms it does not have yet (seed, tests); never changes existing ones. */
export async function ensureStandardLeadForms(tx: TTx, customerId: string, dealerId: string): Promise<void> {
  await tx.leadForm.createMany({
    data: STANDARD_LEAD_FORMS.map((f) => ({ customerId, dealerId, kind: f.kind, name: f.name, fields: f.fields })),
    skipDuplicates: true,
  });
}
