import { z } from "zod";
import { addDays, compareDates, REINSTATEMENT_DAYS_AFTER_TERMINATION, type IsoDate } from "@forecourt/contract";
import type { Prisma, TTx } from "@forecourt/db";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { RuleError } from "../errors";
import { AUTOMATION_FLAGS, applyCustomerLifecycle, type TTerminationEffects } from "./apply-customer-lifecycle";
import { loadCustomerContract } from "./customer-contract";
import { toIsoDate } from "./dates";

export const ZReinstateSubscription = z.object({
  /** For a customer still in force: the subscription whose notice is withdrawn or which is reinstated. Omit for a terminated customer (everything is reinstated). */
  subscriptionId: z.uuid().optional(),
});
export type TReinstateSubscription = z.input<typeof ZReinstateSubscription>;

const CLEARED_NOTICE = {
  noticeKind: null,
  noticeDate: null,
  noticeReason: null,
  terminationDate: null,
  lastInvoiceDate: null,
  deletionDate: null,
} as const;

/**
 * Reinstatement (T 5.9): within the reinstatement period the original subscription comes back
 * with its settings. For a terminated customer that is the whole tenant: notices are cleared,
 * and exactly what the termination switched off (recorded in its audit event) is switched on
 * again: memberships, channels with their bot and auto-reply flags, API keys, webhooks. Before
 * termination, the same action withdraws a notice.
 */
export async function reinstateSubscription(options: {
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
  input: TReinstateSubscription;
}): Promise<{ reinstated: true }> {
  const input = ZReinstateSubscription.parse(options.input);
  const { customerId, day } = options;
  return inTenant(
    options.actor,
    customerId,
    { provider: "provider.subscriptions.manage", reason: "reinstate a subscription" },
    async (tx) => {
      const contract = await loadCustomerContract(tx, customerId, day);
      if (!contract) throw new RuleError("not_found", "No such customer.");
      const audit = (action: string, targetType: string, targetId: string, data: Record<string, unknown>) =>
        tx.auditEvent.create({
          data: {
            customerId,
            actorUserId: options.actor.userId,
            action,
            targetType,
            targetId,
            data: { day, ...data } as Prisma.InputJsonValue,
          },
        });

      if (contract.customer.status === "TERMINATED") {
        const until = contract.lifecycle.timeline?.reinstatementPossibleUntil ?? null;
        if (!until || compareDates(day, until) > 0) {
          throw new RuleError(
            "reinstatement_period_over",
            until
              ? `Reinstatement was possible until ${until}; a new subscription is needed now (T 5.9).`
              : "This customer cannot be reinstated.",
          );
        }
        await tx.subscription.updateMany({ where: { customerId }, data: CLEARED_NOTICE });
        await undoTermination(tx, customerId);
        await tx.customer.update({
          where: { id: customerId },
          data: { status: "ACTIVE", terminatedOn: null, readOnlyUntil: null, deletionDate: null },
        });
        await audit("subscription.reinstated", "Customer", customerId, { reinstatementPossibleUntil: until });
        await applyCustomerLifecycle(tx, { customerId, day, actor: { actorUserId: options.actor.userId } });
        return { reinstated: true as const };
      }

      const row = contract.subscriptions.find((s) => s.id === input.subscriptionId);
      if (!row) throw new RuleError("not_found", "Choose the subscription to reinstate.");
      const end = toIsoDate(row.terminationDate);
      if (!end) throw new RuleError("no_notice", "This subscription has no notice to withdraw.");
      const until = addDays(end, REINSTATEMENT_DAYS_AFTER_TERMINATION);
      if (compareDates(day, until) > 0) {
        throw new RuleError(
          "reinstatement_period_over",
          `Reinstatement was possible until ${until}; a new subscription is needed now (T 5.9).`,
        );
      }
      await tx.subscription.update({ where: { id: row.id }, data: CLEARED_NOTICE });
      await audit(
        compareDates(day, end) > 0 ? "subscription.reinstated" : "subscription.notice_withdrawn",
        "Subscription",
        row.id,
        { noticeKind: row.noticeKind, terminationDate: end },
      );
      await applyCustomerLifecycle(tx, { customerId, day, actor: { actorUserId: options.actor.userId } });
      return { reinstated: true as const };
    },
  );
}

/** Switches on again what the last termination switched off (from its audit event). */
async function undoTermination(tx: TTx, customerId: string): Promise<void> {
  const event = await tx.auditEvent.findFirst({
    where: { customerId, action: "lifecycle.customer.terminated" },
    orderBy: { createdAt: "desc" },
  });
  const effects = (event?.data as { effects?: TTerminationEffects } | null)?.effects;
  if (!effects) return;
  const since = event?.createdAt ?? new Date(0);
  const laterArchived = await tx.auditEvent.findMany({
    where: { customerId, action: "lifecycle.customer.read_only_ended", createdAt: { gte: since } },
  });
  const membershipIds = [
    ...effects.archivedMembershipIds,
    ...laterArchived.flatMap((e) => (e.data as { archivedMembershipIds?: string[] }).archivedMembershipIds ?? []),
  ];
  await tx.membership.updateMany({
    where: { customerId, id: { in: membershipIds }, status: "ARCHIVED" },
    data: { status: "ACTIVE", archivedAt: null },
  });
  for (const id of effects.disabledChannelIds) {
    const channel = await tx.channel.findFirst({ where: { id, customerId } });
    if (!channel) continue;
    const config = { ...((channel.config ?? {}) as Record<string, unknown>) };
    delete config.disabledByLifecycleOn;
    const previous = effects.channelAutomation[id] ?? {};
    for (const flag of AUTOMATION_FLAGS) {
      if (previous[flag] === null || previous[flag] === undefined) delete config[flag];
      else config[flag] = previous[flag];
    }
    await tx.channel.update({ where: { id }, data: { status: "ACTIVE", config: config as Prisma.InputJsonValue } });
  }
  await tx.apiKey.updateMany({
    where: { customerId, id: { in: effects.disabledApiKeyIds } },
    data: { status: "ACTIVE" },
  });
  await tx.webhookEndpoint.updateMany({
    where: { customerId, id: { in: effects.disabledWebhookIds } },
    data: { status: "ACTIVE" },
  });
}
