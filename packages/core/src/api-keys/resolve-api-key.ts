import { API_SCOPES, type TApiScope } from "@forecourt/auth";
import { withTenant } from "@forecourt/db";
import type { TApiKeyPrincipal } from "../principal";
import { redis, redisKey } from "../infra/redis";
import { parseApiKeyToken } from "./api-key-token";

/**
 * How long a web process trusts a key it has just verified (docs/api.md#authentication). A
 * revocation takes effect at once in every process (forgetApiKey's Redis mark, checked on each
 * cache hit); a key disabled by termination or a suspended customer, within this time. Without
 * the cache every request paid for a transaction of its own before doing any work.
 */
export const API_KEY_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

type TCached = { principal: Omit<TApiKeyPrincipal, "ip">; until: number };
const cache = new Map<string, TCached>();

const revokedKey = (keyId: string) => redisKey("api-key-revoked", keyId);

/**
 * Revocation, everywhere at once: a mark in Redis that every process checks before it trusts a
 * cached key (Next.js may hold several copies of this module, and there may be many processes),
 * kept longer than any cache entry lives; and this process's own cache entry dropped.
 */
export async function forgetApiKey(keyId: string): Promise<void> {
  for (const [hash, entry] of cache) if (entry.principal.keyId === keyId) cache.delete(hash);
  await redis().set(revokedKey(keyId), "1", "EX", Math.ceil((API_KEY_CACHE_MS * 12) / 1000));
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
  if (hit && hit.until > Date.now()) {
    if (!(await redis().exists(revokedKey(hit.principal.keyId)))) return { ...hit.principal, ip: options.ip };
    cache.delete(parsed.keyHash);
  }
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
