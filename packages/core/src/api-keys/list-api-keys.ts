import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantPrincipal } from "../principal";
import { toApiKeyView, type TApiKeyView } from "./api-key-input";

/** The tenant's API keys, newest first; a dealer-scoped administrator sees the keys of their dealers only. */
export async function listApiKeys(options: { actor: TTenantPrincipal }): Promise<TApiKeyView[]> {
  const { actor } = options;
  assertMay(actor, "settings.api_keys.manage");
  const own = actor.tenant.dealerIds;
  const rows = await withTenant(actor.tenant.customerId, (tx) =>
    tx.apiKey.findMany({
      where: { customerId: actor.tenant.customerId, ...(own.length > 0 ? { dealerIds: { isEmpty: false } } : {}) },
      orderBy: { createdAt: "desc" },
    }),
  );
  return rows.filter((k) => own.length === 0 || k.dealerIds.every((id) => own.includes(id))).map(toApiKeyView);
}
