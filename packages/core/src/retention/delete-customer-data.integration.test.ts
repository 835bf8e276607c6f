import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { readAttachment } from "../storage/attachments";
import { deleteCustomerData } from "./delete-customer-data";
import { purgeTenant } from "./purge-tenant";
import { createContact, createConversation, createRetentionTenant } from "./testing/fixtures";

const NOW = new Date("2027-03-01T02:00:00Z");

afterAll(async () => {
  await ownerDb().$disconnect();
});

/** Every table with customerId and how many rows it holds for the customer (owner view). */
async function rowsPerTable(customerId: string) {
  const tables = await ownerDb().$queryRaw<{ table: string }[]>`
    SELECT table_name AS "table" FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'customerId'`;
  const counts: Record<string, number> = {};
  for (const { table } of tables) {
    const [row] = await ownerDb().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "customerId" = $1::uuid`,
      customerId,
    );
    if (row && row.n > 0) counts[table] = row.n;
  }
  return counts;
}

describe("post-termination deletion", () => {
  it("does nothing before the deletion date", async () => {
    const t = await createRetentionTenant();
    await ownerDb().customer.update({
      where: { id: t.customer.id },
      data: { status: "TERMINATED", deletionDate: new Date("2027-03-02") },
    });
    expect(await deleteCustomerData({ customerId: t.customer.id, now: NOW })).toEqual({ status: "not-due" });
    expect(await ownerDb().dealer.count({ where: { customerId: t.customer.id } })).toBe(1);
  });

  it("leaves only the certificate and the provider's record, and never touches another tenant", async () => {
    const t = await createRetentionTenant("Leaving");
    const other = await createRetentionTenant("Staying");
    await ownerDb().customer.update({
      where: { id: t.customer.id },
      data: { status: "TERMINATED", terminatedOn: new Date("2027-01-15"), deletionDate: new Date("2027-03-01") },
    });
    const contact = await createContact(t.customer.id, { lastEngagedAt: new Date("2026-12-01T10:00:00Z") });
    const conv = await createConversation(t, contact.id, [{ at: new Date("2026-12-01T10:00:00Z"), attachment: true }]);
    const otherContact = await createContact(other.customer.id);
    const otherConv = await createConversation(other, otherContact.id, [
      { at: new Date("2026-12-01T10:00:00Z"), attachment: true },
    ]);
    // A user only in this customer, and one who also works for the other customer.
    const only = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
    const both = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    await ownerDb().membership.create({ data: { customerId: other.customer.id, userId: both.user.id, role: "AGENT" } });
    const expiresAt = new Date(Date.now() + 86_400_000);
    await ownerDb().userSession.create({ data: { userId: only.user.id, activeCustomerId: t.customer.id, expiresAt } });
    const bothHere = await ownerDb().userSession.create({
      data: { userId: both.user.id, activeCustomerId: t.customer.id, expiresAt },
    });
    const bothThere = await ownerDb().userSession.create({
      data: { userId: both.user.id, activeCustomerId: other.customer.id, expiresAt },
    });
    await ownerDb().subscription.create({
      data: { customerId: t.customer.id, contractDate: new Date("2025-01-01"), initialTermMonths: 12, monthlyFee: 100 },
    });
    await ownerDb().processingInstruction.create({
      data: { customerId: t.customer.id, kind: "retention.period", newValue: { months: 12 } },
    });
    await ownerDb().auditEvent.create({ data: { customerId: t.customer.id, action: "test.event", ip: "10.0.0.1" } });
    // An earlier retention purge's certificate stays too.
    await purgeTenant({ customerId: t.customer.id, now: NOW });

    const result = await deleteCustomerData({
      customerId: t.customer.id,
      now: NOW,
      batchSize: 2,
      removeQueuedJobs: async () => 3,
    });
    expect(result.status).toBe("deleted");

    const left = await rowsPerTable(t.customer.id);
    expect(left).toEqual({ DeletionCertificate: 2 });
    const customer = await ownerDb().customer.findUniqueOrThrow({ where: { id: t.customer.id } });
    expect(customer.status).toBe("DELETED");
    expect(customer.deletedAt).toEqual(NOW);
    expect(await readAttachment(conv.storageKeys[0]!)).toBeNull();

    expect(await ownerDb().user.findUnique({ where: { id: only.user.id } })).toBeNull();
    expect(await ownerDb().user.findUnique({ where: { id: both.user.id } })).not.toBeNull();
    expect((await ownerDb().userSession.findUniqueOrThrow({ where: { id: bothHere.id } })).revokedAt).not.toBeNull();
    expect((await ownerDb().userSession.findUniqueOrThrow({ where: { id: bothThere.id } })).revokedAt).toBeNull();

    // The other tenant is untouched.
    expect(await ownerDb().message.count({ where: { customerId: other.customer.id } })).toBe(1);
    expect(await readAttachment(otherConv.storageKeys[0]!)).not.toBeNull();
    expect(await ownerDb().membership.count({ where: { customerId: other.customer.id } })).toBe(1);

    const certificate = await ownerDb().deletionCertificate.findUniqueOrThrow({
      where: { id: result.status === "deleted" ? result.certificateId : "" },
    });
    expect(certificate.kind).toBe("CUSTOMER_DELETION");
    expect(certificate.counts).toMatchObject({
      state: "completed",
      messages: 1,
      attachments: 1,
      conversations: 1,
      contact: 1,
      vehicle: 1,
      subscription: 1,
      users: 1,
      sessionsRevoked: 1,
      queuedJobs: 3,
      auditEvents: 2,
    });

    // A re-run is a no-op.
    expect(await deleteCustomerData({ customerId: t.customer.id, now: NOW })).toEqual({ status: "already-deleted" });
  });

  it("resumes after a crash", async () => {
    const t = await createRetentionTenant();
    await ownerDb().customer.update({ where: { id: t.customer.id }, data: { deletionDate: new Date("2027-02-01") } });
    const contact = await createContact(t.customer.id);
    await createConversation(
      t,
      contact.id,
      Array.from({ length: 5 }, (_, i) => ({ at: new Date(Date.UTC(2026, 5, 1, i)) })),
    );
    await expect(
      deleteCustomerData({
        customerId: t.customer.id,
        now: NOW,
        batchSize: 2,
        onBatch: () => {
          throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    expect((await ownerDb().customer.findUniqueOrThrow({ where: { id: t.customer.id } })).status).not.toBe("DELETED");
    const result = await deleteCustomerData({ customerId: t.customer.id, now: NOW, batchSize: 2 });
    expect(result.status).toBe("deleted");
    expect(await rowsPerTable(t.customer.id)).toEqual({ DeletionCertificate: 2 });
  });
});
