import { withTenant } from "@forecourt/db";
import { ZLocalisedNames } from "@forecourt/protocol";
import { assertMay, type TTenantPrincipal } from "../principal";

/**
 * Settings → Departments: the dealers the actor manages, each with its departments, how many
 * conversations are open in each and how many teammates are limited to it (a department with
 * members limited to it cannot be deleted: see delete-department.ts).
 */
export async function listDepartmentsForSettings(options: { actor: TTenantPrincipal }) {
  const { actor } = options;
  assertMay(actor, "settings.departments.manage");
  const { customerId, dealerIds } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    const dealers = await tx.dealer.findMany({
      where: { customerId, ...(dealerIds.length > 0 ? { id: { in: dealerIds } } : {}) },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        city: true,
        departments: {
          orderBy: { name: "asc" },
          select: {
            id: true,
            name: true,
            visitorNames: true,
            kind: true,
            firstResponseMinutes: true,
            resolutionMinutes: true,
            _count: { select: { membershipScopes: true } },
          },
        },
      },
    });
    const ids = dealers.flatMap((d) => d.departments.map((dep) => dep.id));
    const open =
      ids.length === 0
        ? []
        : await tx.conversation.groupBy({
            by: ["departmentId"],
            where: { customerId, departmentId: { in: ids }, status: { in: ["OPEN", "PENDING", "SNOOZED"] } },
            _count: true,
          });
    const openBy = new Map(open.map((o) => [o.departmentId, o._count]));
    return {
      dealers: dealers.map((d) => ({
        id: d.id,
        name: d.name,
        city: d.city,
        departments: d.departments.map((dep) => ({
          id: dep.id,
          name: dep.name,
          visitorNames: ZLocalisedNames.catch({}).parse(dep.visitorNames),
          kind: dep.kind,
          firstResponseMinutes: dep.firstResponseMinutes,
          resolutionMinutes: dep.resolutionMinutes,
          scopedMembers: dep._count.membershipScopes,
          openConversations: openBy.get(dep.id) ?? 0,
        })),
      })),
    };
  });
}
