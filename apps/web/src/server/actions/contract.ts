"use server";

import type { TRunJobNowState } from "@/components/run-job-now-button";
import { revalidatePath } from "next/cache";
import { handleContract, handleRunLifecycleNow } from "@/server/handlers/contract";
import { formObject, requestMeta } from "@/server/action-helpers";
import { getCurrentSession } from "@/server/session";

/** What a contract form shows after submitting. `message` is English from core; `code` picks the translation. */
export type TContractActionState =
  | { status: "idle" }
  | { status: "done"; kind: string; date?: string; extra?: string }
  | { status: "refused"; code: string; message: string; date?: string; extra?: string }
  | { status: "invalid"; message: string };

/** Every contract form posts a `kind`; handlers/contract.ts parses it and asks core. */
export async function contractAction(_previous: TContractActionState, form: FormData): Promise<TContractActionState> {
  const result = await handleContract(await getCurrentSession(), formObject(form), await requestMeta());
  if (result.ok) {
    revalidatePath("/", "layout");
    return { status: "done", ...result.data };
  }
  if (result.status === 400) return { status: "invalid", message: result.message };
  // A refused fee change is audited: show it at once.
  if (result.status === 422) revalidatePath("/", "layout");
  const detail = (key: string) => {
    const value = result.details?.[key];
    return typeof value === "string" ? value : undefined;
  };
  return {
    status: "refused",
    code: result.error,
    message: result.message,
    date: detail("nextWindowOpens") ?? detail("effectiveDate"),
    extra: detail("maxAllowed"),
  };
}

/** Provider staff: run the daily lifecycle now, for today. */
export async function runLifecycleNowAction(_previous: TRunJobNowState): Promise<TRunJobNowState> {
  const result = await handleRunLifecycleNow(await getCurrentSession(), undefined, await requestMeta());
  if (!result.ok) return { status: "forbidden" };
  revalidatePath("/provider/queues");
  return { status: "queued", jobId: result.data.jobId };
}
