import { z } from "zod";
import { isIsoDate, type IsoDate } from "@forecourt/contract";
import { inContractScope, type TContractActor } from "./actor-scope";
import { applyCustomerLifecycle } from "./apply-customer-lifecycle";
import { fromIsoDate } from "./dates";
import { PRODUCTS } from "./products";

const ZMoney = z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "Expected an amount such as 149.00");
const ZIsoDate = z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD");

export const ZCreateSubscription = z.object({
  product: z.enum(PRODUCTS),
  tier: z.enum(["STANDARD", "PLUS"]).default("STANDARD"),
  contractDate: ZIsoDate,
  firstTrainingDate: ZIsoDate.optional(),
  initialTermMonths: z.coerce.number().int().min(1).max(120),
  setupFee: ZMoney.default("0"),
  serviceFees: ZMoney.default("0"),
  monthlyFee: ZMoney,
});
export type TCreateSubscription = z.input<typeof ZCreateSubscription>;

/**
 * Records an order form: one product subscription (T definitions, L definitions 6–7). For a
 * dealer group or OEM this starts a new initial minimum period for all its products (T 5.6);
 * the schedules are computed from the stored order forms, so nothing else is rewritten.
 */
export async function createSubscription(options: {
  actor: TContractActor;
  customerId: string;
  day: IsoDate;
  input: TCreateSubscription;
}): Promise<{ id: string }> {
  const input = ZCreateSubscription.parse(options.input);
  return inContractScope(
    {
      actor: options.actor,
      customerId: options.customerId,
      actions: { provider: "provider.subscriptions.manage" },
      reason: "record an order form",
    },
    async (tx) => {
      const created = await tx.subscription.create({
        data: {
          customerId: options.customerId,
          product: input.product,
          tier: input.tier,
          contractDate: fromIsoDate(input.contractDate),
          firstTrainingDate: fromIsoDate(input.firstTrainingDate ?? null),
          initialTermMonths: input.initialTermMonths,
          setupFee: input.setupFee,
          serviceFees: input.serviceFees,
          monthlyFee: input.monthlyFee,
        },
      });
      await tx.auditEvent.create({
        data: {
          customerId: options.customerId,
          actorUserId: options.actor.userId,
          action: "subscription.created",
          targetType: "Subscription",
          targetId: created.id,
          data: { ...input },
        },
      });
      await applyCustomerLifecycle(tx, {
        customerId: options.customerId,
        day: options.day,
        actor: { actorUserId: options.actor.userId },
      });
      return { id: created.id };
    },
  );
}
