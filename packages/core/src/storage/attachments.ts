import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@forecourt/config";

/**
 * Attachment bytes on local disk: STORAGE_DIR/<customerId>/<uuid>. The storage key is
 * "<customerId>/<uuid>" and is the only thing the database stores, so a key can never name a
 * path outside STORAGE_DIR (it is checked against a strict pattern before every use), and one
 * tenant's files sit in one folder that post-termination deletion removes whole.
 */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY = new RegExp(`^(${UUID})/(${UUID})$`);
const TENANT = new RegExp(`^${UUID}$`);

export class StorageKeyError extends Error {
  override name = "StorageKeyError";
}

function root(): string {
  return path.resolve(getConfig().STORAGE_DIR);
}

function pathOf(storageKey: string): string {
  const match = KEY.exec(storageKey);
  if (!match) throw new StorageKeyError(`Not a storage key: ${JSON.stringify(storageKey).slice(0, 80)}`);
  return path.join(root(), match[1]!, match[2]!);
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
  if (!TENANT.test(customerId)) throw new StorageKeyError("Not a tenant id");
  const storageKey = `${customerId}/${randomUUID()}`;
  const file = pathOf(storageKey);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes, { flag: "wx" });
  return storageKey;
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

/** Deletes the files of these keys. Missing files are fine (idempotent); returns how many existed. */
export async function deleteAttachments(storageKeys: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const key of storageKeys) {
    const file = pathOf(key);
    try {
      await rm(file);
      deleted += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return deleted;
}

/** Removes a tenant's whole storage folder (post-termination deletion). Idempotent. */
export async function deleteTenantStorage(customerId: string): Promise<void> {
  if (!TENANT.test(customerId)) throw new StorageKeyError("Not a tenant id");
  await rm(path.join(root(), customerId), { recursive: true, force: true });
}
