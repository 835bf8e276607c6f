import type { TTx } from "@forecourt/db";
import { ForbiddenError, NotFoundError, RuleError } from "../errors";
import type { TUserPrincipal } from "../principal";

/** One membership of this customer, or NotFoundError (ids of other tenants are simply absent). */
export async function loadMember(tx: TTx, customerId: string, membershipId: string) {
  const member = await tx.membership.findFirst({
    where: { id: membershipId, customerId },
    include: { user: true, dealerScope: true, departmentScope: true },
  });
  if (!member) throw new NotFoundError("membership");
  return member;
}

/**
 * Rules for changing someone else's account in a tenant: not yourself (ask another admin), and
 * only an owner may change an owner. Provider staff may act on anyone (L 1.1.3).
 */
export function assertMayManage(
  actor: TUserPrincipal,
  mode: "tenant" | "provider",
  member: { userId: string; role: string },
): void {
  if (mode === "provider") return;
  if (member.userId === actor.userId) throw new RuleError("not_yourself");
  if (member.role === "OWNER" && actor.tenant?.role !== "OWNER") throw new ForbiddenError("owner_only");
}
