import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { ForbiddenError } from "../errors";
import { getDailyStats } from "../reports/get-daily-stats";
import { getDataProtectionOverview } from "./get-data-protection-overview";
import { listDeletionCertificates } from "./list-deletion-certificates";
import { purgeTenant } from "./purge-tenant";
import { createContact, createConversation, createRetentionTenant } from "./testing/fixtures";
import { updateRetentionPeriod } from "./update-retention-period";
import { testMemberPrincipal, testUserPrincipal } from "../test-principals";

const NOW = new Date("2026-11-21T10:00:00Z");

afterAll(async () => {
  await ownerDb().$disconnect();
});

describe("data protection settings", () => {
  it("stores every retention change as a processing instruction (who, when, old, new) and audits it", async () => {
    const t = await createRetentionTenant();
    const admin = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
    const actor = testMemberPrincipal(admin.user.id, t.customer.id, "ADMIN");
    expect(await updateRetentionPeriod({ actor, input: { months: 24 } })).toEqual({
      changed: true,
      oldMonths: 18,
      newMonths: 24,
    });
    await updateRetentionPeriod({ actor, input: { months: 12 } });
    expect((await updateRetentionPeriod({ actor, input: { months: 12 } })).changed).toBe(false);

    const instructions = await ownerDb().processingInstruction.findMany({
      where: { customerId: t.customer.id },
      orderBy: { createdAt: "asc" },
    });
    expect(instructions.map((i) => [i.oldValue, i.newValue, i.createdById])).toEqual([
      [{ months: 18 }, { months: 24 }, admin.user.id],
      [{ months: 24 }, { months: 12 }, admin.user.id],
    ]);
    expect((await ownerDb().customer.findUniqueOrThrow({ where: { id: t.customer.id } })).retentionMonths).toBe(12);
    expect(
      await ownerDb().auditEvent.count({
        where: { customerId: t.customer.id, action: "data_protection.retention_changed" },
      }),
    ).toBe(2);

    const overview = await getDataProtectionOverview({ actor, now: NOW });
    expect(overview.retentionMonths).toBe(12);
    expect(overview.instructions[0]?.createdBy?.id).toBe(admin.user.id);
  });

  it("refuses bad periods and non-admins", async () => {
    const t = await createRetentionTenant();
    const agent = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const admin = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
    await expect(
      updateRetentionPeriod({
        actor: testMemberPrincipal(agent.user.id, t.customer.id, "AGENT"),
        input: { months: 6 },
      }),
    ).rejects.toThrow(ForbiddenError);
    for (const months of [0, 121, 1.5]) {
      await expect(
        updateRetentionPeriod({
          actor: testMemberPrincipal(admin.user.id, t.customer.id, "ADMIN"),
          input: { months },
        }),
      ).rejects.toThrow();
    }
  });

  it("shows certificates to the tenant's admins and to provider support, never across tenants", async () => {
    const a = await createRetentionTenant("CertA");
    const b = await createRetentionTenant("CertB");
    const ra = await purgeTenant({ customerId: a.customer.id, now: NOW });
    const rb = await purgeTenant({ customerId: b.customer.id, now: NOW });
    const admin = await createTestUser({ customerId: a.customer.id, role: "ADMIN" });
    const overview = await getDataProtectionOverview({
      actor: testMemberPrincipal(admin.user.id, a.customer.id, "ADMIN"),
      now: NOW,
    });
    expect(overview.certificates.map((c) => c.id)).toEqual([ra.certificateId]);

    const support = await createTestUser({ providerRole: "SUPPORT" });
    const supportPrincipal = testUserPrincipal(support.user.id, { providerRole: "SUPPORT", twoFactorPassed: true });
    const all = await listDeletionCertificates({ actor: supportPrincipal });
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([ra.certificateId, rb.certificateId]));
    expect(all.find((c) => c.id === rb.certificateId)?.customer?.name).toBe(b.customer.name);
    await expect(listDeletionCertificates({ actor: testUserPrincipal(admin.user.id) })).rejects.toThrow(ForbiddenError);
    // Provider rights need a session that passed two-factor.
    await expect(listDeletionCertificates({ actor: { ...supportPrincipal, twoFactorPassed: false } })).rejects.toThrow(
      /two-factor|authenticator/,
    );
  });
});

describe("reports", () => {
  it("show anonymised statistics from beyond the retention period", async () => {
    const t = await createRetentionTenant();
    const contact = await createContact(t.customer.id, { lastEngagedAt: NOW });
    const longAgo = new Date("2024-06-10T09:00:00Z");
    await createConversation(t, contact.id, [
      { at: longAgo },
      { at: new Date(longAgo.getTime() + 60_000), author: "AGENT" },
    ]);
    await purgeTenant({ customerId: t.customer.id, now: NOW });
    expect(await ownerDb().message.count({ where: { customerId: t.customer.id } })).toBe(0);

    const agent = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const report = await getDailyStats({
      actor: testMemberPrincipal(agent.user.id, t.customer.id, "AGENT"),
      dealerIds: [],
      months: 36,
      now: NOW,
    });
    expect(report.earliestDay).toBe("2024-06-10");
    expect(report.byMonth).toEqual([
      expect.objectContaining({ month: "2024-06", conversationsStarted: 1, messagesIn: 1, messagesOut: 1 }),
    ]);
    expect(report.total).toMatchObject({ avgFirstResponseSeconds: 60 });
    expect(report.byChannel[0]?.channelType).toBe("WIDGET");

    const scoped = await getDailyStats({
      actor: testMemberPrincipal(agent.user.id, t.customer.id, "AGENT"),
      dealerIds: [crypto.randomUUID()],
      months: 36,
      now: NOW,
    });
    expect(scoped.byMonth).toEqual([]);
  });
});
