import { z } from "zod";
import { withTenant, type TTx } from "@forecourt/db";
import { recordWebhookEvents } from "../webhooks/record-webhook-event";
import { ZLegalBasis } from "@forecourt/protocol";
import { RuleError } from "../errors";
import { assertMay, auditActor, type TTenantActor } from "../principal";
import { ZUpdateContact, ZVehicleInput } from "../chat/update-contact";
import { vehicleData } from "./vehicle-fields";
import { isDealerScoped } from "./contact-scope";

/**
 * A new contact, from a business application (the CRM) rather than a channel. RULES.md §6
 * (T 7.1/7.2): a consumer's data may enter the product only with a recorded legal basis, so the
 * basis is required and recorded with the time; the note says where it was given.
 */
export const ZCreateContact = z
  .object({
    name: ZUpdateContact.shape.name,
    email: ZUpdateContact.shape.email,
    phone: ZUpdateContact.shape.phone,
    legalBasis: ZLegalBasis,
    /** Where and how the basis was obtained (e.g. "Consent on the test-drive form, 2 Dec 2026"). */
    legalBasisNote: ZUpdateContact.shape.legalBasisNote,
    vehicles: z
      .array(ZVehicleInput.omit({ id: true, remove: true }))
      .max(20)
      .default([]),
  })
  .refine((c) => c.name || c.email || c.phone, { message: "Give a name, e-mail or phone", path: ["name"] });
export type TCreateContact = z.input<typeof ZCreateContact>;

/** Writes the contact, its vehicles and the audit event in `tx` (create-conversation reuses it). */
export async function insertContact(tx: TTx, actor: TTenantActor, input: z.output<typeof ZCreateContact>) {
  const customerId = actor.tenant.customerId;
  const source = actor.kind === "api_key" ? `the API key "${actor.name}"` : "a teammate";
  const contact = await tx.contact.create({
    data: {
      customerId,
      name: input.name ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      legalBasis: input.legalBasis,
      legalBasisNote: input.legalBasisNote ?? `Recorded by ${source}`,
      legalBasisRecordedAt: new Date(),
    },
  });
  for (const v of input.vehicles) {
    if (!v.vin && !v.plate) continue;
    await tx.vehicle.create({
      data: {
        customerId,
        contactId: contact.id,
        ...vehicleData(v),
      },
    });
  }
  const { actorUserId, keyData } = auditActor(actor);
  await recordWebhookEvents(tx, actor.tenant.customerId, [{ type: "contact.created", contactId: contact.id }]);
  await tx.auditEvent.create({
    data: {
      customerId,
      actorUserId,
      data: { ...keyData, legalBasis: input.legalBasis },
      action: "contact.created",
      targetType: "Contact",
      targetId: contact.id,
    },
  });
  return contact;
}

/**
 * Creates a contact (audited). A dealer-scoped actor sees contacts only through conversations in
 * its dealers (contact-scope.ts), so it would lose sight of a bare contact at once: it creates
 * one together with its conversation instead (create-conversation.ts).
 */
export async function createContact(options: { actor: TTenantActor; input: TCreateContact }) {
  const { actor } = options;
  assertMay(actor, "contacts.edit");
  const input = ZCreateContact.parse(options.input);
  if (isDealerScoped(actor)) {
    throw new RuleError(
      "dealer_scoped_contact",
      "A key limited to some dealers creates contacts with a conversation: POST /conversations with a contact.",
    );
  }
  return withTenant(actor.tenant.customerId, async (tx) => (await insertContact(tx, actor, input)).id);
}
