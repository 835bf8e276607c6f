"use server";

import { redirect } from "next/navigation";
import { ERASE_OUTSIDE_SCOPE } from "@forecourt/core/contacts/erase-contact";
import { formObject, requestMeta } from "@/server/action-helpers";
import { handleEraseContact } from "@/server/handlers/data-protection";
import { getCurrentSession } from "@/server/session";

export type TEraseState = { status: "idle" | "confirm" | "forbidden" | "missing" | "outside_scope" };

export async function eraseContactAction(_previous: TEraseState, form: FormData): Promise<TEraseState> {
  const result = await handleEraseContact(await getCurrentSession(), formObject(form), await requestMeta());
  if (result.ok) {
    // Rows whose files were not on disk are said out loud, not reported as a clean erasure.
    const missing = Number(result.data.counts.attachmentFilesMissing ?? 0);
    redirect(missing > 0 ? `/contacts?erased=1&missingFiles=${missing}` : "/contacts?erased=1");
  }
  if (result.error === ERASE_OUTSIDE_SCOPE) return { status: "outside_scope" };
  return { status: result.status === 400 ? "confirm" : result.status === 404 ? "missing" : "forbidden" };
}
