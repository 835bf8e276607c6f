import { appDb } from "@forecourt/db";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { loadMember } from "./load-member";
import { ARCHIVE_RESTORE_DAYS } from "./links";

/** One user of a customer with their scope, the customer's dealers/departments, and active sessions. */
export async function getMember(options: { actor: TUserPrincipal; customerId: string; membershipId: string }) {
  const { actor, customerId, membershipId } = options;
  const data = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "open a customer user" },
    async (tx) => {
      const member = await loadMember(tx, customerId, membershipId);
      const dealers = await tx.dealer.findMany({
        where: { customerId },
        orderBy: { name: "asc" },
        select: { id: true, name: true, departments: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
      });
      return { member, dealers };
    },
  );
  const { member } = data;
  const sessions = await appDb().userSession.findMany({
    where: { userId: member.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  return {
    membershipId: member.id,
    userId: member.userId,
    email: member.user.email,
    name: member.user.name,
    role: member.role,
    status: member.status,
    userStatus: member.user.status,
    locked: !!member.user.lockedUntil && member.user.lockedUntil.getTime() > Date.now(),
    twoFactor: !!member.user.totpEnabledAt,
    archivedAt: member.archivedAt,
    restorable:
      member.status === "ARCHIVED" &&
      !!member.archivedAt &&
      member.archivedAt.getTime() > Date.now() - ARCHIVE_RESTORE_DAYS * 86_400_000,
    dealerIds: member.dealerScope.map((s) => s.dealerId),
    departmentIds: member.departmentScope.map((s) => s.departmentId),
    dealers: data.dealers,
    sessions,
  };
}
