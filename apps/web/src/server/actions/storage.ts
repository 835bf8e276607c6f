"use server";

import type { TRunJobNowState } from "@/components/run-job-now-button";
import { revalidatePath } from "next/cache";
import { handleRunOrphanSweepNow } from "@/server/handlers/storage";
import { requestMeta } from "@/server/action-helpers";
import { getCurrentSession } from "@/server/session";

/** Provider staff: queue the orphan-file sweep now. */
export async function runOrphanSweepNowAction(_previous: TRunJobNowState): Promise<TRunJobNowState> {
  const result = await handleRunOrphanSweepNow(await getCurrentSession(), undefined, await requestMeta());
  if (!result.ok) return { status: "forbidden" };
  revalidatePath("/provider/deletions/orphan-sweeps");
  return { status: "queued", jobId: result.data.jobId };
}
