import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, queue } from "@forecourt/jobs";
import { removeTenantJobs } from "@forecourt/jobs/remove-tenant-jobs";
import { retentionJobId } from "@forecourt/jobs/retention-jobs";
import { createTestTenant, ownerDb } from "@forecourt/testing";
import { HANDLERS } from "./registry";
import { runRetentionDaily, runStatsToday } from "./retention-handlers";

beforeAll(async () => {
  await queue("retention").obliterate({ force: true });
});

afterAll(async () => {
  await queue("retention").obliterate({ force: true });
  await closeQueues();
  await ownerDb().$disconnect();
});

describe("retention jobs", () => {
  it("registers a daily scheduler and a handler per retention job", () => {
    const names = HANDLERS.map((h) => h.job.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "retention.daily",
        "retention.daily-stats",
        "retention.purge-tenant",
        "retention.delete-customer",
        "retention.stats-today",
      ]),
    );
    expect(HANDLERS.find((h) => h.job.name === "retention.stats-today")?.schedule?.pattern).toBe("7 * * * *");
    expect(HANDLERS.find((h) => h.job.name === "retention.daily")?.schedule?.pattern).toBe("15 2 * * *");
  });

  it("fans out one purge and stats job per tenant, deletions when due, with ids and dates only", async () => {
    const live = await createTestTenant("Live");
    const due = await createTestTenant("Due");
    await ownerDb().customer.update({
      where: { id: due.customer.id },
      data: { status: "TERMINATED", deletionDate: new Date("2027-03-01") },
    });
    await runRetentionDaily({ day: "2027-03-01" });
    // Running twice the same day does not enqueue twice (job ids de-duplicate).
    await runRetentionDaily({ day: "2027-03-01" });

    const q = queue("retention");
    const purge = await q.getJob(retentionJobId("retention.purge-tenant", live.customer.id, "2027-03-01"));
    expect(purge?.data).toEqual({ customerId: live.customer.id, day: "2027-03-01" });
    const stats = await q.getJob(retentionJobId("retention.daily-stats", live.customer.id, "2027-02-28"));
    expect(stats?.data).toEqual({ customerId: live.customer.id, day: "2027-02-28" });
    expect(await q.getJob(retentionJobId("retention.delete-customer", due.customer.id, "2027-03-01"))).toBeDefined();
    expect(await q.getJob(retentionJobId("retention.delete-customer", live.customer.id, "2027-03-01"))).toBeUndefined();
    const waiting = await q.getJobs(["waiting"]);
    expect(waiting.filter((j) => j.data.customerId === live.customer.id)).toHaveLength(2);

    expect(await removeTenantJobs(due.customer.id)).toBe(3);
    const after = await q.getJobs(["waiting", "delayed", "completed", "failed"]);
    expect(after.some((j) => j.data.customerId === due.customer.id)).toBe(false);
    expect(after.some((j) => j.data.customerId === live.customer.id)).toBe(true);
  });

  it("refreshes today's statistics every hour: one job per tenant and hour, for today", async () => {
    const live = await createTestTenant("Today");
    const at = new Date("2027-03-02T10:07:00Z");
    await runStatsToday(at);
    await runStatsToday(new Date("2027-03-02T10:40:00Z")); // the same hour: nothing more
    await runStatsToday(new Date("2027-03-02T11:07:00Z"));
    const q = queue("retention");
    const ten = await q.getJob(retentionJobId("retention.daily-stats", live.customer.id, "2027-03-02_h10"));
    expect(ten?.data).toEqual({ customerId: live.customer.id, day: "2027-03-02" });
    expect(await q.getJob(retentionJobId("retention.daily-stats", live.customer.id, "2027-03-02_h11"))).toBeDefined();
    const mine = (await q.getJobs(["waiting"])).filter(
      (j) => j.name === "retention.daily-stats" && j.data.customerId === live.customer.id,
    );
    expect(mine).toHaveLength(2);
  });

  it("rejects a payload that is not ids and dates", async () => {
    const purge = HANDLERS.find((h) => h.job.name === "retention.purge-tenant")!;
    await expect(purge.handle({ customerId: "not-a-uuid", day: "2027-03-01" })).rejects.toThrow();
    await expect(purge.handle({ customerId: crypto.randomUUID(), day: "yesterday" })).rejects.toThrow();
  });

  it("runs a tenant's purge through its handler and returns only the certificate id", async () => {
    const t = await createTestTenant("Handler");
    const purge = HANDLERS.find((h) => h.job.name === "retention.purge-tenant")!;
    const result = (await purge.handle({ customerId: t.customer.id, day: "2027-03-01" })) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(["certificateId"]);
    const certificate = await ownerDb().deletionCertificate.findUniqueOrThrow({
      where: { id: result.certificateId as string },
    });
    expect(certificate.cutoff?.toISOString()).toBe("2025-09-01T00:00:00.000Z");
  });
});
