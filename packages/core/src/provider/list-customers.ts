import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";

/** Every customer for the provider console, with hierarchy and counts. */
export async function listCustomers(options: { actor: TUserPrincipal; query?: string }) {
  assertProvider(options.actor, "provider.console");
  const q = options.query?.trim();
  return withProviderAccess(
    { actorUserId: options.actor.userId, reason: "provider console: list customers", ip: options.actor.ip },
    (tx) =>
      tx.customer.findMany({
        where: { status: { not: "DELETED" }, ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}) },
        orderBy: { name: "asc" },
        take: 500,
        select: {
          id: true,
          name: true,
          kind: true,
          tier: true,
          status: true,
          suspendedReason: true,
          parentId: true,
          parent: { select: { id: true, name: true } },
          createdAt: true,
          _count: { select: { dealers: true, memberships: true } },
        },
      }),
  );
}
