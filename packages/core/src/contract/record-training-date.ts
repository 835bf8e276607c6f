import { z } from "zod";
import { isIsoDate, productStartDate, type IsoDate } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { RuleError } from "../errors";
import { applyCustomerLifecycle } from "./apply-customer-lifecycle";
import { fromIsoDate, toIsoDate } from "./dates";
import { loadSubscription } from "./record-notice";

export const ZRecordTrainingDate = z.object({
  subscriptionId: z.uuid(),
  firstTrainingDate: z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD"),
});
export type TRecordTrainingDate = z.input<typeof ZRecordTrainingDate>;

/**
 * Records (or moves) the first training date (L definition 6). The product start date follows
 * from it; it can change only while the subscription has not started, since a running term
 * is never moved.
 */
export async function recordTrainingDate(options: {
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
  input: TRecordTrainingDate;
}): Promise<{ startDate: IsoDate }> {
  const input = ZRecordTrainingDate.parse(options.input);
  return inTenant(
    options.actor,
    options.customerId,
    { provider: "provider.subscriptions.manage", reason: "record a training date" },
    async (tx) => {
      const { row, state } = await loadSubscription(tx, { ...options, subscriptionId: input.subscriptionId });
      if (state.stage !== "pending") {
        throw new RuleError(
          "already_started",
          `The subscription started on ${state.startDate}; its start date can no longer change.`,
        );
      }
      const contractDate = toIsoDate(row.contractDate);
      if (input.firstTrainingDate < contractDate) {
        throw new RuleError("before_contract", `The training cannot be before the contract date ${contractDate}.`);
      }
      const startDate = productStartDate({ contractDate, firstTrainingDate: input.firstTrainingDate });
      await tx.subscription.update({
        where: { id: row.id },
        data: { firstTrainingDate: fromIsoDate(input.firstTrainingDate) },
      });
      await tx.auditEvent.create({
        data: {
          customerId: options.customerId,
          actorUserId: options.actor.userId,
          action: "subscription.training_date_recorded",
          targetType: "Subscription",
          targetId: row.id,
          data: { from: toIsoDate(row.firstTrainingDate), to: input.firstTrainingDate, startDate },
        },
      });
      await applyCustomerLifecycle(tx, {
        customerId: options.customerId,
        day: options.day,
        actor: { actorUserId: options.actor.userId },
      });
      return { startDate };
    },
  );
}
