import { z } from "zod";
import { checkFeeChange, isIsoDate, type FeeChangeReason, type IsoDate, type Money } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { RuleError } from "../errors";
import { feeHistoryOf } from "./customer-contract";
import { fromIsoDate } from "./dates";
import { loadSubscription } from "./record-notice";

export const ZChangeMonthlyFee = z
  .object({
    subscriptionId: z.uuid(),
    /** Yearly rise / documented increase: the day the new fee should apply from; ordered services / tier change: the day of the order. */
    date: z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD"),
    amount: z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "Expected an amount such as 149.00"),
    reason: z.enum(["YEARLY_RISE", "DOCUMENTED_COST_INCREASE", "ORDERED_SERVICES", "TIER_CHANGE"]),
    evidenceReference: z.string().trim().max(500).optional(),
  })
  .transform((v) => ({ ...v, evidenceReference: v.evidenceReference || undefined }));
export type TChangeMonthlyFee = z.input<typeof ZChangeMonthlyFee>;

export type TChangeMonthlyFeeResult = { effectiveDate: IsoDate; feeInForce: Money; maxAllowed: Money | null };

/**
 * A change of the monthly fee, checked against the fee cap (T 4.4, T 1.5) in packages/contract:
 * recorded when allowed, refused with the reason, the maximum allowed and the earliest date
 * otherwise. Both outcomes are audited (a refused rise is worth knowing about).
 */
export async function changeMonthlyFee(options: {
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
  input: TChangeMonthlyFee;
}): Promise<TChangeMonthlyFeeResult> {
  const input = ZChangeMonthlyFee.parse(options.input);
  const outcome = await inTenant(
    options.actor,
    options.customerId,
    { provider: "provider.subscriptions.manage", reason: "change a monthly fee" },
    async (tx) => {
      const { row, state } = await loadSubscription(tx, { ...options, subscriptionId: input.subscriptionId });
      const decision = checkFeeChange({
        history: feeHistoryOf(row, state.startDate),
        productStartDate: state.startDate,
        proposed: {
          date: input.date,
          amount: input.amount,
          reason: input.reason.toLowerCase() as FeeChangeReason,
          evidenceReference: input.evidenceReference,
        },
      });
      const base = {
        customerId: options.customerId,
        actorUserId: options.actor.userId,
        targetType: "Subscription",
        targetId: row.id,
      };
      const outcome = {
        effectiveDate: decision.effectiveDate,
        feeInForce: decision.feeInForce,
        maxAllowed: decision.maxAllowed,
      };
      if (!decision.allowed) {
        await tx.auditEvent.create({
          data: {
            ...base,
            action: "subscription.fee_change_refused",
            data: { ...input, ...outcome, code: decision.reason.code },
          },
        });
        // The refusal is audited, so it commits; the error is raised after the transaction.
        return { refused: { code: decision.reason.code, message: decision.reason.message }, ...outcome };
      }
      await tx.feeChange.create({
        data: {
          customerId: options.customerId,
          subscriptionId: row.id,
          effectiveDate: fromIsoDate(decision.effectiveDate),
          monthlyFee: input.amount,
          reason: input.reason,
          evidenceReference: input.evidenceReference ?? null,
          createdById: options.actor.userId,
        },
      });
      await tx.auditEvent.create({
        data: { ...base, action: "subscription.fee_changed", data: { ...input, ...outcome } },
      });
      return { refused: null, ...outcome };
    },
  );
  const { refused, ...result } = outcome;
  if (refused) {
    throw new RuleError(refused.code, refused.message, {
      effectiveDate: result.effectiveDate,
      feeInForce: result.feeInForce,
      maxAllowed: result.maxAllowed,
    });
  }
  return result;
}
