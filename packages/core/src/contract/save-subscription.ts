import { z } from "zod";
import { isIsoDate, type IsoDate } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { applyCustomerLifecycle } from "./apply-customer-lifecycle";
import { fromIsoDate } from "./dates";
import { PRODUCTS } from "./products";
import { NotFoundError } from "../errors";
import { ZMoneyInput } from "./money-input";

// Typed in any locale's way ("1.500,00", "€ 349"), stored exact (money-input.ts).
const ZMoney = ZMoneyInput;
const ZIsoDate = z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD");

export const ZSaveSubscription = z.object({
  product: z.enum(PRODUCTS),
  tier: z.enum(["STANDARD", "PLUS"]).default("STANDARD"),
  contractDate: ZIsoDate,
  firstTrainingDate: ZIsoDate.optional(),
  initialTermMonths: z.coerce.number().int().min(1).max(120),
  setupFee: ZMoney.default("0"),
  serviceFees: ZMoney.default("0"),
  monthlyFee: ZMoney,
  /** Plus: minutes without an agent's reply before a conversation goes to the managed-agent queue. */
  managedAfterMinutes: z.coerce
    .number("Expected a number of minutes")
    .int("Expected whole minutes")
    .min(1, "At least 1 minute")
    .max(1440, "At most 1440 minutes (a day)")
    .default(5),
  /** Plus: conversations that arrive while the dealer is closed go to the queue at once. */
  managedOutsideHours: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(true),
});
export type TSaveSubscription = z.input<typeof ZSaveSubscription>;

/**
 * The one writer of subscriptions. Records an order form (no `subscriptionId`): one product
 * subscription (T definitions, L definitions 6–7); for a dealer group or OEM this starts a new
 * initial minimum period for all its products (T 5.6). Or corrects a recorded order form. The
 * schedules are computed from the stored order forms, so nothing else is rewritten; the
 * customer's lifecycle is brought up to date for `day` either way. Provider staff only; audited.
 */
export async function saveSubscription(options: {
  actor: TUserPrincipal;
  customerId: string;
  subscriptionId?: string;
  day: IsoDate;
  input: TSaveSubscription;
}): Promise<{ id: string }> {
  const input = ZSaveSubscription.parse(options.input);
  const { customerId, subscriptionId } = options;
  return inTenant(
    options.actor,
    customerId,
    {
      provider: "provider.subscriptions.manage",
      reason: subscriptionId ? "correct an order form" : "record an order form",
    },
    async (tx) => {
      const customer = await tx.customer.findFirst({ where: { id: customerId }, select: { id: true } });
      if (!customer) throw new NotFoundError("customer");
      const data = {
        product: input.product,
        tier: input.tier,
        contractDate: fromIsoDate(input.contractDate),
        firstTrainingDate: fromIsoDate(input.firstTrainingDate ?? null),
        initialTermMonths: input.initialTermMonths,
        setupFee: input.setupFee,
        serviceFees: input.serviceFees,
        monthlyFee: input.monthlyFee,
        managedAfterMinutes: input.managedAfterMinutes,
        managedOutsideHours: input.managedOutsideHours,
      };
      let id: string;
      if (subscriptionId) {
        const existing = await tx.subscription.findFirst({ where: { id: subscriptionId, customerId } });
        if (!existing) throw new NotFoundError("subscription");
        id = (await tx.subscription.update({ where: { id: existing.id }, data })).id;
      } else {
        id = (await tx.subscription.create({ data: { ...data, customerId } })).id;
      }
      await tx.auditEvent.create({
        data: {
          customerId,
          actorUserId: options.actor.userId,
          action: subscriptionId ? "subscription.updated" : "subscription.created",
          targetType: "Subscription",
          targetId: id,
          data: { ...input },
        },
      });
      await applyCustomerLifecycle(tx, { customerId, day: options.day, actor: { actorUserId: options.actor.userId } });
      return { id };
    },
  );
}
