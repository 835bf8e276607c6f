import type { TApiScope } from "@forecourt/auth";
import { API_SCOPES } from "@forecourt/auth";
import { withTenant } from "@forecourt/db";
import type { TApiKeyPrincipal } from "../principal";
import { parseApiKeyToken } from "./api-key-token";

/** lastUsedAt is written at most this often per key: not a write on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The principal an API key stands for; null for an unknown, malformed, revoked or disabled key
 * (termination disables every key, L 5.2) or a customer that is not active.
 */
export async function resolveApiKey(options: { token: string; ip: string | null }): Promise<TApiKeyPrincipal | null> {
  const parsed = parseApiKeyToken(options.token);
  if (!parsed) return null;
  return withTenant(parsed.customerId, async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { keyHash: parsed.keyHash } });
    if (!key || key.status !== "ACTIVE" || key.revokedAt || key.customerId !== parsed.customerId) return null;
    const customer = await tx.customer.findUnique({ where: { id: key.customerId }, select: { status: true } });
    if (!customer || !["ACTIVE", "PENDING"].includes(customer.status)) return null;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      await tx.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
    }
    return {
      kind: "api_key" as const,
      keyId: key.id,
      name: key.name,
      scopes: key.scopes.filter((s): s is TApiScope => (API_SCOPES as readonly string[]).includes(s)),
      tenant: { customerId: key.customerId, role: null, dealerIds: key.dealerIds, departmentIds: [], readOnly: false },
      ip: options.ip,
    };
  });
}
