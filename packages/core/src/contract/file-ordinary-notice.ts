import { z } from "zod";
import { isIsoDate, ordinaryNoticeEffect, type IsoDate } from "@forecourt/contract";
import type { TUserPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { RuleError } from "../errors";
import { hasDissolutionOption } from "./products";
import { loadOpenSubscription, recordNotice } from "./record-notice";

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
  actor: TUserPrincipal;
  customerId: string;
  day: IsoDate;
  input: TFileOrdinaryNotice;
}): Promise<{ terminationDate: IsoDate; deadline: IsoDate }> {
  const input = ZFileOrdinaryNotice.parse(options.input);
  const noticeDate = input.noticeDate ?? options.day;
  return inTenant(
    options.actor,
    options.customerId,
    { provider: "provider.subscriptions.manage", reason: "record an ordinary notice" },
    async (tx) => {
      const loaded = await loadOpenSubscription(tx, {
        ...options,
        subscriptionId: input.subscriptionId,
        noticeDate,
      });
      const { row, schedule } = loaded;
      if (hasDissolutionOption(row.product)) {
        throw new RuleError(
          "dissolution_option_applies",
          `${row.product} has the dissolution option, which replaces ordinary notice (L 5.1).`,
        );
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
      return { terminationDate: effect.terminationDate, deadline: effect.deadline };
    },
  );
}
