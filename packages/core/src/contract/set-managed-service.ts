import { z } from "zod";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { NotFoundError, RuleError } from "../errors";
import { ZSaveSubscription } from "./save-subscription";

export const ZSetManagedService = ZSaveSubscription.pick({
  managedAfterMinutes: true,
  managedOutsideHours: true,
}).extend({
  subscriptionId: z.uuid(),
});
export type TSetManagedService = z.input<typeof ZSetManagedService>;

/**
 * Corrects the Plus part of a recorded order form (L 1 "Plus"): after how many minutes an
 * unanswered conversation goes to the provider's managed agents, and whether closed hours send
 * it there at once (provider/managed-queue-settings.ts). Provider staff only; audited.
 */
export async function setManagedService(options: {
  actor: TUserPrincipal;
  customerId: string;
  input: TSetManagedService;
}): Promise<{ id: string; managedAfterMinutes: number; managedOutsideHours: boolean }> {
  const input = ZSetManagedService.parse(options.input);
  const { customerId } = options;
  return inTenant(
    options.actor,
    customerId,
    { provider: "provider.subscriptions.manage", reason: "change the managed service of an order form" },
    async (tx) => {
      const existing = await tx.subscription.findFirst({ where: { id: input.subscriptionId, customerId } });
      if (!existing) throw new NotFoundError("subscription");
      if (existing.tier !== "PLUS") throw new RuleError("not_plus", "Only a Plus order form has a managed service");
      const updated = await tx.subscription.update({
        where: { id: existing.id },
        data: { managedAfterMinutes: input.managedAfterMinutes, managedOutsideHours: input.managedOutsideHours },
      });
      await tx.auditEvent.create({
        data: {
          customerId,
          actorUserId: options.actor.userId,
          action: "subscription.managed_service_changed",
          targetType: "Subscription",
          targetId: existing.id,
          data: {
            from: {
              managedAfterMinutes: existing.managedAfterMinutes,
              managedOutsideHours: existing.managedOutsideHours,
            },
            to: { managedAfterMinutes: updated.managedAfterMinutes, managedOutsideHours: updated.managedOutsideHours },
          },
        },
      });
      return {
        id: updated.id,
        managedAfterMinutes: updated.managedAfterMinutes,
        managedOutsideHours: updated.managedOutsideHours,
      };
    },
  );
}
