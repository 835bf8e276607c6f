import { performance } from "node:perf_hooks";
import { withTenant } from "@forecourt/db";
import { backfillDailyStats } from "./aggregate-daily-stats";
import { CertificateRecorder, type TDeletionCounts } from "./certificate";
import { retentionCutoff, utcDay } from "./cutoff";
import { deleteConversationsInBatches, deleteMessagesInBatches, restAfter, type TBatchHook } from "./purge-steps";

export const DEFAULT_PURGE_BATCH_SIZE = 2_000;
/** The worker rests this × each batch's duration after it: a 50 % duty cycle (docs/benchmarks.md). */
export const DEFAULT_PURGE_PAUSE_RATIO = 1;

export type TPurgeResult = {
  certificateId: string;
  cutoff: Date;
  counts: TDeletionCounts;
  /** Days aggregated into DailyStat before anything was deleted. */
  statsDaysBackfilled: number;
};

/**
 * The retention purge of one tenant for the day of `now` (L Annex A, RULES.md §6):
 * 1. anonymised daily statistics for every day before the cutoff are made sure of;
 * 2. messages and form results created before the cutoff are deleted, with their attachments
 *    (rows and files) — also in conversations that continue after the cutoff;
 * 3. conversations whose whole life lies before the cutoff are deleted (with read markers);
 * 4. contacts who have not engaged since the cutoff lose their contact-form personal data:
 *    with no conversation left the contact row goes (identities, vehicles with it); otherwise
 *    name, e-mail, phone, legal-basis note, vehicles and channel identities are wiped. A contact
 *    who engaged at or after the cutoff keeps all of it;
 * 5. visitor sessions last seen before the cutoff are deleted.
 * Every step works in bounded batches of short transactions and can be re-run: a crashed run
 * is resumed by running again (the daily job retries). A certificate records the counts.
 * `now` is passed in (tests and the bench use a simulated clock).
 */
export async function purgeTenant(options: {
  customerId: string;
  now: Date;
  batchSize?: number;
  /** See TBatchOptions.pauseRatio; the worker uses DEFAULT_PURGE_PAUSE_RATIO. */
  pauseRatio?: number;
  onBatch?: TBatchHook;
}): Promise<TPurgeResult> {
  const { customerId, now } = options;
  const batchSize = options.batchSize ?? DEFAULT_PURGE_BATCH_SIZE;
  const customer = await withTenant(customerId, (tx) =>
    tx.customer.findUnique({ where: { id: customerId }, select: { retentionMonths: true, status: true } }),
  );
  if (!customer) throw new Error(`No customer ${customerId}`);
  const cutoff = retentionCutoff(now, customer.retentionMonths);

  const statsDays = await backfillDailyStats({ customerId, cutoff, pauseRatio: options.pauseRatio });
  const certificate = await CertificateRecorder.start({ customerId, kind: "RETENTION", cutoff });
  const steps = { customerId, batchSize, certificate, onBatch: options.onBatch, pauseRatio: options.pauseRatio };

  await deleteMessagesInBatches({ ...steps, filter: { olderThan: cutoff } });
  await deleteConversationsInBatches({ ...steps, filter: { inactiveBefore: cutoff } });
  await wipeDisengagedContacts({ ...steps, cutoff });

  await withTenant(customerId, async (tx) => {
    const sessions = await tx.$executeRaw`DELETE FROM "VisitorSession"
      WHERE "customerId" = ${customerId}::uuid AND "lastSeenAt" < ${cutoff}`;
    await certificate.add(tx, { visitorSessions: sessions });
    await certificate.finish(tx);
    await tx.auditEvent.create({
      data: {
        customerId,
        action: "retention.purged",
        targetType: "DeletionCertificate",
        targetId: certificate.id,
        data: { day: utcDay(now), cutoff: cutoff.toISOString(), retentionMonths: customer.retentionMonths },
      },
    });
  });
  return { certificateId: certificate.id, cutoff, counts: certificate.totals(), statsDaysBackfilled: statsDays.length };
}

/** Step 4: contacts not engaged since the cutoff (keyset-paged by id; re-running is a no-op). */
async function wipeDisengagedContacts(options: {
  customerId: string;
  batchSize: number;
  cutoff: Date;
  certificate: CertificateRecorder;
  onBatch?: TBatchHook;
  pauseRatio?: number;
}): Promise<void> {
  const { customerId, batchSize, cutoff, certificate } = options;
  let after = "00000000-0000-0000-0000-000000000000";
  for (let batch = 1; ; batch++) {
    const startedAt = performance.now();
    const ids = await withTenant(customerId, async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Contact"
        WHERE "customerId" = ${customerId}::uuid AND "id" > ${after}::uuid
          AND COALESCE("lastEngagedAt", "createdAt") < ${cutoff}
        ORDER BY "id" LIMIT ${batchSize}`;
      return rows.map((r) => r.id);
    });
    if (ids.length === 0) return;
    after = ids[ids.length - 1]!;
    let changed = 0;
    await withTenant(customerId, async (tx) => {
      const sessions = await tx.$executeRaw`DELETE FROM "VisitorSession" WHERE "contactId" = ANY(${ids}::uuid[])`;
      const vehicles = await tx.$executeRaw`DELETE FROM "Vehicle" WHERE "contactId" = ANY(${ids}::uuid[])`;
      const identities = await tx.$executeRaw`DELETE FROM "ContactIdentity" WHERE "contactId" = ANY(${ids}::uuid[])`;
      const removed = await tx.$executeRaw`DELETE FROM "Contact" c WHERE c."id" = ANY(${ids}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM "Conversation" v WHERE v."contactId" = c."id")`;
      const wiped = await tx.$executeRaw`UPDATE "Contact" SET "name" = NULL, "email" = NULL, "phone" = NULL,
          "legalBasisNote" = NULL, "updatedAt" = now()
        WHERE "id" = ANY(${ids}::uuid[])
          AND ("name" IS NOT NULL OR "email" IS NOT NULL OR "phone" IS NOT NULL OR "legalBasisNote" IS NOT NULL)`;
      changed = removed + wiped;
      await certificate.add(tx, {
        contactsDeleted: removed,
        contactsWiped: wiped,
        vehicles,
        contactIdentities: identities,
        visitorSessions: sessions,
      });
    });
    await options.onBatch?.({ step: "contacts", batch, deleted: changed });
    await restAfter(startedAt, options.pauseRatio);
  }
}
