import { z } from "zod";
import { appDb } from "@forecourt/db";
import { mailPasswordResetLink } from "./send-password-reset";

export const ZRequestPasswordReset = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()) });

/**
 * "Forgot password" on the public page. Always answers the same, whether the address exists or
 * not (no account enumeration); suspended users get nothing.
 */
export async function requestPasswordReset(input: z.input<typeof ZRequestPasswordReset>): Promise<{ ok: true }> {
  const { email } = ZRequestPasswordReset.parse(input);
  const user = await appDb().user.findUnique({ where: { email } });
  if (user && user.status === "ACTIVE") await mailPasswordResetLink(user);
  return { ok: true };
}
