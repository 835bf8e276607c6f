import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "@forecourt/config";
import { PrismaClient } from "./generated/prisma/client";

export type TDb = PrismaClient;

/** A Prisma client over the pg driver adapter (Prisma 7: no engine binary). */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}

const globalForDb = globalThis as unknown as { forecourtAppDb?: PrismaClient };

/**
 * The runtime client: connects as the application role (no superuser, no BYPASSRLS), so rows
 * of tenant tables are visible only inside `withTenant`, `withUser` or `withProviderAccess`.
 * Cached on globalThis so Next.js hot reloads do not open a new pool each time.
 */
export function appDb(): PrismaClient {
  globalForDb.forecourtAppDb ??= createPrismaClient(getConfig().appDatabaseUrl, getConfig().DATABASE_POOL_SIZE);
  return globalForDb.forecourtAppDb;
}
