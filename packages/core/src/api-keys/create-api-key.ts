import { withTenant } from "@forecourt/db";
import { InvalidInputError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { newApiKeyToken } from "./api-key-token";
import { toApiKeyView, ZCreateApiKey, type TApiKeyView, type TCreateApiKey } from "./api-key-input";

/**
 * Creates an API key (audited) and returns it once; only its hash is kept. A key never sees more
 * than its creator: a dealer-scoped administrator must scope the key to dealers of their own.
 */
export async function createApiKey(options: {
  actor: TTenantPrincipal;
  input: TCreateApiKey;
}): Promise<{ key: TApiKeyView; token: string }> {
  const { actor } = options;
  assertMay(actor, "settings.api_keys.manage");
  const input = ZCreateApiKey.parse(options.input);
  const dealerIds = [...new Set(input.dealerIds)];
  const own = actor.tenant.dealerIds;
  if (own.length > 0 && (dealerIds.length === 0 || dealerIds.some((id) => !own.includes(id)))) {
    throw new InvalidInputError("Choose dealers you work for", [
      { path: "dealerIds", message: "Only dealers you work for." },
    ]);
  }
  const { customerId } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    if (dealerIds.length > 0) {
      const found = await tx.dealer.count({ where: { customerId, id: { in: dealerIds } } });
      if (found !== dealerIds.length) {
        throw new InvalidInputError("Unknown dealer", [{ path: "dealerIds", message: "Unknown dealer." }]);
      }
    }
    const { token, prefix, keyHash } = newApiKeyToken(customerId);
    const row = await tx.apiKey.create({
      data: {
        customerId,
        name: input.name,
        prefix,
        keyHash,
        scopes: input.scopes,
        dealerIds,
        createdById: actor.userId,
      },
    });
    await tx.auditEvent.create({
      data: {
        customerId,
        actorUserId: actor.userId,
        action: "api_key.created",
        targetType: "ApiKey",
        targetId: row.id,
        data: { name: row.name, prefix, scopes: input.scopes, dealerIds },
      },
    });
    return { key: toApiKeyView(row), token };
  });
}
