import { appDb } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { assertMayManage, loadMember } from "./load-member";
import { clearAccountFailures } from "./sign-in-limits";

/** Clears a lockout after repeated failed sign-ins before it runs out (an administrator's call). */
export async function unlockUser(options: { actor: TUserPrincipal; customerId: string; membershipId: string }) {
  const { actor, customerId, membershipId } = options;
  const user = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "unlock a user" },
    async (tx, mode) => {
      const member = await loadMember(tx, customerId, membershipId);
      assertMayManage(actor, mode, member);
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "user.unlocked",
        targetType: "User",
        targetId: member.userId,
        data: { email: member.user.email },
      });
      return member.user;
    },
  );
  await appDb().user.update({ where: { id: user.id }, data: { lockedUntil: null } });
  await clearAccountFailures(user.email);
  return { ok: true as const };
}
