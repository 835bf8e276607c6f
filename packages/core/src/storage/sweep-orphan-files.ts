import type { Dirent } from "node:fs";
import { readdir, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@forecourt/config";
import { withSystemAccess, withTenant } from "@forecourt/db";
import { STORAGE_UUID, storageRoot } from "./attachments";

export const ORPHAN_SWEEP_JOB = "storage.sweep-orphans";
/** How many removed storage keys a sweep row lists (the counts are always complete). */
const KEYS_LISTED = 1_000;
const LOOKUP_CHUNK = 1_000;

export type TSweepTrigger = "schedule" | "manual";

/** What one sweep counted (stored on its StorageSweep row, returned to the job). */
export type TSweepCounts = {
  filesScanned: number;
  filesReferenced: number;
  filesTooNew: number;
  filesRemoved: number;
  bytesRemoved: number;
  foldersRemoved: number;
  entriesSkipped: number;
};

export type TSweepResult = TSweepCounts & { sweepId: string };

/**
 * The orphan sweep: walks the one storage folder (<storageDir>/<customerId>/<uuid>) and deletes
 * every file that no Attachment row references and that is older than the grace period (an
 * upload writes its file a moment before its row commits; the grace period keeps those). Empty
 * tenant folders go too. Files are checked per tenant folder under that tenant's RLS context, so
 * a file is judged only by its own tenant's rows. Anything that is not <uuid>/<uuid> is left
 * alone and counted. Each run writes a StorageSweep row (counts, bytes, storage keys — uuids —
 * never file names or contents) and logs each removed key.
 *
 * Why it exists: an erasure, purge or tenant deletion that deletes rows but misses files leaves
 * personal data behind with nothing pointing at it (issue 17: two resolutions of STORAGE_DIR).
 * The deletions now check their files are gone; this sweep is the safety net for whatever
 * escapes anyway (and cleaned up what the old bug left).
 */
export async function sweepOrphanFiles(options: {
  trigger: TSweepTrigger;
  now?: Date;
  graceHours?: number;
}): Promise<TSweepResult> {
  const now = options.now ?? new Date();
  const graceHours = options.graceHours ?? getConfig().STORAGE_ORPHAN_GRACE_HOURS;
  const olderThan = now.getTime() - graceHours * 3_600_000;
  const system = { job: ORPHAN_SWEEP_JOB };
  const row = await withSystemAccess(system, (tx) =>
    tx.storageSweep.create({ data: { trigger: options.trigger, graceHours, startedAt: now } }),
  );
  const totals: TSweepCounts = {
    filesScanned: 0,
    filesReferenced: 0,
    filesTooNew: 0,
    filesRemoved: 0,
    bytesRemoved: 0,
    foldersRemoved: 0,
    entriesSkipped: 0,
  };
  const byTenant: Record<string, { files: number; bytes: number }> = {};
  const removedKeys: string[] = [];
  /** Records what the run did, whether it completed or failed part-way. */
  const finish = (state: "completed" | "failed", error?: string) =>
    withSystemAccess(system, (tx) =>
      tx.storageSweep.update({
        where: { id: row.id },
        data: {
          ...totals,
          bytesRemoved: BigInt(totals.bytesRemoved),
          removedByTenant: byTenant,
          removedKeys,
          state,
          finishedAt: new Date(),
          ...(error ? { error } : {}),
        },
      }),
    );
  try {
    const root = storageRoot();
    for (const tenant of await list(root)) {
      if (!tenant.isDirectory() || !STORAGE_UUID.test(tenant.name)) {
        totals.entriesSkipped += 1;
        continue;
      }
      const customerId = tenant.name;
      const dir = path.join(root, customerId);
      const entries = await list(dir);
      const candidates: { name: string; size: number }[] = [];
      for (const entry of entries) {
        if (!entry.isFile() || !STORAGE_UUID.test(entry.name)) {
          totals.entriesSkipped += 1;
          continue;
        }
        totals.filesScanned += 1;
        const info = await stat(path.join(dir, entry.name)).catch(() => null);
        if (!info) continue; // deleted meanwhile
        if (info.mtimeMs >= olderThan) totals.filesTooNew += 1;
        else candidates.push({ name: entry.name, size: info.size });
      }
      const referenced = await referencedKeys(
        customerId,
        candidates.map((c) => `${customerId}/${c.name}`),
      );
      let keptOld = 0;
      for (const file of candidates) {
        const key = `${customerId}/${file.name}`;
        if (referenced.has(key)) {
          keptOld += 1;
          continue;
        }
        await rm(path.join(dir, file.name), { force: true });
        console.log(`[storage] orphan sweep removed ${key} (${file.size} bytes)`);
        totals.filesRemoved += 1;
        totals.bytesRemoved += file.size;
        const t = (byTenant[customerId] ??= { files: 0, bytes: 0 });
        t.files += 1;
        t.bytes += file.size;
        if (removedKeys.length < KEYS_LISTED) removedKeys.push(key);
      }
      totals.filesReferenced += keptOld;
      // A folder left empty goes; rmdir refuses a folder an upload has just written into.
      if ((await list(dir)).length === 0) {
        try {
          await rmdir(dir);
          totals.foldersRemoved += 1;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== "ENOTEMPTY" && code !== "ENOENT" && code !== "EEXIST") throw error;
        }
      }
    }
    await finish("completed");
  } catch (error) {
    await finish("failed", error instanceof Error ? error.message.slice(0, 500) : "unknown error");
    throw error;
  }
  return { sweepId: row.id, ...totals };
}

async function list(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Which of these keys an Attachment row of that tenant references (RLS: that tenant only). */
async function referencedKeys(customerId: string, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const chunk = keys.slice(i, i + LOOKUP_CHUNK);
    const rows = await withTenant(
      customerId,
      (tx) =>
        tx.$queryRaw<{ storageKey: string }[]>`
        SELECT "storageKey" FROM "Attachment" WHERE "storageKey" = ANY(${chunk}::text[])`,
    );
    for (const r of rows) found.add(r.storageKey);
  }
  return found;
}
