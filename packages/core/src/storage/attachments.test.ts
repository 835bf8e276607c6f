import { describe, expect, it } from "vitest";
import { StorageKeyError, deleteAttachments, readAttachment, storeAttachment, tenantOfStorageKey } from "./attachments";

const TENANT = "0b0c5f9e-4a7d-4c43-9d53-8f0b3c1f2a10";
const FILE = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

describe("attachment storage keys", () => {
  it("names the tenant", () => {
    expect(tenantOfStorageKey(`${TENANT}/${FILE}`)).toBe(TENANT);
  });

  it.each([
    "../etc/passwd",
    `${TENANT}/../../etc/passwd`,
    `${TENANT}/${FILE}/..`,
    `/${TENANT}/${FILE}`,
    `${TENANT}\\${FILE}`,
    "",
  ])("refuses %j before touching the disk", async (key) => {
    await expect(readAttachment(key)).rejects.toThrow(StorageKeyError);
    await expect(deleteAttachments([key])).rejects.toThrow(StorageKeyError);
    expect(() => tenantOfStorageKey(key)).toThrow(StorageKeyError);
  });

  it("refuses a tenant id that is not a uuid", async () => {
    await expect(storeAttachment("../other", new Uint8Array([1]))).rejects.toThrow(StorageKeyError);
  });
});
