import { can, type TProviderRole } from "@forecourt/auth";
import { withProviderAccess } from "@forecourt/db";
import { ForbiddenError } from "../errors";

/** How many customers the platform holds (provider console). Provider support only. */
export async function countCustomers(options: { actor: { userId: string; providerRole: TProviderRole | null } }) {
  if (!can({ providerRole: options.actor.providerRole }, "provider.console")) throw new ForbiddenError();
  return withProviderAccess({ actorUserId: options.actor.userId, reason: "provider console: customer count" }, (tx) =>
    tx.customer.count({ where: { status: { not: "DELETED" } } }),
  );
}
