import {
  customerLifecycleOn,
  type ContractCustomerKind,
  type CustomerLifecycle,
  type FeeHistoryEntry,
  type IsoDate,
  type LifecycleSubscription,
} from "@forecourt/contract";
import type {
  CustomerModel as Customer,
  FeeChangeModel as FeeChange,
  SubscriptionModel as Subscription,
  TTx,
} from "@forecourt/db";
import { toIsoDate } from "./dates";

export type TSubscriptionRow = Subscription & { feeChanges: FeeChange[] };

export type TCustomerContract = {
  customer: Customer;
  /** The customer's own subscriptions (not the parent's). */
  subscriptions: TSubscriptionRow[];
  /**
   * The subscriptions the contract runs on: the customer's own, or, for a customer without
   * any that sits under a dealer group or OEM, the parent's (its dealers use the product under
   * the parent's agreement, T 1.2, L 5.4).
   */
  governing: { customerId: string; kind: ContractCustomerKind; subscriptions: TSubscriptionRow[] };
  lifecycle: CustomerLifecycle;
};

export function toLifecycleSubscription(s: Subscription): LifecycleSubscription {
  return {
    id: s.id,
    contractDate: toIsoDate(s.contractDate),
    firstTrainingDate: toIsoDate(s.firstTrainingDate),
    initialTermMonths: s.initialTermMonths,
    terminationDate: toIsoDate(s.terminationDate),
  };
}

/** The fee history of a subscription for the fee cap (T 4.4): the order form's fee, then every change. */
export function feeHistoryOf(s: TSubscriptionRow, startDate: IsoDate): FeeHistoryEntry[] {
  return [
    { effectiveDate: startDate, monthlyFee: s.monthlyFee.toFixed(2), reason: "initial" as const },
    ...s.feeChanges.map((c) => ({
      effectiveDate: toIsoDate(c.effectiveDate),
      monthlyFee: c.monthlyFee.toFixed(2),
      reason: c.reason.toLowerCase() as FeeHistoryEntry["reason"],
      evidenceReference: c.evidenceReference ?? undefined,
    })),
  ];
}

const SUBSCRIPTION_ORDER = [{ contractDate: "asc" as const }, { createdAt: "asc" as const }];

/**
 * Loads a customer's contract and computes where it stands on `day` (packages/contract). The
 * transaction must see the customer's rows (and its parent's, for a customer without
 * subscriptions of its own): `withTenant` for the customer, `withProviderAccess` or
 * `withSystemAccess`. Null when the customer is not visible.
 */
export async function loadCustomerContract(
  tx: TTx,
  customerId: string,
  day: IsoDate,
): Promise<TCustomerContract | null> {
  const customer = await tx.customer.findUnique({ where: { id: customerId } });
  if (!customer) return null;
  const subscriptions = await tx.subscription.findMany({
    where: { customerId },
    include: { feeChanges: { orderBy: { effectiveDate: "asc" } } },
    orderBy: SUBSCRIPTION_ORDER,
  });
  let governing: TCustomerContract["governing"] = { customerId, kind: customer.kind, subscriptions };
  if (subscriptions.length === 0 && customer.parentId) {
    const parent = await tx.customer.findUnique({ where: { id: customer.parentId } });
    if (parent) {
      const parentSubscriptions = await tx.subscription.findMany({
        where: { customerId: parent.id },
        include: { feeChanges: { orderBy: { effectiveDate: "asc" } } },
        orderBy: SUBSCRIPTION_ORDER,
      });
      governing = { customerId: parent.id, kind: parent.kind, subscriptions: parentSubscriptions };
    }
  }
  const lifecycle = customerLifecycleOn(
    { kind: governing.kind, subscriptions: governing.subscriptions.map(toLifecycleSubscription) },
    day,
  );
  return { customer, subscriptions, governing, lifecycle };
}
