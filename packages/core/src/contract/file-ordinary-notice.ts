import { z } from "zod";
import { isIsoDate, ordinaryNoticeEffect, type IsoDate } from "@forecourt/contract";
import { inContractScope, type TContractActor } from "./actor-scope";
import { hasDissolutionOption } from "./products";
import { type TNoticeRefusal, loadOpenSubscription, recordNotice } from "./record-notice";

export const ZFileOrdinaryNotice = z.object({
  subscriptionId: z.uuid(),
  noticeDate: z.string().refine(isIsoDate, "Expected a date YYYY-MM-DD").optional(),
});
export type TFileOrdinaryNotice = z.input<typeof ZFileOrdinaryNotice>;

/**
 * Ordinary notice (T 5.3), recorded by provider staff, for products without a dissolution
 * option: ends at the end of the current period if given by its deadline (end − 90 days),
 * otherwise at the end of the following period.
 */
export async function fileOrdinaryNotice(options: {
  actor: TContractActor;
  customerId: string;
  day: IsoDate;
  input: TFileOrdinaryNotice;
}): Promise<{ ok: true; terminationDate: IsoDate; deadline: IsoDate } | TNoticeRefusal> {
  const input = ZFileOrdinaryNotice.parse(options.input);
  const noticeDate = input.noticeDate ?? options.day;
  return inContractScope(
    {
      actor: options.actor,
      customerId: options.customerId,
      actions: { provider: "provider.subscriptions.manage" },
      reason: "record an ordinary notice",
    },
    async (tx) => {
      const loaded = await loadOpenSubscription(tx, {
        ...options,
        subscriptionId: input.subscriptionId,
        noticeDate,
      });
      if (!loaded.ok) return loaded;
      const { row, schedule } = loaded;
      if (hasDissolutionOption(row.product)) {
        return {
          ok: false,
          code: "dissolution_option_applies",
          message: `${row.product} has the dissolution option, which replaces ordinary notice (L 5.1).`,
        };
      }
      const effect = ordinaryNoticeEffect(schedule, noticeDate);
      await recordNotice(tx, {
        customerId: options.customerId,
        row,
        kind: "ORDINARY_NOTICE",
        noticeDate,
        terminationDate: effect.terminationDate,
        actorUserId: options.actor.userId,
        day: options.day,
        data: { deadline: effect.deadline },
      });
      return { ok: true, terminationDate: effect.terminationDate, deadline: effect.deadline };
    },
  );
}
