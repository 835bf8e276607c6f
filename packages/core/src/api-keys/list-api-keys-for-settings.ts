import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantPrincipal } from "../principal";
import { listApiKeys } from "./list-api-keys";

/**
 * Settings → API keys: the keys the actor may manage and the dealers a new key may be scoped to
 * (a dealer-scoped administrator only gets their own, and must pick from them).
 */
export async function listApiKeysForSettings(options: { actor: TTenantPrincipal }) {
  const { actor } = options;
  assertMay(actor, "settings.api_keys.manage");
  const own = actor.tenant.dealerIds;
  const [keys, dealers] = await Promise.all([
    listApiKeys({ actor }),
    withTenant(actor.tenant.customerId, (tx) =>
      tx.dealer.findMany({
        where: { customerId: actor.tenant.customerId, ...(own.length > 0 ? { id: { in: own } } : {}) },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      }),
    ),
  ]);
  return { keys, dealers, mayAllDealers: own.length === 0 };
}
