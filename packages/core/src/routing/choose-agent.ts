import type { TTx } from "@forecourt/db";
import type { z } from "zod";
import type { ZRoutingAssign } from "./routing-rule-input";
import { memberScopeHolds } from "./member-scope-sql";

export type TPool = { customerId: string; dealerId: string; departmentId: string | null };

/** The pool's key in RoutingTurn: the department, or the dealer for conversations without one. */
export const poolIdOf = (pool: TPool) => pool.departmentId ?? pool.dealerId;

type TCandidate = { userId: string; open: number; lastAssignedAt: Date | null };

/**
 * Who gets the conversation: among the pool's online agents (active members whose dealer scope
 * holds the dealer and whose department scope holds the department, or who have no limits) with
 * fewer open conversations than the capacity, either the one who has waited longest since
 * routing last gave them one (round robin) or the one with the fewest open conversations (least
 * busy; ties go to the one who waited longest). The caller holds the tenant's routing lock, so
 * concurrent arrivals see each other's assignments and the capacity holds.
 */
export async function chooseAgent(
  tx: TTx,
  pool: TPool,
  assign: z.infer<typeof ZRoutingAssign>,
  online: Set<string>,
): Promise<string | null> {
  if (online.size === 0) return null;
  const rows = await tx.$queryRaw<TCandidate[]>`
    SELECT m."userId",
           (SELECT count(*)::int FROM "Conversation" c
             WHERE c."customerId" = m."customerId" AND c."assigneeId" = m."userId"
               AND c."status" IN ('OPEN', 'PENDING')) AS "open",
           t."lastAssignedAt"
      FROM "Membership" m
      LEFT JOIN "RoutingTurn" t ON t."poolId" = ${poolIdOf(pool)}::uuid AND t."userId" = m."userId"
     WHERE m."customerId" = ${pool.customerId}::uuid
       AND m."status" = 'ACTIVE'
       AND m."userId" = ANY(${[...online]}::uuid[])
       AND ${memberScopeHolds(pool.dealerId, pool.departmentId)}`;
  const free = rows.filter((r) => r.open < assign.capacity);
  const waited = (r: TCandidate) => r.lastAssignedAt?.getTime() ?? 0;
  free.sort((a, b) => {
    if (assign.strategy === "least_busy" && a.open !== b.open) return a.open - b.open;
    return waited(a) - waited(b) || a.userId.localeCompare(b.userId);
  });
  const chosen = free[0];
  if (!chosen) return null;
  await tx.routingTurn.upsert({
    where: { poolId_userId: { poolId: poolIdOf(pool), userId: chosen.userId } },
    create: { customerId: pool.customerId, poolId: poolIdOf(pool), userId: chosen.userId, lastAssignedAt: new Date() },
    update: { lastAssignedAt: new Date() },
  });
  return chosen.userId;
}
