import { z } from "zod";
import { isIsoDate, providerCancellationEffect, type IsoDate } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { RuleError } from "../errors";
import { loadOpenSubscription, recordNotice } from "./record-notice";

export const ZCancelSubscriptionByProvider = z.object({
  subscriptionId: z.uuid(),
  noticeDate: z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD").optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type TCancelSubscriptionByProvider = z.input<typeof ZCancelSubscriptionByProvider>;

/**
 * Provider cancellation (L 5.1): 90 days' written notice, given within the first 90 days of a
 * renewal term (never in the initial term); the licence is in force through notice + 90 days.
 */
export async function cancelSubscriptionByProvider(options: {
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
  input: TCancelSubscriptionByProvider;
}): Promise<{ terminationDate: IsoDate }> {
  const input = ZCancelSubscriptionByProvider.parse(options.input);
  const noticeDate = input.noticeDate ?? options.day;
  return inTenant(
    options.actor,
    options.customerId,
    { provider: "provider.subscriptions.manage", reason: "provider cancellation" },
    async (tx) => {
      const loaded = await loadOpenSubscription(tx, {
        ...options,
        subscriptionId: input.subscriptionId,
        noticeDate,
      });
      const { row, schedule } = loaded;
      const effect = providerCancellationEffect(schedule, noticeDate);
      if (!effect.allowed) {
        throw new RuleError(effect.code, effect.message, { nextWindowOpens: effect.nextWindowOpens ?? null });
      }
      await recordNotice(tx, {
        customerId: options.customerId,
        row,
        kind: "PROVIDER_CANCELLATION",
        noticeDate,
        terminationDate: effect.lastDayInForce,
        reason: input.reason || null,
        actorUserId: options.actor.userId,
        day: options.day,
        data: { term: effect.term },
      });
      return { terminationDate: effect.lastDayInForce };
    },
  );
}
