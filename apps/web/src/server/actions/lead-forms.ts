"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import {
  handleRetryLeadDelivery,
  handleSaveLeadExportTarget,
  handleSetLeadFormActive,
} from "@/server/handlers/lead-forms";

// Settings → Lead forms (docs/leads.md).
const PATHS = ["/settings/lead-forms"];

export async function setLeadFormActiveAction(_: TActionState, form: FormData) {
  return runAction(handleSetLeadFormActive, formObject(form), PATHS);
}
export async function saveLeadExportTargetAction(_: TActionState, form: FormData) {
  return runAction(handleSaveLeadExportTarget, formObject(form), PATHS);
}
export async function retryLeadDeliveryAction(_: TActionState, form: FormData) {
  return runAction(handleRetryLeadDelivery, formObject(form), PATHS);
}
