import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";

/** A customer's dealers and their departments: the choices for a user's scope. */
export async function listScopeOptions(options: { actor: TUserPrincipal; customerId: string }) {
  return inTenant(
    options.actor,
    options.customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "scope choices" },
    (tx) =>
      tx.dealer.findMany({
        where: { customerId: options.customerId },
        orderBy: { name: "asc" },
        select: { id: true, name: true, departments: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
      }),
  );
}
