import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantPrincipal } from "../principal";
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from "./cutoff";

export const ZRetentionPeriod = z.object({
  months: z.coerce.number().int().min(RETENTION_MONTHS_MIN).max(RETENTION_MONTHS_MAX),
});
export type TRetentionPeriod = z.infer<typeof ZRetentionPeriod>;

/**
 * An admin changes the tenant's retention period. The change is a documented processing
 * instruction (T 6.3, 6.7.1): stored with who, when, old and new value, and audited, in the
 * same transaction as the change. The next daily purge uses the new period.
 */
export async function updateRetentionPeriod(options: {
  actor: TTenantPrincipal;
  input: TRetentionPeriod;
}): Promise<{ changed: boolean; oldMonths: number; newMonths: number }> {
  const { actor } = options;
  assertMay(actor, "settings.data_protection.manage");
  const { months } = ZRetentionPeriod.parse(options.input);
  return withTenant(
    actor.tenant.customerId,
    async (tx) => {
      const customer = await tx.customer.findUniqueOrThrow({
        where: { id: actor.tenant.customerId },
        select: { retentionMonths: true },
      });
      const oldMonths = customer.retentionMonths;
      if (oldMonths === months) return { changed: false, oldMonths, newMonths: months };
      await tx.customer.update({ where: { id: actor.tenant.customerId }, data: { retentionMonths: months } });
      const instruction = await tx.processingInstruction.create({
        data: {
          customerId: actor.tenant.customerId,
          kind: "retention.period",
          oldValue: { months: oldMonths },
          newValue: { months },
          createdById: actor.userId,
        },
      });
      await tx.auditEvent.create({
        data: {
          customerId: actor.tenant.customerId,
          actorUserId: actor.userId,
          action: "data_protection.retention_changed",
          targetType: "ProcessingInstruction",
          targetId: instruction.id,
          data: { oldMonths, newMonths: months },
        },
      });
      return { changed: true, oldMonths, newMonths: months };
    },
    { userId: actor.userId },
  );
}
