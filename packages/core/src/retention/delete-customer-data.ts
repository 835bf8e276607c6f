import { appDb, deleteTenantAuditLog, withTenant, withUser } from "@forecourt/db";
import { deleteTenantStorage } from "../storage/attachments";
import { CertificateRecorder, type TDeletionCounts } from "./certificate";
import { utcDay } from "./cutoff";
import { deleteConversationsInBatches, type TBatchHook } from "./purge-steps";
import { DEFAULT_PURGE_BATCH_SIZE } from "./purge-tenant";

/** Tables that outlive the customer: the certificate (no FK to Customer) and the Customer row. */
const KEPT_TABLES = new Set(["DeletionCertificate", "Customer", "AuditEvent"]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type TDeleteCustomerResult =
  { status: "deleted"; certificateId: string; counts: TDeletionCounts } | { status: "not-due" | "already-deleted" };

/**
 * Post-termination deletion (L 5.2, T 6.11): on the customer's deletion date (set by the
 * lifecycle job from packages/contract; read here, never computed), everything the customer had
 * is deleted permanently:
 * - conversations, messages and attachments (rows and the tenant's storage folder), in batches;
 * - every other table with a customerId column, found in the catalogue at run time (so a table
 *   added later is covered without touching this file), in batches;
 * - its audit log (over the owner connection, see deleteTenantAuditLog);
 * - its users' access: users who belonged to no other customer and are not provider staff are
 *   deleted with their sessions and tokens; other users lose their membership and every session
 *   working in this customer is revoked;
 * - queued jobs for the tenant (`removeQueuedJobs`, given by the worker, which owns the queues).
 * Left: the DeletionCertificate rows and the provider's own record that the customer existed —
 * the Customer row with status DELETED and deletedAt. Its name, kind and contract dates stay on
 * that row: they are the provider's business record of a former contracting party (a company,
 * not a data subject), and the certificate is meaningless without them.
 * Safe to re-run after a crash; a second run after completion does nothing.
 */
export async function deleteCustomerData(options: {
  customerId: string;
  now: Date;
  batchSize?: number;
  pauseRatio?: number;
  onBatch?: TBatchHook;
  removeQueuedJobs?: (customerId: string) => Promise<number>;
}): Promise<TDeleteCustomerResult> {
  const { customerId, now } = options;
  const batchSize = options.batchSize ?? DEFAULT_PURGE_BATCH_SIZE;
  const customer = await withTenant(customerId, (tx) =>
    tx.customer.findUnique({ where: { id: customerId }, select: { status: true, deletionDate: true } }),
  );
  if (!customer) throw new Error(`No customer ${customerId}`);
  if (customer.status === "DELETED") return { status: "already-deleted" };
  if (!customer.deletionDate || customer.deletionDate.toISOString().slice(0, 10) > utcDay(now)) {
    return { status: "not-due" };
  }

  const certificate = await CertificateRecorder.start({
    customerId,
    kind: "CUSTOMER_DELETION",
    cutoff: customer.deletionDate,
  });
  const steps = { customerId, batchSize, certificate, onBatch: options.onBatch, pauseRatio: options.pauseRatio };

  if (options.removeQueuedJobs) {
    await certificate.addNow({ queuedJobs: await options.removeQueuedJobs(customerId) });
  }
  await deleteConversationsInBatches({ ...steps, filter: { all: true } });
  // Whatever is still in the tenant's folder no row pointed at (orphans); counted, then checked gone.
  const { leftoverFiles } = await deleteTenantStorage(customerId);
  await certificate.addNow({ orphanFiles: leftoverFiles });

  // Users: note who they are before their memberships go.
  const memberUserIds = await withTenant(customerId, async (tx) =>
    (await tx.membership.findMany({ where: { customerId }, select: { userId: true } })).map((m) => m.userId),
  );
  await deleteRemainingTenantTables({ ...steps });
  await certificate.addNow(await removeUsers(customerId, memberUserIds));
  await certificate.addNow({ auditEvents: await deleteTenantAuditLog(customerId) });

  await withTenant(customerId, async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: { status: "DELETED", deletedAt: now, suspendedReason: null },
    });
    await certificate.finish(tx);
  });
  return { status: "deleted", certificateId: certificate.id, counts: certificate.totals() };
}

/** Every table with a customerId column except the kept ones, in batches, children before parents. */
async function deleteRemainingTenantTables(options: {
  customerId: string;
  batchSize: number;
  certificate: CertificateRecorder;
}): Promise<void> {
  const { customerId, batchSize, certificate } = options;
  const tables = await withTenant(customerId, async (tx) =>
    (
      await tx.$queryRaw<{ table: string }[]>`
        SELECT c.table_name AS "table" FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'customerId' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name`
    )
      .map((r) => r.table)
      .filter((t) => !KEPT_TABLES.has(t) && IDENTIFIER.test(t)),
  );
  const edges = await withTenant(
    customerId,
    (tx) =>
      tx.$queryRaw<{ child: string; parent: string }[]>`
      SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
      JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  // Children before parents, so each table's own rows are counted (not swept away by a cascade);
  // should a foreign key still block a table, it is retried on the next pass.
  let pending = childrenFirst(tables, edges);
  for (let pass = 0; pending.length > 0; pass++) {
    const failed: string[] = [];
    for (const table of pending) {
      try {
        for (;;) {
          const n = await withTenant(customerId, async (tx) => {
            const deleted = await tx.$executeRawUnsafe(
              `DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM "${table}" WHERE "customerId" = $1::uuid LIMIT ${Number(batchSize)})`,
              customerId,
            );
            await certificate.add(tx, { [lowerFirst(table)]: deleted });
            return deleted;
          });
          if (n < batchSize) break;
        }
      } catch (error) {
        if (pass >= tables.length) throw error;
        failed.push(table);
      }
    }
    pending = failed;
  }
}

function childrenFirst(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const ordered: string[] = [];
  let rest = [...tables];
  while (rest.length > 0) {
    const ready = rest.filter((t) => !edges.some((e) => e.parent === t && e.child !== t && rest.includes(e.child)));
    const next = ready.length > 0 ? ready : rest; // a cycle: fall back to retries
    ordered.push(...next);
    rest = rest.filter((t) => !next.includes(t));
  }
  return ordered;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Deletes users who belonged only to this customer; revokes other users' sessions in it. */
async function removeUsers(customerId: string, userIds: string[]): Promise<TDeletionCounts> {
  const db = appDb();
  const orphans: string[] = [];
  for (const userId of new Set(userIds)) {
    // withUser sees exactly this user's memberships in every tenant.
    const remaining = await withUser(userId, (tx) => tx.membership.count({ where: { userId } }));
    const user = await db.user.findUnique({ where: { id: userId }, select: { providerRole: true } });
    if (remaining === 0 && user && !user.providerRole) orphans.push(userId);
  }
  const tokens = await db.userToken.deleteMany({ where: { userId: { in: orphans } } });
  const users = await db.user.deleteMany({ where: { id: { in: orphans } } });
  const sessions = await db.userSession.updateMany({
    where: { activeCustomerId: customerId, revokedAt: null },
    data: { revokedAt: new Date(), activeCustomerId: null },
  });
  return { users: users.count, userTokens: tokens.count, sessionsRevoked: sessions.count };
}
