"use server";

import { formObject, type TActionState } from "@/server/action-helpers";
import {
  handleAcceptInvitation,
  handleEmailTranscript,
  handleRateConversation,
  handleRequestPasswordReset,
  handleResetPassword,
} from "@/server/handlers/public";

// Public pages (accept an invitation, forgot / reset password): no session, no permission to
// ask; the single-use token in the link is the only authority, checked in core.

export async function acceptInvitationAction(_: TActionState, form: FormData): Promise<TActionState> {
  return JSON.parse(JSON.stringify(await handleAcceptInvitation(formObject(form))));
}
export async function requestPasswordResetAction(_: TActionState, form: FormData): Promise<TActionState> {
  return JSON.parse(JSON.stringify(await handleRequestPasswordReset(formObject(form))));
}
export async function resetPasswordAction(_: TActionState, form: FormData): Promise<TActionState> {
  return JSON.parse(JSON.stringify(await handleResetPassword(formObject(form))));
}
export async function rateConversationAction(_: TActionState, form: FormData): Promise<TActionState> {
  return JSON.parse(JSON.stringify(await handleRateConversation(formObject(form))));
}
export async function emailTranscriptAction(_: TActionState, form: FormData): Promise<TActionState> {
  return JSON.parse(JSON.stringify(await handleEmailTranscript(formObject(form))));
}
