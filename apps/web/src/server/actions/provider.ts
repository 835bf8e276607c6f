"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import {
  handleAddDepartment,
  handleReplaceAccount,
  handleSaveCustomer,
  handleSaveDealer,
  handleSaveSubscription,
  handleSetCustomerSuspension,
  handleSetUserSuspension,
} from "@/server/handlers/provider";

// Provider console. Each handler asks the permission matrix (provider.*) and requires
// two-factor before calling core, which checks both again.
const PATHS = ["/provider"];

export async function saveCustomerAction(_: TActionState, form: FormData) {
  return runAction(handleSaveCustomer, formObject(form), PATHS);
}
export async function saveDealerAction(_: TActionState, form: FormData) {
  return runAction(handleSaveDealer, formObject(form), PATHS);
}
export async function addDepartmentAction(_: TActionState, form: FormData) {
  return runAction(handleAddDepartment, formObject(form), PATHS);
}
export async function saveSubscriptionAction(_: TActionState, form: FormData) {
  return runAction(handleSaveSubscription, formObject(form), PATHS);
}
export async function setCustomerSuspensionAction(_: TActionState, form: FormData) {
  return runAction(handleSetCustomerSuspension, formObject(form), PATHS);
}
export async function setUserSuspensionAction(_: TActionState, form: FormData) {
  return runAction(handleSetUserSuspension, formObject(form), PATHS);
}
export async function replaceAccountAction(_: TActionState, form: FormData) {
  return runAction(handleReplaceAccount, formObject(form), PATHS);
}
