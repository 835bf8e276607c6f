import { z } from "zod";
import { confirmTwoFactorEnrolment, ZTotpCode } from "@forecourt/core/security/confirm-two-factor-enrolment";
import { disableTwoFactor } from "@forecourt/core/security/disable-two-factor";
import { regenerateRecoveryCodes } from "@forecourt/core/security/regenerate-recovery-codes";
import { startTwoFactorEnrolment } from "@forecourt/core/security/start-two-factor-enrolment";
import { defineHandler } from "../define-handler";

/** The signed-in user's own two-factor settings (settings.profile; provider staff before their session passed it too). */
const PROFILE = { permission: "settings.profile", scope: "user" } as const;
const ZCode = z.object({ code: ZTotpCode });

export const handleStartTwoFactor = defineHandler(PROFILE, ({ principal }) =>
  startTwoFactorEnrolment({ actor: principal }),
);

export const handleConfirmTwoFactor = defineHandler({ ...PROFILE, input: ZCode }, ({ principal, input }) =>
  confirmTwoFactorEnrolment({ actor: principal, code: input.code }),
);

export const handleDisableTwoFactor = defineHandler({ ...PROFILE, input: ZCode }, ({ principal, input }) =>
  disableTwoFactor({ actor: principal, code: input.code }),
);

export const handleRegenerateRecoveryCodes = defineHandler({ ...PROFILE, input: ZCode }, ({ principal, input }) =>
  regenerateRecoveryCodes({ actor: principal, code: input.code }),
);
