import { z } from "zod";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
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
import { principalOf, sessionCan } from "../principal";
import { refuse } from "./chat-result";
import type { THandlerFailure, THandlerResult } from "./result";

/*
 * Contract forms (provider console and Settings → Subscription). Provider staff act through
 * the audited provider access; a customer user only on their active tenant, with the role
 * core re-reads from the database (contract/actor-scope.ts). A subscription of another
 * customer is "not found".
 */

export type TContractDone = { kind: string; date?: string; extra?: string };

/** A refusal by a contract rule (422) keeps the date and the extra figure the form shows. */
export type TContractRefusal = THandlerFailure & { date?: string; extra?: string };

const notAllowed = refuse(403, "forbidden", "Not allowed.");

const ZBase = z.object({ customerId: z.uuid(), subscriptionId: z.uuid().optional() });
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Every contract form posts a `kind`; each kind's fields are parsed here, then core decides. */
export const ZContractAction = z.discriminatedUnion("kind", [
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

/** Every contract form posts a `kind`; its fields are parsed, then core decides. */
export async function handleContract(
  session: TSessionContext | null,
  raw: unknown,
): Promise<THandlerResult<TContractDone> | TContractRefusal> {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  if (!sessionCan(session, "provider.subscriptions.manage") && !sessionCan(session, "settings.subscription.notice")) {
    return notAllowed;
  }
  const parsed = ZContractAction.safeParse(raw);
  if (!parsed.success) return refuse(400, "invalid", parsed.error.issues[0]?.message ?? "Invalid input");
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
        if (!amountOk) return refuse(400, "invalid", "Enter an amount such as 149.00");
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
        if (!order.success) return refuse(400, "invalid", order.error.issues[0]?.message ?? "Invalid input");
        const created = await createSubscription({ ...common, input: order.data });
        result = { ok: true, id: created.id };
        break;
      }
      case "reinstate":
        result = await reinstateSubscription({ ...common, input: { subscriptionId: input.subscriptionId } });
        break;
    }
    if (!result.ok) {
      const status = result.code === "forbidden" ? 403 : result.code === "not_found" ? 404 : 422;
      return {
        ...refuse(status, result.code, result.message),
        date: result.nextWindowOpens ?? result.effectiveDate,
        extra: result.maxAllowed ?? undefined,
      };
    }
    const date = (result.terminationDate ?? result.effectiveDate ?? result.startDate) as string | undefined;
    return {
      ok: true,
      data: { kind: input.kind, date, extra: (result.feesOwedUntil as string | undefined) ?? undefined },
    };
  } catch (error) {
    if (error instanceof ForbiddenError) return notAllowed;
    if (error instanceof Error && error.name === "SubscriptionNotFoundError") {
      return refuse(404, "not_found", "No such subscription.");
    }
    throw error;
  }
}

/** Provider staff: run the daily lifecycle now, for today (no tenant input). */
export async function handleRunLifecycleNow(
  session: TSessionContext | null,
): Promise<THandlerResult<{ jobId: string; day: string }>> {
  if (!session) return refuse(401, "unauthenticated", "Sign in first.");
  if (!sessionCan(session, "provider.subscriptions.manage")) return notAllowed;
  const day = calendarDay(new Date());
  try {
    const { jobId } = await enqueueLifecycleRun({
      actor: { userId: session.user.id, providerRole: session.user.providerRole },
      day,
    });
    return { ok: true, data: { jobId, day } };
  } catch (error) {
    if (error instanceof ForbiddenError) return notAllowed;
    throw error;
  }
}
