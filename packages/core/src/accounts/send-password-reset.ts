import { appDb } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { newLinkToken } from "../crypto/secret-box";
import { sendMail } from "../mail/send-mail";
import { renderMail } from "../mail/render-mail";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { PASSWORD_RESET_LIFETIME_HOURS, passwordResetLink } from "./links";
import { assertMayManage, loadMember } from "./load-member";

/** Creates a single-use reset token for a user and e-mails the link, in the user's locale. Returns whether mail went out. */
export async function mailPasswordResetLink(
  user: { id: string; email: string; locale: "en" | "nl" | "da" | "de" },
  replaced = false,
) {
  const { token, hash } = newLinkToken();
  await appDb().userToken.updateMany({
    where: { userId: user.id, kind: "PASSWORD_RESET", usedAt: null },
    data: { usedAt: new Date() },
  });
  await appDb().userToken.create({
    data: {
      userId: user.id,
      kind: "PASSWORD_RESET",
      tokenHash: hash,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_LIFETIME_HOURS * 3_600_000),
    },
  });
  try {
    await sendMail({
      to: user.email,
      ...renderMail(replaced ? "accountReplaced" : "passwordReset", user.locale, {
        link: passwordResetLink(token),
        expiresHours: PASSWORD_RESET_LIFETIME_HOURS,
      }),
    });
    return true;
  } catch (error) {
    console.error("password reset e-mail failed", error);
    return false;
  }
}

/** An administrator (or provider support) sends a member a password-reset link. */
export async function sendPasswordReset(options: { actor: TUserPrincipal; customerId: string; membershipId: string }) {
  const { actor, customerId, membershipId } = options;
  const user = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "reset a user's password" },
    async (tx, mode) => {
      const member = await loadMember(tx, customerId, membershipId);
      assertMayManage(actor, mode, member);
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "user.password_reset_sent",
        targetType: "User",
        targetId: member.userId,
        data: { email: member.user.email },
      });
      return member.user;
    },
  );
  const mailed = await mailPasswordResetLink(user);
  return { ok: true as const, mailed };
}
