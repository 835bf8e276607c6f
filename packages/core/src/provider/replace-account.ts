import { z } from "zod";
import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import { revokeAllSessionsOfUser } from "../accounts/revoke-sessions";
import { mailPasswordResetLink } from "../accounts/send-password-reset";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";

/**
 * Replaces an account's credentials (L 1.1.3: used by an unauthorised person): the password and
 * two-factor are wiped, every session is revoked, and the owner of the mailbox gets a
 * single-use link to set new credentials.
 */
export async function replaceAccount(options: { actor: TUserPrincipal; userId: string }) {
  const { actor } = options;
  assertProvider(actor, "provider.users.manage");
  const userId = z.uuid().parse(options.userId);
  if (userId === actor.userId) throw new RuleError("not_yourself");
  const user = await withProviderAccess(
    { actorUserId: actor.userId, reason: "replace account credentials", ip: actor.ip },
    async (tx) => {
      const found = await tx.user.findUnique({ where: { id: userId }, include: { memberships: true } });
      if (!found) throw new NotFoundError("user");
      const updated = await tx.user.update({
        where: { id: userId },
        data: { passwordHash: null, totpSecretEncrypted: null, totpEnabledAt: null, lockedUntil: null },
      });
      const tenants = found.memberships.length > 0 ? found.memberships.map((m) => m.customerId) : [null];
      for (const customerId of tenants) {
        await recordAuditEvent(tx, actor, {
          customerId,
          action: "account.replaced",
          targetType: "User",
          targetId: userId,
          data: { email: found.email },
        });
      }
      return updated;
    },
  );
  await revokeAllSessionsOfUser(userId);
  const mailed = await mailPasswordResetLink(user, true);
  return { ok: true as const, mailed };
}
