import { existsSync } from "node:fs";
import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { eraseContact } from "../contacts/erase-contact";
import { deleteCustomerData } from "../retention/delete-customer-data";
import { purgeTenant } from "../retention/purge-tenant";
import { createContact, createConversation, createRetentionTenant } from "../retention/testing/fixtures";
import { storeAttachment } from "./attachments";
import { ForbiddenError } from "../errors";
import { enqueueOrphanSweep } from "./enqueue-orphan-sweep";
import { listOrphanSweeps } from "./list-orphan-sweeps";
import { sweepOrphanFiles } from "./sweep-orphan-files";
import { testMemberPrincipal, testUserPrincipal } from "../test-principals";

afterAll(async () => {
  await ownerDb().$disconnect();
});

const fileOf = (key: string) => path.join(getConfig().storageDir, key);

async function tenantWithAttachment() {
  const t = await createRetentionTenant("Storage");
  const admin = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  const actor = testMemberPrincipal(admin.user.id, t.customer.id, "ADMIN");
  const contact = await createContact(t.customer.id, { lastEngagedAt: new Date() });
  const conv = await createConversation(t, contact.id, [{ at: new Date("2026-11-01T10:00:00Z"), attachment: true }]);
  return { t, actor, contact, conv };
}

describe("deletion cannot fail silently (issue 17)", () => {
  it("counts an attachment whose file is not on disk as missing, and the certificate's state says so", async () => {
    const { actor, contact, conv } = await tenantWithAttachment();
    const key = conv.storageKeys[0]!;
    await rm(fileOf(key)); // what the old code's wrong path amounted to: the file is not where it looks
    const result = await eraseContact({ actor, contactId: contact.id });
    expect(result!.counts).toMatchObject({ attachmentFiles: 0, attachmentFilesMissing: 1, attachments: 1 });
    const cert = await ownerDb().deletionCertificate.findUniqueOrThrow({ where: { id: result!.certificateId } });
    expect(cert.counts).toMatchObject({ state: "completed-with-missing-files", attachmentFilesMissing: 1 });
  });

  it("every certificate carries the attachment-file counts, zero included", async () => {
    const t = await createRetentionTenant("Storage zero");
    const purge = await purgeTenant({ customerId: t.customer.id, now: new Date("2026-11-21T00:00:00Z") });
    const cert = await ownerDb().deletionCertificate.findUniqueOrThrow({ where: { id: purge.certificateId } });
    expect(cert.counts).toMatchObject({ state: "completed", attachmentFiles: 0, attachmentFilesMissing: 0 });
  });

  it("an erasure deletes the file in the configured storage folder and says so", async () => {
    const { actor, contact, conv } = await tenantWithAttachment();
    const key = conv.storageKeys[0]!;
    expect(existsSync(fileOf(key))).toBe(true);
    const result = await eraseContact({ actor, contactId: contact.id });
    expect(result!.counts).toMatchObject({ attachmentFiles: 1, attachmentFilesMissing: 0 });
    expect(existsSync(fileOf(key))).toBe(false);
  });

  it("tenant deletion counts files no row pointed at and leaves no tenant folder", async () => {
    const { t } = await tenantWithAttachment();
    const orphan = await storeAttachment(t.customer.id, new TextEncoder().encode("orphan"));
    await ownerDb().customer.update({
      where: { id: t.customer.id },
      data: { status: "TERMINATED", deletionDate: new Date("2026-01-01T00:00:00Z") },
    });
    const result = await deleteCustomerData({ customerId: t.customer.id, now: new Date() });
    expect(result.status).toBe("deleted");
    if (result.status !== "deleted") return;
    expect(result.counts).toMatchObject({ attachmentFiles: 1, attachmentFilesMissing: 0, orphanFiles: 1 });
    expect(existsSync(fileOf(orphan))).toBe(false);
    expect(existsSync(path.join(getConfig().storageDir, t.customer.id))).toBe(false);
  });
});

describe("orphan sweep", () => {
  it("removes unreferenced files older than the grace period; keeps referenced and young ones; records it", async () => {
    const { t, conv } = await tenantWithAttachment();
    const referenced = conv.storageKeys[0]!;
    const oldOrphan = await storeAttachment(t.customer.id, new TextEncoder().encode("old orphan"));
    const youngOrphan = await storeAttachment(t.customer.id, new TextEncoder().encode("young"));
    // A folder of a tenant with no rows at all (what a deletion that missed its folder leaves).
    const ghostTenant = randomUUID();
    const ghost = path.join(getConfig().storageDir, ghostTenant, randomUUID());
    await mkdir(path.dirname(ghost), { recursive: true });
    await writeFile(ghost, "ghost");
    const strange = path.join(getConfig().storageDir, t.customer.id, "not-a-uuid.txt");
    await writeFile(strange, "left alone");
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    for (const file of [fileOf(referenced), fileOf(oldOrphan), ghost, strange]) {
      await utimes(file, twoDaysAgo, twoDaysAgo);
    }

    const result = await sweepOrphanFiles({ trigger: "manual", graceHours: 24 });

    expect(existsSync(fileOf(referenced))).toBe(true);
    expect(existsSync(fileOf(youngOrphan))).toBe(true);
    expect(existsSync(strange)).toBe(true);
    expect(existsSync(fileOf(oldOrphan))).toBe(false);
    expect(existsSync(ghost)).toBe(false);
    expect(existsSync(path.dirname(ghost))).toBe(false);
    const row = await ownerDb().storageSweep.findUniqueOrThrow({ where: { id: result.sweepId } });
    expect(row.state).toBe("completed");
    expect(row.trigger).toBe("manual");
    expect(row.removedKeys).toEqual(expect.arrayContaining([oldOrphan, `${ghostTenant}/${path.basename(ghost)}`]));
    expect(row.removedKeys).not.toContain(referenced);
    expect(row.removedByTenant).toMatchObject({
      [t.customer.id]: { files: 1, bytes: 10 },
      [ghostTenant]: { files: 1, bytes: 5 },
    });
    expect(row.filesRemoved).toBeGreaterThanOrEqual(2);
    expect(row.entriesSkipped).toBeGreaterThanOrEqual(1);
    await rm(strange);
  });

  it("shows sweep runs to provider support only; tenant staff may not start one", async () => {
    const { user: support } = await createTestUser({ providerRole: "SUPPORT" });
    const { t } = await tenantWithAttachment();
    const { user: admin } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
    const run = await sweepOrphanFiles({ trigger: "schedule", graceHours: 24 });
    const rows = await listOrphanSweeps({
      actor: testUserPrincipal(support.id, { providerRole: "SUPPORT", twoFactorPassed: true }),
    });
    expect(rows.find((r) => r.id === run.sweepId)).toMatchObject({ trigger: "schedule", state: "completed" });
    await expect(listOrphanSweeps({ actor: testUserPrincipal(admin.id) })).rejects.toThrow(ForbiddenError);
    await expect(enqueueOrphanSweep({ actor: testUserPrincipal(admin.id) })).rejects.toThrow(ForbiddenError);
  });
});
