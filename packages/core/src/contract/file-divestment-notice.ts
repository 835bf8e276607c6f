import { z } from "zod";
import { divestmentNoticeEffect, isIsoDate, type IsoDate } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { loadOpenSubscription, recordNotice } from "./record-notice";

export const ZFileDivestmentNotice = z.object({
  subscriptionId: z.uuid(),
  noticeDate: z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD").optional(),
  /** The subscription moves to an entity the customer controls, or the acquirer takes it over. */
  transferred: z.boolean().default(false),
  reason: z.string().trim().max(2000).optional(),
});
export type TFileDivestmentNotice = z.input<typeof ZFileDivestmentNotice>;

/**
 * A divestment notice (T 5.5): at least 90 days' written notice; the customer stays liable for
 * the current period's fees unless the subscription is transferred (see packages/contract).
 */
export async function fileDivestmentNotice(options: {
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
  input: TFileDivestmentNotice;
}): Promise<{ terminationDate: IsoDate; feesOwedUntil: IsoDate }> {
  const input = ZFileDivestmentNotice.parse(options.input);
  const noticeDate = input.noticeDate ?? options.day;
  return inTenant(
    options.actor,
    options.customerId,
    { provider: "provider.subscriptions.manage", reason: "record a divestment notice" },
    async (tx) => {
      const loaded = await loadOpenSubscription(tx, {
        ...options,
        subscriptionId: input.subscriptionId,
        noticeDate,
      });
      const { row, schedule } = loaded;
      const effect = divestmentNoticeEffect(schedule, noticeDate, { transferred: input.transferred });
      await recordNotice(tx, {
        customerId: options.customerId,
        row,
        kind: "DIVESTMENT",
        noticeDate,
        terminationDate: effect.terminationDate,
        reason: input.reason || null,
        actorUserId: options.actor.userId,
        day: options.day,
        data: { transferred: input.transferred, feesOwedUntil: effect.feesOwedUntil },
      });
      return { ...effect };
    },
  );
}
