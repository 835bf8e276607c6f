import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { dealerScopeWhere } from "../chat/dealer-scope";
import { pageWhere, ZDirectoryPage, type TDirectoryPage } from "./directory-page";

export const ZListDepartments = z.object({ dealerId: z.uuid().optional() });

/** The departments (sales, service, parts…) of the actor's dealers, optionally of one dealer. */
export async function listDepartments(options: {
  actor: TTenantActor;
  input: z.input<typeof ZListDepartments>;
  page: TDirectoryPage;
}) {
  const { actor } = options;
  assertMay(actor, "directory.view");
  const input = ZListDepartments.parse(options.input);
  const page = ZDirectoryPage.parse(options.page);
  const { customerId } = actor.tenant;
  return withTenant(customerId, (tx) =>
    tx.department.findMany({
      where: {
        customerId,
        ...dealerScopeWhere(actor),
        AND: [input.dealerId ? { dealerId: input.dealerId } : {}, pageWhere(page)],
      },
      select: { id: true, dealerId: true, name: true, kind: true },
      orderBy: { id: "asc" },
      take: page.take,
    }),
  );
}
