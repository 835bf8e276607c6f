import { z } from "zod";
import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TActor } from "../accounts/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const ZMoney = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, "an amount like 1250 or 1250.50");

/** The order form (T definitions, L definitions 6 and 7): stored as given; packages/contract computes the rest. */
export const ZSaveSubscription = z.object({
  product: z.string().trim().min(2).max(80).default("Conversations"),
  tier: z.enum(["STANDARD", "PLUS"]),
  contractDate: ZDate,
  firstTrainingDate: ZDate.nullable().default(null),
  initialTermMonths: z.coerce.number().int().min(1).max(120),
  setupFee: ZMoney.default("0"),
  serviceFees: ZMoney.default("0"),
  monthlyFee: ZMoney,
});
export type TSaveSubscription = z.input<typeof ZSaveSubscription>;

const asDate = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** Records (no id) or corrects a subscription's order-form data. Contract arithmetic is elsewhere. */
export async function saveSubscription(options: {
  actor: TActor;
  customerId: string;
  subscriptionId?: string;
  input: TSaveSubscription;
}) {
  const { actor, customerId } = options;
  assertProvider(actor, "provider.subscriptions.manage");
  const input = ZSaveSubscription.parse(options.input);
  if (Number.isNaN(asDate(input.contractDate).getTime())) throw new RuleError("invalid_date");
  const data = {
    product: input.product,
    tier: input.tier,
    contractDate: asDate(input.contractDate),
    firstTrainingDate: input.firstTrainingDate ? asDate(input.firstTrainingDate) : null,
    initialTermMonths: input.initialTermMonths,
    setupFee: input.setupFee,
    serviceFees: input.serviceFees,
    monthlyFee: input.monthlyFee,
  };
  return withProviderAccess({ actorUserId: actor.userId, reason: "save order form", ip: actor.ip }, async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: customerId } });
    if (!customer) throw new NotFoundError("customer");
    let id: string;
    if (options.subscriptionId) {
      const existing = await tx.subscription.findFirst({ where: { id: options.subscriptionId, customerId } });
      if (!existing) throw new NotFoundError("subscription");
      id = (await tx.subscription.update({ where: { id: existing.id }, data })).id;
    } else {
      id = (await tx.subscription.create({ data: { ...data, customerId } })).id;
    }
    await recordAuditEvent(tx, actor, {
      customerId,
      action: options.subscriptionId ? "subscription.updated" : "subscription.created",
      targetType: "Subscription",
      targetId: id,
      data: input,
    });
    return { id };
  });
}
