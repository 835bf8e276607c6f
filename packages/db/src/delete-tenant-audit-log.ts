import { getConfig } from "@forecourt/config";
import { createPrismaClient, type TDb } from "./client";

let owner: TDb | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit log is append-only for the runtime role (UPDATE and DELETE are revoked), so the one
 * deletion the contract demands of it — a terminated customer's audit rows on its deletion date
 * (L 5.2) — runs here, over the owner connection (DATABASE_URL: "migrations, seed and
 * retention deletes"). It is the only runtime use of that connection, it deletes one tenant's
 * audit rows and nothing else, and only post-termination deletion calls it.
 */
export async function deleteTenantAuditLog(customerId: string): Promise<number> {
  if (!UUID.test(customerId)) throw new Error("Not a tenant id");
  owner ??= createPrismaClient(getConfig().DATABASE_URL);
  return owner.$executeRaw`DELETE FROM "AuditEvent" WHERE "customerId" = ${customerId}::uuid`;
}
