import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { dealerScopeWhere } from "../chat/dealer-scope";
import { pageWhere, ZDirectoryPage, type TDirectoryPage } from "./directory-page";

/** The channels of the actor's dealers: type, name, dealer and status, never settings or secrets. */
export async function listDirectoryChannels(options: { actor: TTenantActor; page: TDirectoryPage }) {
  const { actor } = options;
  assertMay(actor, "directory.view");
  const page = ZDirectoryPage.parse(options.page);
  const { customerId } = actor.tenant;
  const rows = await withTenant(customerId, (tx) =>
    tx.channel.findMany({
      where: { customerId, ...dealerScopeWhere(actor), AND: [pageWhere(page)] },
      select: { id: true, dealerId: true, type: true, name: true, status: true, createdAt: true },
      orderBy: { id: "asc" },
      take: page.take,
    }),
  );
  return rows.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
}
