import { compareDates, type IsoDate, type Schedule, type SubscriptionState } from "@forecourt/contract";
import type { Prisma, TerminationKind, TTx } from "@forecourt/db";
import { applyCustomerLifecycle } from "./apply-customer-lifecycle";
import { NotFoundError, RuleError } from "../errors";
import { loadCustomerContract, type TCustomerContract, type TSubscriptionRow } from "./customer-contract";
import { fromIsoDate } from "./dates";

/** The subscription, its computed state and the customer's contract; NotFoundError when absent. */
export async function loadSubscription(
  tx: TTx,
  options: { customerId: string; subscriptionId: string; day: IsoDate },
): Promise<{ contract: TCustomerContract; row: TSubscriptionRow; state: SubscriptionState; schedule: Schedule }> {
  const contract = await loadCustomerContract(tx, options.customerId, options.day);
  const row = contract?.subscriptions.find((s) => s.id === options.subscriptionId);
  const state = contract?.lifecycle.subscriptions.find((s) => s.id === options.subscriptionId);
  if (!contract || !row || !state) throw new NotFoundError("subscription");
  return { contract, row, state, schedule: state.schedule };
}

/** A notice can be recorded only on a subscription still in force without an accepted notice. */
export function assertOpen(row: TSubscriptionRow): void {
  if (row.terminationDate !== null || row.status === "TERMINATED" || row.status === "DELETED") {
    throw new RuleError("already_ending", "This subscription already has an accepted notice or has ended.");
  }
}

/**
 * The checks every notice starts with, in order: not dated in the future, the subscription
 * exists in this customer, and it has no accepted notice yet. RuleError / NotFoundError, or the subscription.
 */
export async function loadOpenSubscription(
  tx: TTx,
  options: { customerId: string; subscriptionId: string; day: IsoDate; noticeDate: IsoDate },
): Promise<Awaited<ReturnType<typeof loadSubscription>>> {
  assertNotInFuture(options.noticeDate, options.day);
  const loaded = await loadSubscription(tx, options);
  assertOpen(loaded.row);
  return loaded;
}

/**
 * Stores an accepted notice on the subscription, audits it, and brings the customer's state
 * up to date for `day` (e.g. the subscription moves to "notice given").
 */
export async function recordNotice(
  tx: TTx,
  options: {
    customerId: string;
    row: TSubscriptionRow;
    kind: TerminationKind;
    noticeDate: IsoDate;
    terminationDate: IsoDate;
    reason?: string | null;
    actorUserId: string;
    day: IsoDate;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const { row, customerId } = options;
  await tx.subscription.update({
    where: { id: row.id },
    data: {
      noticeKind: options.kind,
      noticeDate: fromIsoDate(options.noticeDate),
      noticeReason: options.reason ?? null,
      terminationDate: fromIsoDate(options.terminationDate),
    },
  });
  await tx.auditEvent.create({
    data: {
      customerId,
      actorUserId: options.actorUserId,
      action: `subscription.notice.${options.kind.toLowerCase()}`,
      targetType: "Subscription",
      targetId: row.id,
      data: {
        product: row.product,
        noticeDate: options.noticeDate,
        terminationDate: options.terminationDate,
        reason: options.reason ?? null,
        ...options.data,
      } as Prisma.InputJsonValue,
    },
  });
  await applyCustomerLifecycle(tx, { customerId, day: options.day, actor: { actorUserId: options.actorUserId } });
}

/** The notice date may not lie in the future of `day` (a notice is given on or before today). */
export function assertNotInFuture(noticeDate: IsoDate, day: IsoDate): void {
  if (compareDates(noticeDate, day) > 0) {
    throw new RuleError("notice_in_future", `A notice cannot be dated after today (${day}).`);
  }
}
