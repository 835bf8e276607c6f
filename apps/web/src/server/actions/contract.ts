"use server";

import { revalidatePath } from "next/cache";
import { handleContract, handleRunLifecycleNow } from "@/server/handlers/contract";
import { requireSession } from "@/server/session";

/** What a contract form shows after submitting. `message` is English from core; `code` picks the translation. */
export type TContractActionState =
  | { status: "idle" }
  | { status: "done"; kind: string; date?: string; extra?: string }
  | { status: "refused"; code: string; message: string; date?: string; extra?: string }
  | { status: "invalid"; message: string };

/** Every contract form posts a `kind`; handlers/contract.ts parses it and asks core. */
export async function contractAction(_previous: TContractActionState, form: FormData): Promise<TContractActionState> {
  const result = await handleContract(await requireSession(), Object.fromEntries(form));
  if (result.ok) {
    revalidatePath("/", "layout");
    return { status: "done", ...result.data };
  }
  if (result.status === 400) return { status: "invalid", message: result.message ?? result.error };
  if (result.status === 422) revalidatePath("/", "layout");
  const { date, extra } = "date" in result || "extra" in result ? result : { date: undefined, extra: undefined };
  return { status: "refused", code: result.error, message: result.message ?? result.error, date, extra };
}

export type TRunNowState =
  { status: "idle" } | { status: "queued"; jobId: string; day: string } | { status: "forbidden" };

/** Provider staff: run the daily lifecycle now, for today. */
export async function runLifecycleNowAction(_previous: TRunNowState): Promise<TRunNowState> {
  const result = await handleRunLifecycleNow(await requireSession());
  if (!result.ok) return { status: "forbidden" };
  revalidatePath("/provider/queues");
  return { status: "queued", ...result.data };
}
