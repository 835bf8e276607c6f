import { withTenant, type Prisma } from "@forecourt/db";
import { RuleError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import type { TApiKeyPrincipal } from "../principal";

/** A stored answer: the HTTP status and the JSON body that went out the first time. */
export type TStoredResponse = { status: number; body: unknown };

/** How long a key is remembered (docs/api.md#idempotency). */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** Status of a reservation whose request is still running. */
const PENDING = 0;

/**
 * Runs a write at most once per `Idempotency-Key` of one API key (Stripe's rules): the first
 * request reserves the key, runs, and stores its answer; a retry with the same key and the same
 * request (method, path, body) gets that answer again; the same key with another request is 422
 * `idempotency_key_reused`; a retry while the first is still running is 409
 * `idempotency_key_in_progress`. A request that crashed (no answer) frees its key.
 */
export async function withIdempotency(
  options: { principal: TApiKeyPrincipal; key: string; requestHash: string },
  run: () => Promise<TStoredResponse>,
): Promise<TStoredResponse & { replayed: boolean }> {
  const { principal, key, requestHash } = options;
  const customerId = principal.tenant.customerId;
  const where = { apiKeyId_key: { apiKeyId: principal.keyId, key } };
  let reservationId: string;
  try {
    reservationId = await withTenant(customerId, async (tx) => {
      // An expired record is forgotten: the key may be used afresh.
      await tx.apiIdempotencyKey.deleteMany({
        where: { apiKeyId: principal.keyId, key, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_TTL_MS) } },
      });
      const row = await tx.apiIdempotencyKey.create({
        data: { customerId, apiKeyId: principal.keyId, key, requestHash, status: PENDING, response: {} },
        select: { id: true },
      });
      return row.id;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await withTenant(customerId, (tx) => tx.apiIdempotencyKey.findUnique({ where }));
    if (!existing) throw error;
    if (existing.requestHash !== requestHash) {
      throw new RuleError(
        "idempotency_key_reused",
        "This Idempotency-Key was used for a different request. Use a new key for a new request.",
      );
    }
    if (existing.status === PENDING) {
      throw new RuleError("idempotency_key_in_progress", "A request with this Idempotency-Key is still running.");
    }
    return { status: existing.status, body: existing.response, replayed: true };
  }
  let answer: TStoredResponse;
  try {
    answer = await run();
  } catch (error) {
    await withTenant(customerId, (tx) => tx.apiIdempotencyKey.deleteMany({ where: { id: reservationId } }));
    throw error;
  }
  await withTenant(customerId, (tx) =>
    tx.apiIdempotencyKey.update({
      where: { id: reservationId },
      data: { status: answer.status, response: (answer.body ?? {}) as Prisma.InputJsonValue },
    }),
  );
  return { ...answer, replayed: false };
}
