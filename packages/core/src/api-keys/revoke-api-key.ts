import { withTenant } from "@forecourt/db";
import { NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { ZApiKeyId } from "./api-key-input";
import { forgetApiKey } from "./resolve-api-key";

/** Revokes a key at once and for good (audited); the next request with it is 401. */
export async function revokeApiKey(options: { actor: TTenantPrincipal; input: { id: string } }) {
  const { actor } = options;
  assertMay(actor, "settings.api_keys.manage");
  const { id } = ZApiKeyId.parse(options.input);
  const own = actor.tenant.dealerIds;
  await withTenant(actor.tenant.customerId, async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id } });
    const visible =
      key && (own.length === 0 || (key.dealerIds.length > 0 && key.dealerIds.every((d) => own.includes(d))));
    if (!key || !visible) throw new NotFoundError("API key");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id }, data: { status: "DISABLED", revokedAt: new Date() } });
    await tx.auditEvent.create({
      data: {
        customerId: actor.tenant.customerId,
        actorUserId: actor.userId,
        action: "api_key.revoked",
        targetType: "ApiKey",
        targetId: id,
        data: { name: key.name, prefix: key.prefix },
      },
    });
  });
  await forgetApiKey(id);
  return { ok: true as const };
}
