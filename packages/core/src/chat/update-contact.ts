import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { ZLegalBasis } from "@forecourt/protocol";
import { contactScopeWhere } from "../contacts/contact-scope";
import { vehicleData } from "../contacts/vehicle-fields";
import { assertMay, auditActor, type TTenantActor } from "../principal";
import { NotFoundError } from "../errors";
import { recordWebhookEvent } from "../webhooks/record-webhook-event";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .optional();

export const ZVehicleInput = z.object({
  id: z.uuid().optional(),
  vin: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-HJ-NPR-Z0-9]{17})?$/, "A VIN has 17 letters and digits (no I, O or Q)")
    .transform((v) => v || null)
    .nullable()
    .optional(),
  plate: optionalText(20),
  make: optionalText(40),
  model: optionalText(40),
  year: z
    .union([
      z.coerce
        .number()
        .int()
        .min(1900)
        .max(new Date().getUTCFullYear() + 1),
      z.literal(""),
    ])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  motDate: z
    .union([z.iso.date(), z.literal("")])
    .transform((v) => v || null)
    .nullable()
    .optional(),
  remove: z.boolean().optional(),
});

export const ZUpdateContact = z.object({
  contactId: z.uuid(),
  name: optionalText(120),
  email: z
    .union([z.email().max(200), z.literal("")])
    .transform((v) => v.toLowerCase() || null)
    .nullable()
    .optional(),
  phone: optionalText(30),
  legalBasis: ZLegalBasis.nullable().optional(),
  legalBasisNote: optionalText(500),
  vehicles: z.array(ZVehicleInput).max(20).optional(),
});
export type TUpdateContact = z.input<typeof ZUpdateContact>;

/** Edit a contact (name, e-mail, phone, legal basis) and their vehicles (VIN, plate, make, model, year, MOT date). */
export async function updateContact(options: { agent: TTenantActor; input: TUpdateContact }) {
  const { agent } = options;
  assertMay(agent, "contacts.edit");
  const input = ZUpdateContact.parse(options.input);
  return withTenant(agent.tenant.customerId, async (tx) => {
    // The contact must be in the agent's scope: for a dealer-scoped agent, a conversation in one
    // of their dealers; unscoped, any contact of the tenant (contact-scope.ts).
    const visible = await tx.contact.findFirst({
      where: { id: input.contactId, customerId: agent.tenant.customerId, ...contactScopeWhere(agent) },
      select: { id: true },
    });
    if (!visible) throw new NotFoundError("contact");
    const current = await tx.contact.findUniqueOrThrow({ where: { id: input.contactId } });
    const legalBasisChanged = input.legalBasis !== undefined && input.legalBasis !== current.legalBasis;
    await tx.contact.update({
      where: { id: input.contactId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.legalBasis !== undefined ? { legalBasis: input.legalBasis } : {}),
        ...(input.legalBasisNote !== undefined ? { legalBasisNote: input.legalBasisNote } : {}),
        ...(legalBasisChanged ? { legalBasisRecordedAt: new Date() } : {}),
      },
    });
    for (const v of input.vehicles ?? []) {
      const data = vehicleData(v);
      if (v.id) {
        const existing = await tx.vehicle.findFirst({ where: { id: v.id, contactId: input.contactId } });
        if (!existing) throw new NotFoundError("vehicle");
        if (v.remove) await tx.vehicle.delete({ where: { id: v.id } });
        else await tx.vehicle.update({ where: { id: v.id }, data });
      } else if (!v.remove && (data.vin || data.plate)) {
        await tx.vehicle.create({ data: { ...data, customerId: agent.tenant.customerId, contactId: input.contactId } });
      }
    }
    await recordWebhookEvent(tx, agent.tenant.customerId, { type: "contact.updated", contactId: input.contactId });
    await tx.auditEvent.create({
      data: {
        customerId: agent.tenant.customerId,
        actorUserId: auditActor(agent).actorUserId,
        data: auditActor(agent).keyData,
        action: "contact.updated",
        targetType: "Contact",
        targetId: input.contactId,
      },
    });
    return { ok: true as const };
  });
}
