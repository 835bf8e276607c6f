"use server";

import { redirect } from "next/navigation";
import { formObject } from "@/server/action-helpers";
import { handleEraseContact } from "@/server/handlers/data-protection";
import { requirePermission } from "@/server/session";

export type TEraseState = { status: "idle" | "confirm" | "forbidden" | "missing" };

export async function eraseContactAction(_previous: TEraseState, form: FormData): Promise<TEraseState> {
  const result = await handleEraseContact(await requirePermission("contacts.erase"), formObject(form));
  if (result.ok) {
    // Rows whose files were not on disk are said out loud, not reported as a clean erasure.
    const missing = Number(result.data.counts.attachmentFilesMissing ?? 0);
    redirect(missing > 0 ? `/contacts?erased=1&missingFiles=${missing}` : "/contacts?erased=1");
  }
  return { status: result.status === 400 ? "confirm" : result.status === 404 ? "missing" : "forbidden" };
}
