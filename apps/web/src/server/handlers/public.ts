import { acceptInvitation } from "@forecourt/core/accounts/accept-invitation";
import { requestPasswordReset } from "@forecourt/core/accounts/request-password-reset";
import { resetPassword } from "@forecourt/core/accounts/reset-password";
import { run } from "./result";

/** Public pages (no session): the token in the link is the only authority. */
export function handleAcceptInvitation(raw: unknown) {
  return run(() => acceptInvitation(raw as Parameters<typeof acceptInvitation>[0]));
}

export function handleRequestPasswordReset(raw: unknown) {
  return run(() => requestPasswordReset(raw as Parameters<typeof requestPasswordReset>[0]));
}

export function handleResetPassword(raw: unknown) {
  return run(() => resetPassword(raw as Parameters<typeof resetPassword>[0]));
}
