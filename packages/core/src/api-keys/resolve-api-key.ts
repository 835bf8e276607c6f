import { API_SCOPES, type TApiScope } from "@forecourt/auth";
import { withTenant } from "@forecourt/db";
import type { TApiKeyPrincipal } from "../principal";
import { parseApiKeyToken } from "./api-key-token";

/**
 * How long a web process trusts a key it has just verified (docs/api.md#authentication): a
 * revocation takes effect at once in the process that revoked it and within this time in the
 * others. Without it, every request paid for a transaction of its own before doing any work.
 */
export const API_KEY_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

type TCached = { principal: Omit<TApiKeyPrincipal, "ip">; until: number };
const cache = new Map<string, TCached>();

/** Forget a key in this process at once (revocation). */
export function forgetApiKey(keyId: string): void {
  for (const [hash, entry] of cache) if (entry.principal.keyId === keyId) cache.delete(hash);
}

type TKeyRow = { id: string; name: string; scopes: string[]; dealerIds: string[]; customerStatus: string };

/**
 * The principal an API key stands for; null for an unknown, malformed, revoked or disabled key
 * (termination disables every key, L 5.2) or a customer that is not active. One statement:
 * the key, its customer's status, and lastUsedAt (written at most once a minute per key; a
 * data-modifying CTE runs whether or not the SELECT reads it).
 */
export async function resolveApiKey(options: { token: string; ip: string | null }): Promise<TApiKeyPrincipal | null> {
  const parsed = parseApiKeyToken(options.token);
  if (!parsed) return null;
  const hit = cache.get(parsed.keyHash);
  if (hit && hit.until > Date.now()) return { ...hit.principal, ip: options.ip };
  const [row] = await withTenant(
    parsed.customerId,
    (tx) => tx.$queryRaw<TKeyRow[]>`
      WITH touched AS (
        UPDATE "ApiKey" SET "lastUsedAt" = now()
         WHERE "keyHash" = ${parsed.keyHash} AND "status" = 'ACTIVE' AND "revokedAt" IS NULL
           AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')
        RETURNING "id"
      )
      SELECT k."id", k."name", k."scopes", k."dealerIds", c."status"::text AS "customerStatus"
        FROM "ApiKey" k JOIN "Customer" c ON c."id" = k."customerId"
       WHERE k."keyHash" = ${parsed.keyHash} AND k."customerId" = ${parsed.customerId}::uuid
         AND k."status" = 'ACTIVE' AND k."revokedAt" IS NULL`,
  );
  if (!row || !["ACTIVE", "PENDING"].includes(row.customerStatus)) {
    cache.delete(parsed.keyHash);
    return null;
  }
  const principal = {
    kind: "api_key" as const,
    keyId: row.id,
    name: row.name,
    scopes: row.scopes.filter((s): s is TApiScope => (API_SCOPES as readonly string[]).includes(s)),
    tenant: { customerId: parsed.customerId, role: null, dealerIds: row.dealerIds, departmentIds: [], readOnly: false },
  };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(parsed.keyHash, { principal, until: Date.now() + API_KEY_CACHE_MS });
  return { ...principal, ip: options.ip };
}
