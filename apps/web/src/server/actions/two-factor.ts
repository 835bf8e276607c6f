"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import {
  handleConfirmTwoFactor,
  handleDisableTwoFactor,
  handleRegenerateRecoveryCodes,
  handleStartTwoFactor,
} from "@/server/handlers/security";

// The signed-in user's own two-factor (settings.profile, asked in the handlers).
const PATHS = ["/settings/two-factor"];

export async function startTwoFactorAction(_: TActionState, form: FormData) {
  return runAction(handleStartTwoFactor, formObject(form), []);
}
// No revalidation: the page would re-render as "enrolled" before the recovery codes are read.
export async function confirmTwoFactorAction(_: TActionState, form: FormData) {
  return runAction(handleConfirmTwoFactor, formObject(form), []);
}
export async function regenerateRecoveryCodesAction(_: TActionState, form: FormData) {
  return runAction(handleRegenerateRecoveryCodes, formObject(form), []);
}
export async function disableTwoFactorAction(_: TActionState, form: FormData) {
  return runAction(handleDisableTwoFactor, formObject(form), PATHS);
}
