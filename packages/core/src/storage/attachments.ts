import { randomUUID } from "node:crypto";
import { access, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@forecourt/config";

/**
 * Attachment bytes on local disk: <storageDir>/<customerId>/<uuid>. The storage key is
 * "<customerId>/<uuid>" and is the only thing the database stores, so a key can never name a
 * path outside the storage folder (it is checked against a strict pattern before every use), and
 * one tenant's files sit in one folder that post-termination deletion removes whole.
 *
 * Every read, write and delete of attachment bytes goes through this file, and this file takes
 * the folder from `getConfig().storageDir` only (resolved once, in packages/config, against the
 * repository root). Two resolutions of STORAGE_DIR — one against the repository root, one
 * against the process's working directory — once made erasures delete nothing and report
 * success (issue 17).
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY = new RegExp(`^(${UUID})/(${UUID})$`);
export const STORAGE_UUID = new RegExp(`^${UUID}$`);

export class StorageKeyError extends Error {
  override name = "StorageKeyError";
}

/** A deletion that did not happen: a file is still on disk after it was deleted. */
export class StorageDeletionError extends Error {
  override name = "StorageDeletionError";
}

/** The one storage folder (absolute). */
export function storageRoot(): string {
  return getConfig().storageDir;
}

function pathOf(storageKey: string): string {
  const match = KEY.exec(storageKey);
  if (!match) throw new StorageKeyError(`Not a storage key: ${JSON.stringify(storageKey).slice(0, 80)}`);
  return path.join(storageRoot(), match[1]!, match[2]!);
}

/** The tenant a storage key belongs to (callers check it against their own tenant). */
export function tenantOfStorageKey(storageKey: string): string {
  const match = KEY.exec(storageKey);
  if (!match) throw new StorageKeyError("Not a storage key");
  return match[1]!;
}

/**
 * Writes the bytes under the tenant's folder and returns the new storage key. The caller checks
 * size, type and magic bytes first and stores the key on its Attachment row.
 */
export async function storeAttachment(customerId: string, bytes: Uint8Array): Promise<string> {
  if (!STORAGE_UUID.test(customerId)) throw new StorageKeyError("Not a tenant id");
  const storageKey = `${customerId}/${randomUUID()}`;
  const file = pathOf(storageKey);
  for (let attempt = 1; ; attempt++) {
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFile(file, bytes, { flag: "wx" });
      return storageKey;
    } catch (error) {
      // The orphan sweep removed the (empty) tenant folder between mkdir and write: once more.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 3) throw error;
    }
  }
}

/** The bytes of a stored attachment; null when the file is gone (purged or erased). */
export async function readAttachment(storageKey: string): Promise<Buffer | null> {
  try {
    return await readFile(pathOf(storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes a file just written whose row was never committed (a failed or duplicate send). */
export async function discardStoredFile(storageKey: string): Promise<void> {
  await rm(pathOf(storageKey), { force: true });
}

export type TDeletedFiles = {
  /** Files that existed and were deleted. */
  deleted: number;
  /** Keys whose row said a file exists but no file was there (logged; counted on the certificate). */
  missing: string[];
};

/**
 * Deletes the files of these keys (each key's row says the file exists). A missing file is not
 * an error — a resumed run after a crash between file and row deletes finds a few — but it is
 * never silent either: it is logged with its key (a uuid pair, no personal data) and returned,
 * so the certificate counts it. Afterwards every key is checked to be gone from disk; one that
 * is still there throws StorageDeletionError before any row is deleted.
 */
export async function deleteAttachments(storageKeys: readonly string[]): Promise<TDeletedFiles> {
  let deleted = 0;
  const missing: string[] = [];
  for (const key of storageKeys) {
    try {
      await rm(pathOf(key));
      deleted += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(key);
      console.warn(`[storage] attachment file missing at deletion: ${key} (under ${storageRoot()})`);
    }
  }
  await assertFilesGone(storageKeys);
  return { deleted, missing };
}

/** Throws StorageDeletionError when any of these keys still has a file on disk. */
export async function assertFilesGone(storageKeys: readonly string[]): Promise<void> {
  const left: string[] = [];
  for (const key of storageKeys) if (await exists(pathOf(key))) left.push(key);
  if (left.length > 0) {
    throw new StorageDeletionError(
      `${left.length} attachment file(s) still on disk after deletion: ${left.slice(0, 5).join(", ")}`,
    );
  }
}

/**
 * Removes a tenant's whole storage folder (post-termination deletion) and checks it is gone.
 * Returns how many files were still in it (files no row pointed at any more: orphans).
 */
export async function deleteTenantStorage(customerId: string): Promise<{ leftoverFiles: number }> {
  if (!STORAGE_UUID.test(customerId)) throw new StorageKeyError("Not a tenant id");
  const dir = path.join(storageRoot(), customerId);
  let leftoverFiles = 0;
  try {
    leftoverFiles = (await readdir(dir)).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await rm(dir, { recursive: true, force: true });
  if (await exists(dir)) throw new StorageDeletionError(`Tenant storage folder still on disk: ${customerId}`);
  return { leftoverFiles };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
