import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { RuleError } from "../errors";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { ARCHIVE_RESTORE_DAYS } from "./links";
import { assertMayManage, loadMember } from "./load-member";
import { revokeSessionsWhere } from "./revoke-sessions";

export const ZMembershipStatusChange = z.enum(["deactivate", "archive", "restore"]);
export type TMembershipStatusChange = z.infer<typeof ZMembershipStatusChange>;

/**
 * Deactivate (blocked, kept as is), archive (off the list; restorable for 30 days) or restore a
 * user's membership. Deactivating or archiving ends their sessions in this customer at once.
 */
export async function changeMembershipStatus(options: {
  actor: TUserPrincipal;
  customerId: string;
  membershipId: string;
  change: TMembershipStatusChange;
}) {
  const change = ZMembershipStatusChange.parse(options.change);
  const { actor, customerId, membershipId } = options;
  const result = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: `${change} a customer user` },
    async (tx, mode) => {
      const member = await loadMember(tx, customerId, membershipId);
      assertMayManage(actor, mode, member);
      if (change === "restore") {
        const within =
          member.status === "DEACTIVATED" ||
          (member.status === "ARCHIVED" &&
            !!member.archivedAt &&
            member.archivedAt.getTime() > Date.now() - ARCHIVE_RESTORE_DAYS * 86_400_000);
        if (!within) throw new RuleError(member.status === "ACTIVE" ? "already_active" : "restore_window_passed");
      }
      const data =
        change === "deactivate"
          ? { status: "DEACTIVATED" as const, archivedAt: null }
          : change === "archive"
            ? { status: "ARCHIVED" as const, archivedAt: new Date() }
            : { status: "ACTIVE" as const, archivedAt: null };
      await tx.membership.update({ where: { id: member.id }, data });
      await recordAuditEvent(tx, actor, {
        customerId,
        action: `user.${change}d`,
        targetType: "Membership",
        targetId: member.id,
        data: { email: member.user.email, from: member.status, to: data.status },
      });
      return { userId: member.userId };
    },
  );
  if (change !== "restore") {
    await revokeSessionsWhere({ userId: result.userId, activeCustomerId: customerId });
  }
  return { ok: true as const };
}
