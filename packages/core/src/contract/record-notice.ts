import { compareDates, type IsoDate, type Schedule, type SubscriptionState } from "@forecourt/contract";
import type { Prisma, TerminationKind, TTx } from "@forecourt/db";
import { applyCustomerLifecycle } from "./apply-customer-lifecycle";
import { SubscriptionNotFoundError } from "./actor-scope";
import { loadCustomerContract, type TCustomerContract, type TSubscriptionRow } from "./customer-contract";
import { fromIsoDate } from "./dates";

export type TNoticeRefusal = { ok: false; code: string; message: string; nextWindowOpens?: IsoDate };

/** The subscription, its computed state and the customer's contract; throws when not found. */
export async function loadSubscription(
  tx: TTx,
  options: { customerId: string; subscriptionId: string; day: IsoDate },
): Promise<{ contract: TCustomerContract; row: TSubscriptionRow; state: SubscriptionState; schedule: Schedule }> {
  const contract = await loadCustomerContract(tx, options.customerId, options.day);
  const row = contract?.subscriptions.find((s) => s.id === options.subscriptionId);
  const state = contract?.lifecycle.subscriptions.find((s) => s.id === options.subscriptionId);
  if (!contract || !row || !state) throw new SubscriptionNotFoundError();
  return { contract, row, state, schedule: state.schedule };
}

/** A notice can be recorded only on a subscription still in force without an accepted notice. */
export function refuseUnlessOpen(row: TSubscriptionRow): TNoticeRefusal | null {
  if (row.terminationDate !== null || row.status === "TERMINATED" || row.status === "DELETED") {
    return {
      ok: false,
      code: "already_ending",
      message: "This subscription already has an accepted notice or has ended.",
    };
  }
  return null;
}

/**
 * The checks every notice starts with, in order: not dated in the future, the subscription
 * exists in this customer, and it has no accepted notice yet. A refusal, or the subscription.
 */
export async function loadOpenSubscription(
  tx: TTx,
  options: { customerId: string; subscriptionId: string; day: IsoDate; noticeDate: IsoDate },
): Promise<TNoticeRefusal | ({ ok: true } & Awaited<ReturnType<typeof loadSubscription>>)> {
  const future = refuseFutureNotice(options.noticeDate, options.day);
  if (future) return future;
  const loaded = await loadSubscription(tx, options);
  const open = refuseUnlessOpen(loaded.row);
  if (open) return open;
  return { ok: true, ...loaded };
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
export function refuseFutureNotice(noticeDate: IsoDate, day: IsoDate): TNoticeRefusal | null {
  return compareDates(noticeDate, day) > 0
    ? { ok: false, code: "notice_in_future", message: `A notice cannot be dated after today (${day}).` }
    : null;
}
