import { Prisma } from "@forecourt/db";

/**
 * The condition on a Membership row `m` that its dealer scope holds the dealer and its
 * department scope the department (an empty scope holds all): who works on that pool's
 * conversations. Routing's candidates and Web Push's recipients ask it alike.
 */
export function memberScopeHolds(dealerId: string, departmentId: string | null): Prisma.Sql {
  return Prisma.sql`(NOT EXISTS (SELECT 1 FROM "MembershipDealer" d WHERE d."membershipId" = m."id")
            OR EXISTS (SELECT 1 FROM "MembershipDealer" d WHERE d."membershipId" = m."id" AND d."dealerId" = ${dealerId}::uuid))
       AND (NOT EXISTS (SELECT 1 FROM "MembershipDepartment" p WHERE p."membershipId" = m."id")
            OR EXISTS (SELECT 1 FROM "MembershipDepartment" p WHERE p."membershipId" = m."id"
                        AND p."departmentId" = ${departmentId}::uuid))`;
}
