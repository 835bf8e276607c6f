import type { IsoDate, SubscriptionStage } from "@forecourt/contract";
import type { Prisma, SubscriptionStatus, TTx } from "@forecourt/db";
import { fromIsoDate, toIsoDate } from "./dates";
import { loadCustomerContract } from "./customer-contract";

/** Who applies the transitions: a user (an action that changed a notice) or the daily job. */
export type TLifecycleActor = { actorUserId: string | null; job?: string };

const STATUS_OF_STAGE: Record<SubscriptionStage, SubscriptionStatus> = {
  pending: "PENDING",
  active: "ACTIVE",
  notice_given: "NOTICE_GIVEN",
  terminated: "TERMINATED",
};

/** The roles that keep read-only access after termination (L 5.2). */
const KEEPS_READ_ONLY_ACCESS = ["OWNER", "ADMIN"] as const;

/**
 * Channel config flags that stop automatic replies. The lifecycle job switches them off on
 * termination (L 5.2: "active chatbots are deactivated"); the previous values are kept in the
 * audit event so a reinstatement can restore them.
 */
export const AUTOMATION_FLAGS = ["botEnabled", "autoRepliesEnabled"] as const;

/** What a termination switched off, stored in the audit event so reinstatement can undo exactly that. */
export type TTerminationEffects = {
  archivedMembershipIds: string[];
  disabledChannelIds: string[];
  disabledApiKeyIds: string[];
  disabledWebhookIds: string[];
  /** Channel id → previous values of `AUTOMATION_FLAGS`. */
  channelAutomation: Record<string, Record<string, unknown>>;
};

export type TLifecycleChange = { action: string; targetType: "Customer" | "Subscription"; targetId: string };

/**
 * Brings one customer's rows to where its contract stands on `day`, and audits every
 * transition. Runs inside the caller's transaction (one per customer), compares before it
 * writes, and derives everything from the stored state, so a second run on the same day
 * changes nothing and a run after a crash picks up where the last one stopped.
 *
 * Subscriptions: pending → active → notice given → terminated (status, last invoice date,
 * deletion date). Customer: pending → active → terminated (terminatedOn, readOnlyUntil,
 * deletionDate). On termination (L 5.2, L 5.4): every membership except owners and admins is
 * archived; channels (and so the widgets), API keys and webhooks are disabled; bots and
 * auto-replies are switched off. When the administrators' read-only period ends, their
 * memberships are archived too. The data itself is deleted by the retention job on
 * `Customer.deletionDate`.
 */
export async function applyCustomerLifecycle(
  tx: TTx,
  options: { customerId: string; day: IsoDate; actor: TLifecycleActor },
): Promise<TLifecycleChange[]> {
  const { customerId, day, actor } = options;
  const contract = await loadCustomerContract(tx, customerId, day);
  if (!contract || contract.customer.status === "DELETED") return [];
  const { customer, lifecycle } = contract;
  const changes: TLifecycleChange[] = [];
  const audit = async (change: TLifecycleChange, data: Record<string, unknown>) => {
    changes.push(change);
    await tx.auditEvent.create({
      data: {
        customerId,
        actorUserId: actor.actorUserId,
        action: change.action,
        targetType: change.targetType,
        targetId: change.targetId,
        data: { day, ...(actor.job ? { job: actor.job } : {}), ...data } as Prisma.InputJsonValue,
      },
    });
  };

  // 1. Subscriptions (only the customer's own; a dealer under a group follows the group's).
  const own = new Set(contract.subscriptions.map((s) => s.id));
  for (const state of lifecycle.subscriptions) {
    if (!own.has(state.id)) continue;
    const row = contract.subscriptions.find((s) => s.id === state.id);
    if (!row || row.status === "DELETED") continue;
    const status = STATUS_OF_STAGE[state.stage];
    const deletionDate = lifecycle.timeline?.deletionDate ?? null;
    const patch: Prisma.SubscriptionUpdateInput = {};
    if (row.status !== status) patch.status = status;
    if (toIsoDate(row.lastInvoiceDate) !== state.lastInvoiceDate)
      patch.lastInvoiceDate = fromIsoDate(state.lastInvoiceDate);
    if (toIsoDate(row.deletionDate) !== deletionDate) patch.deletionDate = fromIsoDate(deletionDate);
    if (Object.keys(patch).length === 0) continue;
    await tx.subscription.update({ where: { id: row.id }, data: patch });
    if (patch.status) {
      await audit(
        { action: `lifecycle.subscription.${state.stage}`, targetType: "Subscription", targetId: row.id },
        { from: row.status, to: status, startDate: state.startDate, terminationDate: state.terminationDate },
      );
    }
  }

  // 2. The customer.
  const timeline = lifecycle.timeline;
  const ended = lifecycle.stage === "terminated" || lifecycle.stage === "locked" || lifecycle.stage === "deletion_due";
  if (ended && timeline) {
    if (customer.status !== "TERMINATED") {
      const effects = await switchOffTenant(tx, customerId, day);
      await tx.customer.update({
        where: { id: customerId },
        data: {
          status: "TERMINATED",
          terminatedOn: fromIsoDate(timeline.terminationDate),
          readOnlyUntil: fromIsoDate(timeline.adminReadOnlyUntil),
          deletionDate: fromIsoDate(timeline.deletionDate),
        },
      });
      await audit(
        { action: "lifecycle.customer.terminated", targetType: "Customer", targetId: customerId },
        { from: customer.status, to: "TERMINATED", ...timeline, effects },
      );
    } else if (
      toIsoDate(customer.terminatedOn) !== timeline.terminationDate ||
      toIsoDate(customer.readOnlyUntil) !== timeline.adminReadOnlyUntil ||
      toIsoDate(customer.deletionDate) !== timeline.deletionDate
    ) {
      await tx.customer.update({
        where: { id: customerId },
        data: {
          terminatedOn: fromIsoDate(timeline.terminationDate),
          readOnlyUntil: fromIsoDate(timeline.adminReadOnlyUntil),
          deletionDate: fromIsoDate(timeline.deletionDate),
        },
      });
      await audit(
        { action: "lifecycle.customer.timeline_changed", targetType: "Customer", targetId: customerId },
        { ...timeline },
      );
    }
    if (lifecycle.stage !== "terminated") {
      // L 5.2: the administrators' read-only period is over.
      const archived = await tx.membership.findMany({
        where: { customerId, status: { not: "ARCHIVED" } },
        select: { id: true },
      });
      if (archived.length > 0) {
        await tx.membership.updateMany({
          where: { id: { in: archived.map((m) => m.id) } },
          data: { status: "ARCHIVED", archivedAt: new Date() },
        });
        await audit(
          { action: "lifecycle.customer.read_only_ended", targetType: "Customer", targetId: customerId },
          { readOnlyUntil: timeline.adminReadOnlyUntil, archivedMembershipIds: archived.map((m) => m.id) },
        );
      }
    }
  } else if (!ended && customer.status !== "SUSPENDED" && customer.status !== "TERMINATED") {
    const status = lifecycle.stage === "active" ? "ACTIVE" : lifecycle.stage === "pending" ? "PENDING" : null;
    if (status && customer.status !== status) {
      await tx.customer.update({ where: { id: customerId }, data: { status } });
      await audit(
        { action: `lifecycle.customer.${lifecycle.stage}`, targetType: "Customer", targetId: customerId },
        { from: customer.status, to: status },
      );
    }
  }
  return changes;
}

/** L 5.2, L 5.4: what termination switches off. Returns what it changed, for the audit log. */
async function switchOffTenant(tx: TTx, customerId: string, day: IsoDate): Promise<TTerminationEffects> {
  const memberships = await tx.membership.findMany({
    where: { customerId, status: { not: "ARCHIVED" }, role: { notIn: [...KEEPS_READ_ONLY_ACCESS] } },
    select: { id: true },
  });
  if (memberships.length > 0) {
    await tx.membership.updateMany({
      where: { id: { in: memberships.map((m) => m.id) } },
      data: { status: "ARCHIVED", archivedAt: new Date() },
    });
  }
  const channels = await tx.channel.findMany({ where: { customerId, status: "ACTIVE" } });
  const channelAutomation: TTerminationEffects["channelAutomation"] = {};
  for (const channel of channels) {
    const config = (channel.config ?? {}) as Record<string, unknown>;
    const previous = Object.fromEntries(AUTOMATION_FLAGS.map((flag) => [flag, config[flag] ?? null]));
    channelAutomation[channel.id] = previous;
    const next = { ...config, ...Object.fromEntries(AUTOMATION_FLAGS.map((flag) => [flag, false])) };
    await tx.channel.update({
      where: { id: channel.id },
      data: { status: "DISABLED", config: { ...next, disabledByLifecycleOn: day } as Prisma.InputJsonValue },
    });
  }
  const apiKeys = await tx.apiKey.findMany({ where: { customerId, status: "ACTIVE" }, select: { id: true } });
  if (apiKeys.length > 0) {
    await tx.apiKey.updateMany({ where: { id: { in: apiKeys.map((k) => k.id) } }, data: { status: "DISABLED" } });
  }
  const webhooks = await tx.webhookEndpoint.findMany({ where: { customerId, status: "ACTIVE" }, select: { id: true } });
  if (webhooks.length > 0) {
    await tx.webhookEndpoint.updateMany({
      where: { id: { in: webhooks.map((w) => w.id) } },
      data: { status: "DISABLED" },
    });
  }
  return {
    archivedMembershipIds: memberships.map((m) => m.id),
    disabledChannelIds: channels.map((c) => c.id),
    disabledApiKeyIds: apiKeys.map((k) => k.id),
    disabledWebhookIds: webhooks.map((w) => w.id),
    channelAutomation,
  };
}
