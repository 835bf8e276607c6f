import { appDb } from "@forecourt/db";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { ARCHIVE_RESTORE_DAYS } from "./links";

/** Every user of a customer (Settings → Users; provider console), with scope and pending invitations. */
export async function listTenantUsers(options: { actor: TUserPrincipal; customerId: string }) {
  const { actor, customerId } = options;
  const data = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "list a customer's users" },
    async (tx) => {
      const memberships = await tx.membership.findMany({
        where: { customerId },
        orderBy: [{ status: "asc" }, { createdAt: "asc" }],
        include: {
          user: {
            select: {
              id: true,
              email: true,
              name: true,
              status: true,
              lockedUntil: true,
              totpEnabledAt: true,
            },
          },
          dealerScope: { select: { dealer: { select: { id: true, name: true } } } },
          departmentScope: { select: { department: { select: { id: true, name: true } } } },
        },
      });
      const invitations = await tx.invitation.findMany({
        where: { customerId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
      });
      return { memberships, invitations };
    },
  );
  const userIds = data.memberships.map((m) => m.userId);
  const lastSeen = await appDb().userSession.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds } },
    _max: { lastSeenAt: true },
  });
  const lastSeenBy = new Map(lastSeen.map((row) => [row.userId, row._max.lastSeenAt]));
  const restoreLimit = Date.now() - ARCHIVE_RESTORE_DAYS * 86_400_000;
  return {
    users: data.memberships.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      role: m.role,
      status: m.status,
      userStatus: m.user.status,
      locked: !!m.user.lockedUntil && m.user.lockedUntil.getTime() > Date.now(),
      twoFactor: !!m.user.totpEnabledAt,
      archivedAt: m.archivedAt,
      restorable: m.status === "ARCHIVED" && !!m.archivedAt && m.archivedAt.getTime() > restoreLimit,
      dealers: m.dealerScope.map((s) => s.dealer),
      departments: m.departmentScope.map((s) => s.department),
      lastSeenAt: lastSeenBy.get(m.userId) ?? null,
    })),
    invitations: data.invitations,
  };
}
