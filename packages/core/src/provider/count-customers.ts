import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";

/** How many customers the platform holds (provider console). Provider support only. */
export async function countCustomers(options: { actor: TUserPrincipal }) {
  assertProvider(options.actor, "provider.console");
  return withProviderAccess({ actorUserId: options.actor.userId, reason: "provider console: customer count" }, (tx) =>
    tx.customer.count({ where: { status: { not: "DELETED" } } }),
  );
}
