"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelSubscriptionByProvider } from "@forecourt/core/contract/cancel-subscription-by-provider";
import { changeMonthlyFee } from "@forecourt/core/contract/change-monthly-fee";
import { ZCreateSubscription, createSubscription } from "@forecourt/core/contract/create-subscription";
import { calendarDay } from "@forecourt/core/contract/dates";
import { enqueueLifecycleRun } from "@forecourt/core/contract/enqueue-lifecycle-run";
import { fileDissolutionNotice } from "@forecourt/core/contract/file-dissolution-notice";
import { fileDivestmentNotice } from "@forecourt/core/contract/file-divestment-notice";
import { fileOrdinaryNotice } from "@forecourt/core/contract/file-ordinary-notice";
import { recordTrainingDate } from "@forecourt/core/contract/record-training-date";
import { reinstateSubscription } from "@forecourt/core/contract/reinstate-subscription";
import { terminateSubscriptionImmediately } from "@forecourt/core/contract/terminate-subscription-immediately";
import { ForbiddenError } from "@forecourt/core/errors";
import { principalOf, requireSession, sessionCan } from "@/server/session";

/** What a contract form shows after submitting. `message` is English from core; `code` picks the translation. */
export type TContractActionState =
  | { status: "idle" }
  | { status: "done"; kind: string; date?: string; extra?: string }
  | { status: "refused"; code: string; message: string; date?: string; extra?: string }
  | { status: "invalid"; message: string };

const ZBase = z.object({ customerId: z.uuid(), subscriptionId: z.uuid().optional() });
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Every contract form posts a `kind`; each kind's fields are parsed here, then core decides. */
const ZContractAction = z.discriminatedUnion("kind", [
  ZBase.extend({ kind: z.literal("dissolution"), noticeDate: optional(ZDate) }),
  ZBase.extend({ kind: z.literal("training"), firstTrainingDate: ZDate }),
  ZBase.extend({ kind: z.literal("provider_cancellation"), noticeDate: optional(ZDate), reason: optional(z.string()) }),
  ZBase.extend({ kind: z.literal("ordinary_notice"), noticeDate: optional(ZDate) }),
  ZBase.extend({
    kind: z.literal("immediate"),
    terminationKind: z.enum(["BREACH", "INSOLVENCY"]),
    reason: z.string().trim().min(10, "Describe the reason (at least 10 characters)"),
    terminationDate: optional(ZDate),
  }),
  ZBase.extend({
    kind: z.literal("divestment"),
    noticeDate: optional(ZDate),
    transferred: z.preprocess((v) => v === "on", z.boolean()),
    reason: optional(z.string()),
  }),
  ZBase.extend({
    kind: z.literal("fee_change"),
    date: ZDate,
    amount: z.string().trim(),
    reason: z.enum(["YEARLY_RISE", "DOCUMENTED_COST_INCREASE", "ORDERED_SERVICES", "TIER_CHANGE"]),
    evidenceReference: optional(z.string()),
  }),
  ZBase.extend({ kind: z.literal("reinstate") }),
  ZBase.extend({
    kind: z.literal("create"),
    product: z.string(),
    tier: z.string(),
    contractDate: ZDate,
    firstTrainingDate: optional(ZDate),
    initialTermMonths: z.string(),
    setupFee: optional(z.string()),
    serviceFees: optional(z.string()),
    monthlyFee: z.string(),
  }),
]);

export async function contractAction(_previous: TContractActionState, form: FormData): Promise<TContractActionState> {
  const session = await requireSession();
  if (!sessionCan(session, "provider.subscriptions.manage") && !sessionCan(session, "settings.subscription.notice")) {
    return { status: "refused", code: "forbidden", message: "Not allowed." };
  }
  const parsed = ZContractAction.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]?.message ?? "Invalid input" };
  const input = parsed.data;
  const principal = principalOf(session);
  const actor = {
    userId: session.user.id,
    providerRole: session.user.providerRole,
    tenantRole: session.active?.customerId === input.customerId ? principal.tenantRole : null,
  };
  const day = calendarDay(new Date());
  const common = { actor, customerId: input.customerId, day };
  const subscriptionId = input.subscriptionId ?? "";
  try {
    let result:
      | { ok: true; [k: string]: unknown }
      | {
          ok: false;
          code: string;
          message: string;
          nextWindowOpens?: string;
          maxAllowed?: string | null;
          effectiveDate?: string;
        };
    switch (input.kind) {
      case "dissolution":
        result = await fileDissolutionNotice({ ...common, input: { subscriptionId, noticeDate: input.noticeDate } });
        break;
      case "training":
        result = await recordTrainingDate({
          ...common,
          input: { subscriptionId, firstTrainingDate: input.firstTrainingDate },
        });
        break;
      case "provider_cancellation":
        result = await cancelSubscriptionByProvider({
          ...common,
          input: { subscriptionId, noticeDate: input.noticeDate, reason: input.reason },
        });
        break;
      case "ordinary_notice":
        result = await fileOrdinaryNotice({ ...common, input: { subscriptionId, noticeDate: input.noticeDate } });
        break;
      case "immediate":
        result = await terminateSubscriptionImmediately({
          ...common,
          input: {
            subscriptionId,
            kind: input.terminationKind,
            reason: input.reason,
            terminationDate: input.terminationDate,
          },
        });
        break;
      case "divestment":
        result = await fileDivestmentNotice({
          ...common,
          input: { subscriptionId, noticeDate: input.noticeDate, transferred: input.transferred, reason: input.reason },
        });
        break;
      case "fee_change": {
        const amountOk = /^\d{1,10}(\.\d{1,2})?$/.test(input.amount);
        if (!amountOk) return { status: "invalid", message: "Enter an amount such as 149.00" };
        result = await changeMonthlyFee({
          ...common,
          input: {
            subscriptionId,
            date: input.date,
            amount: input.amount,
            reason: input.reason,
            evidenceReference: input.evidenceReference,
          },
        });
        break;
      }
      case "create": {
        const order = ZCreateSubscription.safeParse(input);
        if (!order.success) return { status: "invalid", message: order.error.issues[0]?.message ?? "Invalid input" };
        const created = await createSubscription({ ...common, input: order.data });
        result = { ok: true, id: created.id };
        break;
      }
      case "reinstate":
        result = await reinstateSubscription({ ...common, input: { subscriptionId: input.subscriptionId } });
        break;
    }
    revalidatePath("/", "layout");
    if (!result.ok) {
      return {
        status: "refused",
        code: result.code,
        message: result.message,
        date: result.nextWindowOpens ?? result.effectiveDate,
        extra: result.maxAllowed ?? undefined,
      };
    }
    const date = (result.terminationDate ?? result.effectiveDate ?? result.startDate) as string | undefined;
    return { status: "done", kind: input.kind, date, extra: (result.feesOwedUntil as string | undefined) ?? undefined };
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "refused", code: "forbidden", message: "Not allowed." };
    if (error instanceof Error && error.name === "SubscriptionNotFoundError") {
      return { status: "refused", code: "not_found", message: "No such subscription." };
    }
    throw error;
  }
}

export type TRunNowState =
  { status: "idle" } | { status: "queued"; jobId: string; day: string } | { status: "forbidden" };

/** Provider staff: run the daily lifecycle now, for today. */
export async function runLifecycleNowAction(_previous: TRunNowState): Promise<TRunNowState> {
  const session = await requireSession();
  if (!sessionCan(session, "provider.subscriptions.manage")) return { status: "forbidden" };
  const day = calendarDay(new Date());
  try {
    const { jobId } = await enqueueLifecycleRun({
      actor: { userId: session.user.id, providerRole: session.user.providerRole },
      day,
    });
    revalidatePath("/provider/queues");
    return { status: "queued", jobId, day };
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "forbidden" };
    throw error;
  }
}
