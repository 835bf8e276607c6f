import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { ZDirectoryPage, type TDirectoryPage } from "./directory-page";

/**
 * The tenant's teammates as an integration needs them (to assign, to write as): name, e-mail,
 * role, status and dealer scope; never passwords, two-factor or sessions. A dealer-scoped actor
 * sees the members who work for one of its dealers (or for every dealer), and their dealer
 * scope only within its own dealers, so a sibling dealer's ids never show.
 */
export async function listDirectoryUsers(options: { actor: TTenantActor; page: TDirectoryPage }) {
  const { actor } = options;
  assertMay(actor, "directory.view");
  const page = ZDirectoryPage.parse(options.page);
  const { customerId, dealerIds } = actor.tenant;
  const scoped = dealerIds.length > 0;
  const rows = await withTenant(customerId, (tx) =>
    tx.membership.findMany({
      where: {
        customerId,
        ...(scoped
          ? { OR: [{ dealerScope: { none: {} } }, { dealerScope: { some: { dealerId: { in: dealerIds } } } }] }
          : {}),
        // Paged by the user id (unique per tenant: one membership per user).
        AND: [page.afterId ? { userId: { gt: page.afterId } } : {}],
      },
      select: {
        role: true,
        status: true,
        user: { select: { id: true, name: true, email: true } },
        dealerScope: { select: { dealerId: true } },
        departmentScope: { select: { departmentId: true, department: { select: { dealerId: true } } } },
      },
      orderBy: { userId: "asc" },
      take: page.take,
    }),
  );
  const visible = (dealerId: string) => !scoped || dealerIds.includes(dealerId);
  return rows.map((m) => ({
    id: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    status: m.status,
    dealerIds: m.dealerScope.map((d) => d.dealerId).filter(visible),
    departmentIds: m.departmentScope.filter((d) => visible(d.department.dealerId)).map((d) => d.departmentId),
  }));
}
