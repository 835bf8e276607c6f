"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import { handleDeleteCannedReply, handleSaveCannedReply } from "@/server/handlers/canned-replies";

// Settings → Canned replies. The inbox reads them on its next load.
const PATHS = ["/settings/canned-replies", "/inbox"];

export async function saveCannedReplyAction(_: TActionState, form: FormData) {
  return runAction(handleSaveCannedReply, formObject(form), PATHS);
}
export async function deleteCannedReplyAction(_: TActionState, form: FormData) {
  return runAction(handleDeleteCannedReply, formObject(form), PATHS);
}
