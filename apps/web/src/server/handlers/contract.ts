import { z } from "zod";
import type { TAction } from "@forecourt/auth";
import {
  cancelSubscriptionByProvider,
  ZCancelSubscriptionByProvider,
} from "@forecourt/core/contract/cancel-subscription-by-provider";
import { changeMonthlyFee, ZChangeMonthlyFee } from "@forecourt/core/contract/change-monthly-fee";
import { calendarDay } from "@forecourt/core/contract/dates";
import { enqueueLifecycleRun } from "@forecourt/core/contract/enqueue-lifecycle-run";
import { fileDissolutionNotice, ZFileDissolutionNotice } from "@forecourt/core/contract/file-dissolution-notice";
import { fileDivestmentNotice, ZFileDivestmentNotice } from "@forecourt/core/contract/file-divestment-notice";
import { fileOrdinaryNotice, ZFileOrdinaryNotice } from "@forecourt/core/contract/file-ordinary-notice";
import { recordTrainingDate, ZRecordTrainingDate } from "@forecourt/core/contract/record-training-date";
import { reinstateSubscription, ZReinstateSubscription } from "@forecourt/core/contract/reinstate-subscription";
import { saveSubscription, ZSaveSubscription } from "@forecourt/core/contract/save-subscription";
import { setManagedService, ZSetManagedService } from "@forecourt/core/contract/set-managed-service";
import {
  terminateSubscriptionImmediately,
  ZTerminateSubscriptionImmediately,
} from "@forecourt/core/contract/terminate-subscription-immediately";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import type { TUserPrincipal } from "@forecourt/core/principal";
import { defineHandler, parseInput } from "../define-handler";
import { run, type THandler, type THandlerMeta, type THandlerResult } from "./result";

/*
 * Contract forms (provider console and Settings → Subscription): one handler per action. Each
 * parses core's own schema plus the customer acted on; core runs it in that customer's scope
 * (a customer user only in their active tenant, provider staff audited) and refuses by a
 * contract rule with a RuleError whose details carry the dates the form shows.
 */

export type TContractDone = { kind: string; date?: string; extra?: string };

const PROVIDER = { permission: "provider.subscriptions.manage", scope: "user" } as const;
const ZCustomer = z.object({ customerId: z.uuid() });
const today = () => calendarDay(new Date());

type TContext<I> = { principal: TUserPrincipal; input: I & { customerId: string } };

/** One contract action: the schema of its fields, who may, and what core call it makes. */
function contractHandler<I extends z.ZodObject>(
  kind: string,
  spec: { permission: TAction | readonly TAction[]; input: I },
  call: (context: TContext<z.output<I>>) => Promise<Record<string, unknown>>,
  pick: (result: Record<string, unknown>) => Omit<TContractDone, "kind"> = () => ({}),
) {
  return defineHandler(
    { permission: spec.permission, scope: "user", input: spec.input.extend(ZCustomer.shape) },
    async (context) => ({ kind, ...pick(await call(context as unknown as TContext<z.output<I>>)) }) as TContractDone,
  );
}

const terminationDate = (r: Record<string, unknown>) => ({ date: r.terminationDate as string });

export const handleDissolutionNotice = contractHandler(
  "dissolution",
  { permission: ["provider.subscriptions.manage", "settings.subscription.notice"], input: ZFileDissolutionNotice },
  ({ principal, input: { customerId, ...input } }) =>
    fileDissolutionNotice({ actor: principal, customerId, day: today(), input }),
  terminationDate,
);

export const handleTrainingDate = contractHandler(
  "training",
  { ...PROVIDER, input: ZRecordTrainingDate },
  ({ principal, input: { customerId, ...input } }) =>
    recordTrainingDate({ actor: principal, customerId, day: today(), input }),
  (r) => ({ date: r.startDate as string }),
);

export const handleProviderCancellation = contractHandler(
  "provider_cancellation",
  { ...PROVIDER, input: ZCancelSubscriptionByProvider },
  ({ principal, input: { customerId, ...input } }) =>
    cancelSubscriptionByProvider({ actor: principal, customerId, day: today(), input }),
  terminationDate,
);

export const handleOrdinaryNotice = contractHandler(
  "ordinary_notice",
  { ...PROVIDER, input: ZFileOrdinaryNotice },
  ({ principal, input: { customerId, ...input } }) =>
    fileOrdinaryNotice({ actor: principal, customerId, day: today(), input }),
  terminationDate,
);

/** The form names the termination's kind `terminationKind` (its own `kind` is the form's). */
export const handleImmediateTermination = contractHandler(
  "immediate",
  {
    ...PROVIDER,
    input: ZTerminateSubscriptionImmediately.omit({ kind: true }).extend({
      terminationKind: ZTerminateSubscriptionImmediately.shape.kind,
    }),
  },
  ({ principal, input: { customerId, terminationKind, ...input } }) =>
    terminateSubscriptionImmediately({
      actor: principal,
      customerId,
      day: today(),
      input: { ...input, kind: terminationKind },
    }),
  terminationDate,
);

/** A checkbox posts "on" when ticked and nothing otherwise. */
export const handleDivestmentNotice = contractHandler(
  "divestment",
  {
    ...PROVIDER,
    input: ZFileDivestmentNotice.extend({
      transferred: z
        .literal("on")
        .optional()
        .transform((v) => v === "on"),
    }),
  },
  ({ principal, input: { customerId, ...input } }) =>
    fileDivestmentNotice({ actor: principal, customerId, day: today(), input }),
  (r) => ({ date: r.terminationDate as string, extra: r.feesOwedUntil as string }),
);

export const handleFeeChange = contractHandler(
  "fee_change",
  { ...PROVIDER, input: ZChangeMonthlyFee.in },
  ({ principal, input: { customerId, ...input } }) =>
    changeMonthlyFee({ actor: principal, customerId, day: today(), input }),
  (r) => ({ date: r.effectiveDate as string }),
);

export const handleReinstatement = contractHandler(
  "reinstate",
  { ...PROVIDER, input: ZReinstateSubscription },
  ({ principal, input: { customerId, ...input } }) =>
    reinstateSubscription({ actor: principal, customerId, day: today(), input }),
);

export const handleCreateSubscription = contractHandler(
  "create",
  { ...PROVIDER, input: ZSaveSubscription },
  ({ principal, input: { customerId, ...input } }) =>
    saveSubscription({ actor: principal, customerId, day: today(), input }),
);

/** Plus: the managed service of a recorded order form (minutes before the managed queue, closed hours). */
export const handleManagedService = contractHandler(
  "managed_service",
  { ...PROVIDER, input: ZSetManagedService },
  ({ principal, input: { customerId, ...input } }) => setManagedService({ actor: principal, customerId, input }),
);

export const CONTRACT_HANDLERS = {
  dissolution: handleDissolutionNotice,
  training: handleTrainingDate,
  provider_cancellation: handleProviderCancellation,
  ordinary_notice: handleOrdinaryNotice,
  immediate: handleImmediateTermination,
  divestment: handleDivestmentNotice,
  fee_change: handleFeeChange,
  reinstate: handleReinstatement,
  create: handleCreateSubscription,
  managed_service: handleManagedService,
} satisfies Record<string, THandler<TContractDone>>;

const ZContractKind = z.object({ kind: z.enum(Object.keys(CONTRACT_HANDLERS) as [keyof typeof CONTRACT_HANDLERS]) });

/** Every contract form posts its `kind`; the form's action hands it to that kind's handler. */
export async function handleContract(
  session: TSessionContext | null,
  raw: unknown,
  meta?: THandlerMeta,
): Promise<THandlerResult<TContractDone>> {
  const picked = await run(async () => parseInput(ZContractKind, raw));
  if (!picked.ok) return picked;
  const { kind: _kind, ...fields } = raw as Record<string, unknown>;
  return CONTRACT_HANDLERS[picked.data.kind](session, fields, meta);
}

/** Provider staff: run the daily lifecycle now, for today (no tenant input). */
export const handleRunLifecycleNow = defineHandler(PROVIDER, async ({ principal }) => {
  const day = today();
  const { jobId } = await enqueueLifecycleRun({ actor: principal, day });
  return { jobId, day };
});
