import { acceptInvitation, ZAcceptInvitation } from "@forecourt/core/accounts/accept-invitation";
import { requestPasswordReset, ZRequestPasswordReset } from "@forecourt/core/accounts/request-password-reset";
import { resetPassword, ZResetPassword } from "@forecourt/core/accounts/reset-password";
import { emailTranscript, ZEmailTranscript } from "@forecourt/core/csat/email-transcript";
import { rateConversation, ZRateConversation } from "@forecourt/core/csat/rate-conversation";
import { definePublicHandler } from "../define-handler";

/** Public pages (no session): the token in the link is the only authority. */
export const handleAcceptInvitation = definePublicHandler({ input: ZAcceptInvitation }, ({ input }) =>
  acceptInvitation(input),
);

export const handleRequestPasswordReset = definePublicHandler({ input: ZRequestPasswordReset }, ({ input }) =>
  requestPasswordReset(input),
);

export const handleResetPassword = definePublicHandler({ input: ZResetPassword }, ({ input }) => resetPassword(input));

/** The rating page of a closed conversation (the signed link in the closing message is the authority). */
export const handleRateConversation = definePublicHandler({ input: ZRateConversation }, ({ input }) =>
  rateConversation(input),
);

export const handleEmailTranscript = definePublicHandler({ input: ZEmailTranscript }, ({ input }) =>
  emailTranscript(input),
);
