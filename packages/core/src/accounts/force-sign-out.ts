import { recordAuditEvent } from "../audit/record-audit-event";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { assertMayManage, loadMember } from "./load-member";
import { revokeAllSessionsOfUser } from "./revoke-sessions";

/** Ends every session of a member (all browsers, open sockets within seconds). */
export async function forceSignOut(options: { actor: TUserPrincipal; customerId: string; membershipId: string }) {
  const { actor, customerId, membershipId } = options;
  const userId = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "force a user to sign out" },
    async (tx, mode) => {
      const member = await loadMember(tx, customerId, membershipId);
      assertMayManage(actor, mode, member);
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "user.signed_out_everywhere",
        targetType: "User",
        targetId: member.userId,
        data: { email: member.user.email },
      });
      return member.userId;
    },
  );
  const revoked = await revokeAllSessionsOfUser(userId);
  return { ok: true as const, revoked: revoked.length };
}
