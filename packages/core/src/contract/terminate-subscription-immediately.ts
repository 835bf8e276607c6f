import { z } from "zod";
import { isIsoDate, type IsoDate } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { loadOpenSubscription, recordNotice } from "./record-notice";

export const ZTerminateSubscriptionImmediately = z.object({
  subscriptionId: z.uuid(),
  kind: z.enum(["BREACH", "INSOLVENCY"]),
  /** Required: what the breach was (and that the 30 days to remedy it passed), or the insolvency. */
  reason: z.string().trim().min(10, "Describe the reason (at least 10 characters)").max(2000),
  /** The last day in force; default: today. */
  terminationDate: z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD").optional(),
});
export type TTerminateSubscriptionImmediately = z.input<typeof ZTerminateSubscriptionImmediately>;

/**
 * Immediate termination (T 5.4) for a material breach not remedied within 30 days of a
 * written request, or for insolvency, with the reason. Interpretation (not in RULES.md): the
 * termination date is the last day in force (today by default, never in the future, since
 * the termination is immediate); the lifecycle job switches the customer off the next day.
 */
export async function terminateSubscriptionImmediately(options: {
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
  input: TTerminateSubscriptionImmediately;
}): Promise<{ terminationDate: IsoDate }> {
  const input = ZTerminateSubscriptionImmediately.parse(options.input);
  const terminationDate = input.terminationDate ?? options.day;
  return inTenant(
    options.actor,
    options.customerId,
    { provider: "provider.subscriptions.manage", reason: `immediate termination (${input.kind.toLowerCase()})` },
    async (tx) => {
      const loaded = await loadOpenSubscription(tx, {
        ...options,
        subscriptionId: input.subscriptionId,
        noticeDate: terminationDate,
      });
      const { row } = loaded;
      await recordNotice(tx, {
        customerId: options.customerId,
        row,
        kind: input.kind,
        noticeDate: terminationDate,
        terminationDate,
        reason: input.reason,
        actorUserId: options.actor.userId,
        day: options.day,
      });
      return { terminationDate };
    },
  );
}
