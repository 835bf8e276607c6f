"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import {
  handleChangeMemberStatus,
  handleForceSignOut,
  handleInviteUser,
  handleReportMisuse,
  handleRevokeMemberSession,
  handleSendPasswordReset,
  handleUnlockMember,
  handleUpdateMember,
} from "@/server/handlers/users";

// Settings → Users and the provider console's user operations. Each handler asks the
// permission matrix (settings.users.manage / provider.users.manage) before calling core.
const SCOPE = ["dealerIds", "departmentIds"];
const PATHS = ["/settings/users", "/provider"];

export async function inviteUserAction(_: TActionState, form: FormData) {
  return runAction(handleInviteUser, formObject(form, SCOPE), PATHS);
}
export async function updateMemberAction(_: TActionState, form: FormData) {
  return runAction(handleUpdateMember, formObject(form, SCOPE), PATHS);
}
export async function changeMemberStatusAction(_: TActionState, form: FormData) {
  return runAction(handleChangeMemberStatus, formObject(form), PATHS);
}
export async function sendPasswordResetAction(_: TActionState, form: FormData) {
  return runAction(handleSendPasswordReset, formObject(form), PATHS);
}
export async function forceSignOutAction(_: TActionState, form: FormData) {
  return runAction(handleForceSignOut, formObject(form), PATHS);
}
export async function revokeMemberSessionAction(_: TActionState, form: FormData) {
  return runAction(handleRevokeMemberSession, formObject(form), PATHS);
}
export async function unlockMemberAction(_: TActionState, form: FormData) {
  return runAction(handleUnlockMember, formObject(form), PATHS);
}
export async function reportMisuseAction(_: TActionState, form: FormData) {
  return runAction(handleReportMisuse, formObject(form), []);
}
