import { performance } from "node:perf_hooks";
import { withTenant } from "@forecourt/db";
import { deleteAttachments } from "../storage/attachments";
import type { CertificateRecorder } from "./certificate";

/**
 * The batched deletes shared by the retention purge, post-termination deletion and erasure.
 * Each batch: (1) a short read transaction picks at most `batchSize` ids, oldest first;
 * (2) their attachment files are deleted from disk; (3) a short write transaction deletes the
 * rows and adds the counts to the certificate. Files go before rows, so a crash never leaves a
 * file without a row pointing at it; a resumed run finds the rows again and finishes them
 * (their files, already gone, are logged and counted as `attachmentFilesMissing`, never silently
 * skipped). After the files are deleted, every key is checked to be gone from disk before any row
 * goes (deleteAttachments throws otherwise). No transaction holds locks for longer than one batch,
 * and none touches the conversations that live chat writes to (those are newer than the cutoff).
 */
export type TBatchHook = (info: { step: string; batch: number; deleted: number }) => Promise<void> | void;

export type TBatchOptions = {
  customerId: string;
  batchSize: number;
  certificate: CertificateRecorder;
  /** Called after every committed batch (tests use it to simulate a crash). */
  onBatch?: TBatchHook;
  /**
   * Rest after each batch, as a fraction of the time the batch took (0.5: work two thirds of
   * the time). Gives live chat the database between batches; 0 in tests.
   */
  pauseRatio?: number;
};

/** Rests `ratio` × the time since `startedAt` (at most 5 s). */
export async function restAfter(startedAt: number, ratio: number | undefined): Promise<void> {
  if (!ratio || ratio <= 0) return;
  await new Promise((r) => setTimeout(r, Math.min(5_000, (performance.now() - startedAt) * ratio)));
}

async function afterBatch(options: TBatchOptions, startedAt: number, info: Parameters<TBatchHook>[0]) {
  await options.onBatch?.(info);
  await restAfter(startedAt, options.pauseRatio);
}

type TMessageFilter = { olderThan: Date } | { conversationIds: string[] } | { all: true };

/** Deletes messages (and their attachments, rows and files) matching the filter, in batches. */
export async function deleteMessagesInBatches(options: TBatchOptions & { filter: TMessageFilter }): Promise<void> {
  const { customerId, batchSize, certificate, filter } = options;
  for (let batch = 1; ; batch++) {
    const startedAt = performance.now();
    // One short read: the batch's ids (oldest first) and their attachments' storage keys.
    const { ids, keys } = await withTenant(customerId, async (tx) => {
      let rows: { id: string }[];
      if ("olderThan" in filter) {
        rows = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Message" WHERE "customerId" = ${customerId}::uuid AND "createdAt" < ${filter.olderThan}
          ORDER BY "createdAt" LIMIT ${batchSize}`;
      } else if ("conversationIds" in filter) {
        rows = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Message" WHERE "customerId" = ${customerId}::uuid
            AND "conversationId" = ANY(${filter.conversationIds}::uuid[])
          ORDER BY "createdAt" LIMIT ${batchSize}`;
      } else {
        rows = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Message" WHERE "customerId" = ${customerId}::uuid ORDER BY "createdAt" LIMIT ${batchSize}`;
      }
      const batchIds = rows.map((r) => r.id);
      if (batchIds.length === 0) return { ids: batchIds, keys: [] as string[] };
      const attachments = await tx.$queryRaw<{ storageKey: string }[]>`
        SELECT "storageKey" FROM "Attachment" WHERE "messageId" = ANY(${batchIds}::uuid[])`;
      return { ids: batchIds, keys: attachments.map((r) => r.storageKey) };
    });
    if (ids.length === 0) return;
    const files = keys.length ? await deleteAttachments(keys) : { deleted: 0, missing: [] };
    let deleted = 0;
    await withTenant(customerId, async (tx) => {
      const attachments = await tx.$executeRaw`DELETE FROM "Attachment" WHERE "messageId" = ANY(${ids}::uuid[])`;
      const kinds = await tx.$queryRaw<{ forms: number; total: number }[]>`
        WITH d AS (DELETE FROM "Message" WHERE "id" = ANY(${ids}::uuid[]) RETURNING "kind")
        SELECT count(*) FILTER (WHERE "kind" = 'FORM')::int AS forms, count(*)::int AS total FROM d`;
      const total = kinds[0]?.total ?? 0;
      const forms = kinds[0]?.forms ?? 0;
      deleted = total;
      await certificate.add(tx, {
        messages: total - forms,
        formResults: forms,
        attachments,
        attachmentFiles: files.deleted,
        attachmentFilesMissing: files.missing.length,
      });
    });
    await afterBatch(options, startedAt, { step: "messages", batch, deleted });
  }
}

/** Deletes conversations (with what is left of their messages and read markers), in batches. */
export async function deleteConversationsInBatches(
  options: TBatchOptions & { filter: { inactiveBefore: Date } | { contactId: string } | { all: true } },
): Promise<void> {
  const { customerId, batchSize, certificate, filter } = options;
  for (let batch = 1; ; batch++) {
    const startedAt = performance.now();
    const ids = await withTenant(customerId, async (tx) => {
      const rows =
        "inactiveBefore" in filter
          ? await tx.$queryRaw<{ id: string }[]>`
              SELECT "id" FROM "Conversation" WHERE "customerId" = ${customerId}::uuid
                AND "createdAt" < ${filter.inactiveBefore} AND "lastMessageAt" < ${filter.inactiveBefore}
              ORDER BY "createdAt" LIMIT ${batchSize}`
          : "contactId" in filter
            ? await tx.$queryRaw<{ id: string }[]>`
                SELECT "id" FROM "Conversation" WHERE "customerId" = ${customerId}::uuid
                  AND "contactId" = ${filter.contactId}::uuid ORDER BY "createdAt" LIMIT ${batchSize}`
            : await tx.$queryRaw<{ id: string }[]>`
                SELECT "id" FROM "Conversation" WHERE "customerId" = ${customerId}::uuid
                ORDER BY "createdAt" LIMIT ${batchSize}`;
      return rows.map((r) => r.id);
    });
    if (ids.length === 0) return;
    // A conversation's own messages first (batched, with their files), then the conversation.
    await deleteMessagesInBatches({ ...options, filter: { conversationIds: ids } });
    let deleted = 0;
    await withTenant(customerId, async (tx) => {
      const reads = await tx.$executeRaw`DELETE FROM "ConversationRead" WHERE "conversationId" = ANY(${ids}::uuid[])`;
      deleted = await tx.$executeRaw`DELETE FROM "Conversation" WHERE "id" = ANY(${ids}::uuid[])`;
      await certificate.add(tx, { conversations: deleted, readMarkers: reads });
    });
    await afterBatch(options, startedAt, { step: "conversations", batch, deleted });
  }
}
