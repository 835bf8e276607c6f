import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { pageWhere, ZDirectoryPage, type TDirectoryPage } from "./directory-page";

/** The tenant's dealers (rooftops) the actor works for. */
export async function listDealers(options: { actor: TTenantActor; page: TDirectoryPage }) {
  const { actor } = options;
  assertMay(actor, "directory.view");
  const page = ZDirectoryPage.parse(options.page);
  const { customerId, dealerIds } = actor.tenant;
  return withTenant(customerId, (tx) =>
    tx.dealer.findMany({
      where: { customerId, ...(dealerIds.length > 0 ? { id: { in: dealerIds } } : {}), AND: [pageWhere(page)] },
      select: { id: true, name: true, city: true, timeZone: true },
      orderBy: { id: "asc" },
      take: page.take,
    }),
  );
}
