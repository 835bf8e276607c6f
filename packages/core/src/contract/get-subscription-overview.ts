import {
  dissolutionNoticeEffect,
  feeInForce,
  firstInvoice,
  ordinaryNoticeEffect,
  providerCancellationEffect,
  renewalDate,
  scheduleEvents,
  termInForce,
  type CustomerStage,
  type IsoDate,
  type Money,
  type ScheduleEvent,
  type Term,
  type TerminationTimeline,
} from "@forecourt/contract";
import type { CustomerKind, CustomerStatus, SubscriptionStatus, TerminationKind, Tier } from "@forecourt/db";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { feeHistoryOf, loadCustomerContract } from "./customer-contract";
import { toIsoDate } from "./dates";
import { hasDissolutionOption } from "./products";

export type TSubscriptionOverview = {
  id: string;
  product: string;
  tier: Tier;
  status: SubscriptionStatus;
  contractDate: IsoDate;
  firstTrainingDate: IsoDate | null;
  initialTermMonths: number;
  setupFee: Money;
  serviceFees: Money;
  monthlyFee: Money;
  /** Plus: the managed-agent queue's threshold and whether closed hours count (order form). */
  managedAfterMinutes: number;
  managedOutsideHours: boolean;
  feeInForce: Money;
  firstInvoice: { date: IsoDate; total: Money; proratedMonthlyFee: Money };
  feeChanges: { effectiveDate: IsoDate; monthlyFee: Money; reason: string; evidenceReference: string | null }[];
  startDate: IsoDate;
  initialTermEndDate: IsoDate;
  renewalDate: IsoDate;
  renewalTermMonths: number;
  termInForce: Term | null;
  hasDissolutionOption: boolean;
  notice: { kind: TerminationKind; date: IsoDate; reason: string | null } | null;
  terminationDate: IsoDate | null;
  lastInvoiceDate: IsoDate | null;
  /** What a dissolution notice filed today would do (L 5.1). */
  dissolutionToday:
    | { accepted: true; terminationDate: IsoDate; windowCloses: IsoDate }
    | { accepted: false; nextWindowOpens: IsoDate; message: string };
  /** What provider cancellation today would do (L 5.1). */
  providerCancellationToday: { allowed: true; terminationDate: IsoDate } | { allowed: false; nextWindowOpens: IsoDate };
  /** What an ordinary notice today would do (T 5.3), for products without a dissolution option. */
  ordinaryNoticeToday: { terminationDate: IsoDate; deadline: IsoDate };
  events: ScheduleEvent[];
};

export type TCustomerSubscriptions = {
  day: IsoDate;
  customer: {
    id: string;
    name: string;
    kind: CustomerKind;
    status: CustomerStatus;
    terminatedOn: IsoDate | null;
    readOnlyUntil: IsoDate | null;
    deletionDate: IsoDate | null;
  };
  stage: CustomerStage;
  timeline: TerminationTimeline | null;
  /** The customer has no subscriptions of its own and runs on its parent's (T 1.2). */
  governedByParent: boolean;
  subscriptions: TSubscriptionOverview[];
};

/**
 * A customer's subscriptions with their computed schedules for `day`: provider staff see it in
 * the console, a customer's owners and admins in Settings → Subscription.
 */
export async function getSubscriptionOverview(options: {
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
}): Promise<TCustomerSubscriptions | null> {
  const { day } = options;
  return inTenant(
    options.actor,
    options.customerId,
    { provider: "provider.console", tenant: "settings.subscription.view", reason: "view subscriptions" },
    async (tx) => {
      const contract = await loadCustomerContract(tx, options.customerId, day);
      if (!contract) return null;
      const { customer, lifecycle } = contract;
      const rows = contract.governing.subscriptions;
      const subscriptions = lifecycle.subscriptions.map((state): TSubscriptionOverview => {
        const row = rows.find((r) => r.id === state.id);
        if (!row) throw new Error(`Subscription ${state.id} vanished`);
        const { schedule } = state;
        const history = feeHistoryOf(row, state.startDate);
        const dissolution = dissolutionNoticeEffect(schedule, day);
        const cancellation = providerCancellationEffect(schedule, day);
        const ordinary = ordinaryNoticeEffect(schedule, day);
        const invoice = firstInvoice({
          startDate: state.startDate,
          setupFee: row.setupFee.toFixed(2),
          serviceFees: [row.serviceFees.toFixed(2)],
          monthlyFee: row.monthlyFee.toFixed(2),
        });
        return {
          id: row.id,
          product: row.product,
          tier: row.tier,
          status: row.status,
          contractDate: toIsoDate(row.contractDate),
          firstTrainingDate: toIsoDate(row.firstTrainingDate),
          initialTermMonths: row.initialTermMonths,
          setupFee: row.setupFee.toFixed(2),
          serviceFees: row.serviceFees.toFixed(2),
          monthlyFee: row.monthlyFee.toFixed(2),
          managedAfterMinutes: row.managedAfterMinutes,
          managedOutsideHours: row.managedOutsideHours,
          feeInForce: feeInForce(history, day < state.startDate ? state.startDate : day),
          firstInvoice: { date: invoice.date, total: invoice.total, proratedMonthlyFee: invoice.proratedMonthlyFee },
          feeChanges: row.feeChanges.map((c) => ({
            effectiveDate: toIsoDate(c.effectiveDate),
            monthlyFee: c.monthlyFee.toFixed(2),
            reason: c.reason,
            evidenceReference: c.evidenceReference,
          })),
          startDate: state.startDate,
          initialTermEndDate: schedule.initialTermEndDate,
          renewalDate: renewalDate(schedule),
          renewalTermMonths: schedule.renewalTermMonths,
          termInForce: termInForce(schedule, day),
          hasDissolutionOption: hasDissolutionOption(row.product),
          notice:
            row.noticeKind && row.noticeDate
              ? { kind: row.noticeKind, date: toIsoDate(row.noticeDate), reason: row.noticeReason }
              : null,
          terminationDate: state.terminationDate,
          lastInvoiceDate: state.lastInvoiceDate,
          dissolutionToday: dissolution.accepted
            ? { accepted: true, terminationDate: dissolution.terminationDate, windowCloses: dissolution.window.closes }
            : { accepted: false, nextWindowOpens: dissolution.nextWindowOpens, message: dissolution.message },
          providerCancellationToday: cancellation.allowed
            ? { allowed: true, terminationDate: cancellation.lastDayInForce }
            : { allowed: false, nextWindowOpens: cancellation.nextWindowOpens },
          ordinaryNoticeToday: { terminationDate: ordinary.terminationDate, deadline: ordinary.deadline },
          events: scheduleEvents(schedule, day, { terminationDate: state.terminationDate }),
        };
      });
      return {
        day,
        customer: {
          id: customer.id,
          name: customer.name,
          kind: customer.kind,
          status: customer.status,
          terminatedOn: toIsoDate(customer.terminatedOn),
          readOnlyUntil: toIsoDate(customer.readOnlyUntil),
          deletionDate: toIsoDate(customer.deletionDate),
        },
        stage: lifecycle.stage,
        timeline: lifecycle.timeline,
        governedByParent: contract.governing.customerId !== customer.id,
        subscriptions,
      };
    },
  );
}
