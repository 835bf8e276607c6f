"use server";

import { revalidatePath } from "next/cache";
import { handleRunOrphanSweepNow } from "@/server/handlers/storage";
import { requestMeta } from "@/server/action-helpers";
import { getCurrentSession } from "@/server/session";

export type TRunSweepState = { status: "idle" } | { status: "queued"; jobId: string } | { status: "forbidden" };

/** Provider staff: queue the orphan-file sweep now. */
export async function runOrphanSweepNowAction(_previous: TRunSweepState): Promise<TRunSweepState> {
  const result = await handleRunOrphanSweepNow(await getCurrentSession(), undefined, await requestMeta());
  if (!result.ok) return { status: "forbidden" };
  revalidatePath("/provider/deletions/orphan-sweeps");
  return { status: "queued", jobId: result.data.jobId };
}
