import type { Prisma } from "./generated/prisma/client";
import { appDb } from "./client";

/** A transaction client: everything `fn` does runs in one transaction with its context set. */
export type TTx = Prisma.TransactionClient;

type TContext = { customerId?: string; userId?: string; providerAccess?: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Raised for a malformed tenant id: better a clear error than a query that silently sees nothing. */
export class TenantContextError extends Error {
  override name = "TenantContextError";
}

async function inContext<T>(context: TContext, fn: (tx: TTx) => Promise<T>): Promise<T> {
  for (const id of [context.customerId, context.userId]) {
    if (id !== undefined && !UUID.test(id)) throw new TenantContextError(`Not a valid id: ${id}`);
  }
  return appDb().$transaction(async (tx) => {
    // set_config(..., true) is local to this transaction: it can never leak to the next
    // request that borrows the same pooled connection.
    await tx.$executeRaw`SELECT set_config('app.customer_id', ${context.customerId ?? ""}, true),
                                set_config('app.user_id', ${context.userId ?? ""}, true),
                                set_config('app.provider_access', ${context.providerAccess ? "on" : ""}, true)`;
    return fn(tx);
  }, TRANSACTION_OPTIONS);
}

/** Under a burst (a gateway reconnect storm) wait for a pooled connection rather than fail at 2 s. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/**
 * The one way to touch a tenant's rows: Postgres row-level security admits only rows whose
 * customerId is `customerId`, for reads and writes, whatever the queries inside forget.
 */
export function withTenant<T>(
  customerId: string,
  fn: (tx: TTx) => Promise<T>,
  options: { userId?: string } = {},
): Promise<T> {
  return inContext({ customerId, userId: options.userId }, fn);
}

/** A user's own cross-tenant rows (their memberships and those customers), and nothing else. */
export function withUser<T>(userId: string, fn: (tx: TTx) => Promise<T>): Promise<T> {
  return inContext({ userId }, fn);
}

export type TProviderAccess = {
  /** The provider staff member acting. */
  actorUserId: string;
  /** Why the provider needs to see across tenants; stored in the audit log. */
  reason: string;
  ip?: string | null;
};

/**
 * Provider-wide access (provider console): RLS admits every tenant's rows. Explicit and
 * audited: each use writes an AuditEvent in the same transaction.
 */
export function withProviderAccess<T>(access: TProviderAccess, fn: (tx: TTx) => Promise<T>): Promise<T> {
  if (!access.reason.trim()) throw new TenantContextError("Provider access needs a reason");
  return inContext({ userId: access.actorUserId, providerAccess: true }, async (tx) => {
    await tx.auditEvent.create({
      data: {
        actorUserId: access.actorUserId,
        action: "provider.access",
        data: { reason: access.reason },
        ip: access.ip ?? null,
      },
    });
    return fn(tx);
  });
}
