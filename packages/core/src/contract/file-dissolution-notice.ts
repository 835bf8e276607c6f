import { z } from "zod";
import { dissolutionNoticeEffect, isIsoDate, type IsoDate } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { RuleError } from "../errors";
import { hasDissolutionOption } from "./products";
import { loadOpenSubscription, recordNotice } from "./record-notice";

const ZIsoDate = z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD");

export const ZFileDissolutionNotice = z.object({
  subscriptionId: z.uuid(),
  /** The day the notice was received; default: today. Provider staff may record an earlier written notice. */
  noticeDate: ZIsoDate.optional(),
});
export type TFileDissolutionNotice = z.input<typeof ZFileDissolutionNotice>;

export type TFileDissolutionNoticeResult = {
  terminationDate: IsoDate;
  lastFeeDay: IsoDate;
  windowCloses: IsoDate;
};

/**
 * A dissolution notice (L 5.1): accepted within the first 90 days of the initial or a renewal
 * term, ending the subscription on the window's last day; refused otherwise with the day the
 * next window opens. A customer owner files it in Settings → Subscription; provider staff can
 * record one received in writing.
 */
export async function fileDissolutionNotice(options: {
  actor: TUserPrincipal;
  customerId: string;
  /** Today, from the caller (the logic never reads the clock). */
  day: IsoDate;
  input: TFileDissolutionNotice;
}): Promise<TFileDissolutionNoticeResult> {
  const input = ZFileDissolutionNotice.parse(options.input);
  const noticeDate = input.noticeDate ?? options.day;
  return inTenant(
    options.actor,
    options.customerId,
    {
      provider: "provider.subscriptions.manage",
      tenant: "settings.subscription.notice",
      reason: "record a dissolution notice",
    },
    async (tx) => {
      const loaded = await loadOpenSubscription(tx, {
        customerId: options.customerId,
        subscriptionId: input.subscriptionId,
        day: options.day,
        noticeDate,
      });
      const { row, schedule } = loaded;
      if (!hasDissolutionOption(row.product)) {
        throw new RuleError(
          "no_dissolution_option",
          `${row.product} has no dissolution option; it ends by ordinary notice (T 5.3).`,
        );
      }
      const effect = dissolutionNoticeEffect(schedule, noticeDate);
      if (!effect.accepted) {
        throw new RuleError(effect.code, effect.message, { nextWindowOpens: effect.nextWindowOpens ?? null });
      }
      await recordNotice(tx, {
        customerId: options.customerId,
        row,
        kind: "DISSOLUTION",
        noticeDate,
        terminationDate: effect.terminationDate,
        actorUserId: options.actor.userId,
        day: options.day,
        data: { windowOpens: effect.window.opens, windowCloses: effect.window.closes, lastFeeDay: effect.lastFeeDay },
      });
      return {
        terminationDate: effect.terminationDate,
        lastFeeDay: effect.lastFeeDay,
        windowCloses: effect.window.closes,
      };
    },
  );
}
