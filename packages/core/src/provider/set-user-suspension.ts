import { z } from "zod";
import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import { revokeAllSessionsOfUser } from "../accounts/revoke-sessions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";

/**
 * Suspends or re-enables any account (L 1.1.3). A suspended user cannot sign in; every session
 * ends and open sockets are told at once. Audited against each customer the user belongs to.
 */
export async function setUserSuspension(options: { actor: TUserPrincipal; userId: string; suspend: boolean }) {
  const { actor } = options;
  assertProvider(actor, "provider.users.manage");
  const userId = z.uuid().parse(options.userId);
  if (userId === actor.userId) throw new RuleError("not_yourself");
  await withProviderAccess(
    { actorUserId: actor.userId, reason: options.suspend ? "suspend account" : "re-enable account", ip: actor.ip },
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, include: { memberships: true } });
      if (!user) throw new NotFoundError("user");
      await tx.user.update({ where: { id: userId }, data: { status: options.suspend ? "SUSPENDED" : "ACTIVE" } });
      const tenants = user.memberships.length > 0 ? user.memberships.map((m) => m.customerId) : [null];
      for (const customerId of tenants) {
        await recordAuditEvent(tx, actor, {
          customerId,
          action: options.suspend ? "account.suspended" : "account.reenabled",
          targetType: "User",
          targetId: userId,
          data: { email: user.email },
        });
      }
    },
  );
  if (options.suspend) await revokeAllSessionsOfUser(userId);
  return { ok: true as const };
}
