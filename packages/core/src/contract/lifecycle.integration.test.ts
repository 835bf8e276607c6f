import { afterAll, describe, expect, it } from "vitest";
import { addDays, compareDates } from "@forecourt/contract";
import { appDb } from "@forecourt/db";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { changeMonthlyFee } from "./change-monthly-fee";
import { saveSubscription } from "./save-subscription";
import { fileDissolutionNotice } from "./file-dissolution-notice";
import { recordTrainingDate } from "./record-training-date";
import { reinstateSubscription } from "./reinstate-subscription";
import { runLifecycle } from "./run-lifecycle";
import { enqueueLifecycleRun } from "./enqueue-lifecycle-run";
import { getSessionContext } from "../accounts/get-session-context";
import { ForbiddenError, RuleError } from "../errors";
import { testMemberPrincipal, testUserPrincipal } from "../test-principals";

afterAll(async () => {
  await appDb().$disconnect();
});

/** A dealer group with two dealers, a dealer under it (no contract of its own), users of every role, and integrations. */
async function dealerGroup() {
  const { customer, dealer } = await createTestTenant("Lifecycle group");
  await ownerDb().customer.update({ where: { id: customer.id }, data: { status: "PENDING" } });
  const second = await ownerDb().dealer.create({ data: { customerId: customer.id, name: "Second rooftop" } });
  const child = await ownerDb().customer.create({
    data: { name: `Group dealer ${customer.id.slice(0, 6)}`, kind: "DEALER", parentId: customer.id, status: "ACTIVE" },
  });
  const owner = await createTestUser({ customerId: customer.id, role: "OWNER" });
  const admin = await createTestUser({ customerId: customer.id, role: "ADMIN" });
  const supervisor = await createTestUser({ customerId: customer.id, role: "SUPERVISOR" });
  const agent = await createTestUser({ customerId: customer.id, role: "AGENT" });
  const childAgent = await createTestUser({ customerId: child.id, role: "AGENT" });
  const support = await createTestUser({ providerRole: "SUPPORT" });
  const channel = await ownerDb().channel.create({
    data: {
      customerId: customer.id,
      dealerId: dealer.id,
      type: "WIDGET",
      name: "Website chat",
      publicKey: `pk-${crypto.randomUUID()}`,
      config: { botEnabled: true, greeting: "Hi" },
    },
  });
  const whatsapp = await ownerDb().channel.create({
    data: {
      customerId: customer.id,
      dealerId: second.id,
      type: "WHATSAPP",
      name: "WhatsApp",
      publicKey: `pk-${crypto.randomUUID()}`,
    },
  });
  const apiKey = await ownerDb().apiKey.create({
    data: { customerId: customer.id, name: "DMS", prefix: "fc_live", keyHash: `hash-${crypto.randomUUID()}` },
  });
  const webhook = await ownerDb().webhookEndpoint.create({
    data: {
      customerId: customer.id,
      url: "https://dms.example/hook",
      secretEncrypted: "x",
      events: ["message.created"],
    },
  });
  const provider = testUserPrincipal(support.user.id, { providerRole: "SUPPORT", twoFactorPassed: true });
  const ownerActor = testMemberPrincipal(owner.user.id, customer.id, "OWNER");
  return {
    customer,
    child,
    owner,
    admin,
    supervisor,
    agent,
    childAgent,
    channel,
    whatsapp,
    apiKey,
    webhook,
    provider,
    ownerActor,
  };
}

const statusOf = async (customerId: string) =>
  (await ownerDb().customer.findUniqueOrThrow({ where: { id: customerId } })).status;
const membershipStatus = async (customerId: string, userId: string) =>
  (await ownerDb().membership.findFirstOrThrow({ where: { customerId, userId } })).status;
const auditCount = (customerId: string) => ownerDb().auditEvent.count({ where: { customerId } });
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

describe("the daily lifecycle job over a simulated calendar (dealer group, two products)", () => {
  it(
    "moves the group from contract to deletion scheduled on the computed days, idempotently",
    { timeout: 240_000 },
    async () => {
      const g = await dealerGroup();
      const ids = [g.customer.id, g.child.id];
      const run = async (day: string) => {
        const result = await runLifecycle({ day, customerIds: ids });
        expect(result.failed).toEqual([]);
        return result;
      };

      // The first product: order form on 1 Jan, training on 15 Jan, 12 months.
      const first = await saveSubscription({
        actor: g.provider,
        customerId: g.customer.id,
        day: "2025-01-01",
        input: {
          product: "Conversations",
          contractDate: "2025-01-01",
          initialTermMonths: 12,
          monthlyFee: "300.00",
          setupFee: "500",
        },
      });
      await recordTrainingDate({
        actor: g.provider,
        customerId: g.customer.id,
        day: "2025-01-02",
        input: { subscriptionId: first.id, firstTrainingDate: "2025-01-15" },
      });

      let second: { id: string } | null = null;
      const seen: Record<string, string> = {};
      for (let day = "2025-01-02"; compareDates(day, "2025-07-10") <= 0; day = addDays(day, 1)) {
        if (day === "2025-03-01") {
          // T 5.6: the group adds a second product; a new minimum period starts for both.
          second = await saveSubscription({
            actor: g.provider,
            customerId: g.customer.id,
            day,
            input: {
              product: "Conversations",
              tier: "PLUS",
              contractDate: day,
              initialTermMonths: 24,
              monthlyFee: "450.00",
            },
          });
        }
        if (day === "2025-03-05" && second) {
          await recordTrainingDate({
            actor: g.provider,
            customerId: g.customer.id,
            day,
            input: { subscriptionId: second.id, firstTrainingDate: "2025-03-10" },
          });
        }
        if (day === "2025-04-01" && second) {
          // The owner dissolves both within the new window (10 Mar … 7 Jun).
          for (const subscriptionId of [first.id, second.id]) {
            const effect = await fileDissolutionNotice({
              actor: g.ownerActor,
              customerId: g.customer.id,
              day,
              input: { subscriptionId },
            });
            expect(effect).toMatchObject({ terminationDate: "2025-06-07", lastFeeDay: "2025-06-07" });
          }
        }
        await run(day);
        seen[day] = await statusOf(g.customer.id);
      }

      expect(seen["2025-01-14"]).toBe("PENDING");
      expect(seen["2025-01-15"]).toBe("ACTIVE");
      expect(seen["2025-06-07"]).toBe("ACTIVE");
      expect(seen["2025-06-08"]).toBe("TERMINATED");

      const customer = await ownerDb().customer.findUniqueOrThrow({ where: { id: g.customer.id } });
      expect([iso(customer.terminatedOn), iso(customer.readOnlyUntil), iso(customer.deletionDate)]).toEqual([
        "2025-06-07",
        "2025-07-07", // L 5.2: owners and admins read and export for 30 days
        "2025-07-08", // max(last invoice 1 Jun + 30, read-only end + 1)
      ]);
      const subs = await ownerDb().subscription.findMany({ where: { customerId: g.customer.id } });
      expect(subs.map((s) => [s.status, iso(s.lastInvoiceDate), iso(s.deletionDate)])).toEqual([
        ["TERMINATED", "2025-06-01", "2025-07-08"],
        ["TERMINATED", "2025-06-01", "2025-07-08"],
      ]);

      // L 5.2 / L 5.4: everything switched off; by the deletion date the admins' access is over too.
      for (const user of [g.owner, g.admin, g.supervisor, g.agent]) {
        expect(await membershipStatus(g.customer.id, user.user.id)).toBe("ARCHIVED");
      }
      expect(await membershipStatus(g.child.id, g.childAgent.user.id)).toBe("ARCHIVED");
      expect(await statusOf(g.child.id)).toBe("TERMINATED");
      const channel = await ownerDb().channel.findUniqueOrThrow({ where: { id: g.channel.id } });
      expect(channel.status).toBe("DISABLED");
      expect(channel.config).toMatchObject({ botEnabled: false, autoRepliesEnabled: false, greeting: "Hi" });
      expect((await ownerDb().channel.findUniqueOrThrow({ where: { id: g.whatsapp.id } })).status).toBe("DISABLED");
      expect((await ownerDb().apiKey.findUniqueOrThrow({ where: { id: g.apiKey.id } })).status).toBe("DISABLED");
      expect((await ownerDb().webhookEndpoint.findUniqueOrThrow({ where: { id: g.webhook.id } })).status).toBe(
        "DISABLED",
      );

      // Every transition is in the audit log, each once, on its day.
      const events = await ownerDb().auditEvent.findMany({
        where: { customerId: g.customer.id, action: { startsWith: "lifecycle." } },
        orderBy: { createdAt: "asc" },
      });
      const timeline = events.map((e) => `${(e.data as { day: string }).day} ${e.action}`);
      expect(timeline).toContain("2025-01-15 lifecycle.subscription.active");
      expect(timeline).toContain("2025-01-15 lifecycle.customer.active");
      expect(timeline).toContain("2025-03-10 lifecycle.subscription.active");
      expect(timeline.filter((t) => t.endsWith("lifecycle.subscription.notice_given"))).toEqual([
        "2025-04-01 lifecycle.subscription.notice_given",
        "2025-04-01 lifecycle.subscription.notice_given",
      ]);
      expect(timeline.filter((t) => t.endsWith("lifecycle.subscription.terminated"))).toHaveLength(2);
      expect(timeline.filter((t) => t.includes("customer.terminated"))).toEqual([
        "2025-06-08 lifecycle.customer.terminated",
      ]);
      expect(timeline.filter((t) => t.includes("read_only_ended"))).toEqual([
        "2025-07-08 lifecycle.customer.read_only_ended",
      ]);

      // A second run on the same day changes nothing.
      const before = await auditCount(g.customer.id);
      const again = await run("2025-07-10");
      expect(again.changes).toEqual([]);
      expect(await auditCount(g.customer.id)).toBe(before);
    },
  );
});

describe("read-only mode, reinstatement and crash recovery", () => {
  async function terminatedGroup() {
    const g = await dealerGroup();
    const sub = await saveSubscription({
      actor: g.provider,
      customerId: g.customer.id,
      day: "2025-01-01",
      input: {
        product: "Conversations",
        contractDate: "2025-01-01",
        firstTrainingDate: "2025-01-10",
        initialTermMonths: 12,
        monthlyFee: "99.50",
      },
    });
    await fileDissolutionNotice({
      actor: g.ownerActor,
      customerId: g.customer.id,
      day: "2025-02-01",
      input: { subscriptionId: sub.id },
    });
    return { ...g, sub };
  }

  it("resumes after a crash mid-run: customers already done are not touched again", async () => {
    const a = await terminatedGroup();
    const b = await terminatedGroup();
    // The "crash": only the first customer was processed.
    await runLifecycle({ day: "2025-04-10", customerIds: [a.customer.id] });
    expect(await statusOf(a.customer.id)).toBe("TERMINATED");
    expect(await statusOf(b.customer.id)).toBe("ACTIVE");
    const auditA = await auditCount(a.customer.id);
    const rerun = await runLifecycle({
      day: "2025-04-10",
      customerIds: [a.customer.id, b.customer.id, a.child.id, b.child.id],
    });
    expect(rerun.failed).toEqual([]);
    expect(await statusOf(b.customer.id)).toBe("TERMINATED");
    expect(await auditCount(a.customer.id)).toBe(auditA);
    expect(rerun.changes.filter((c) => c.customerId === a.customer.id)).toEqual([]);
  });

  it("owners and admins keep read-only access until the computed day; writes are refused", async () => {
    const g = await terminatedGroup();
    await runLifecycle({ day: "2025-04-10", customerIds: [g.customer.id] });
    const session = await ownerDb().userSession.create({
      data: { userId: g.owner.user.id, activeCustomerId: g.customer.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const context = await getSessionContext(session.id, { today: "2025-04-20" });
    expect(context?.active).toMatchObject({ customerId: g.customer.id, role: "OWNER", readOnlyUntil: "2025-05-09" });
    const after = await getSessionContext(session.id, { today: "2025-05-10" });
    expect(after?.memberships.find((m) => m.customerId === g.customer.id)).toBeUndefined();
    // The archived supervisor has no access at all.
    const supervisorSession = await ownerDb().userSession.create({
      data: { userId: g.supervisor.user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect((await getSessionContext(supervisorSession.id, { today: "2025-04-20" }))?.memberships).toEqual([]);
    // A write by the owner is refused (read-only), even though the owner role may file notices.
    await expect(
      fileDissolutionNotice({
        actor: g.ownerActor,
        customerId: g.customer.id,
        day: "2025-04-20",
        input: { subscriptionId: g.sub.id },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("reinstatement within the period switches on exactly what termination switched off (T 5.9)", async () => {
    const g = await terminatedGroup();
    await ownerDb().apiKey.update({ where: { id: g.apiKey.id }, data: { status: "DISABLED" } }); // disabled before, stays so
    await runLifecycle({ day: "2025-04-10", customerIds: [g.customer.id] });
    expect(await membershipStatus(g.customer.id, g.agent.user.id)).toBe("ARCHIVED");

    const late = reinstateSubscription({
      actor: g.provider,
      customerId: g.customer.id,
      day: "2025-05-10",
      input: {},
    });
    await expect(late).rejects.toMatchObject({ code: "reinstatement_period_over" });
    await expect(late).rejects.toBeInstanceOf(RuleError);

    const result = await reinstateSubscription({
      actor: g.provider,
      customerId: g.customer.id,
      day: "2025-04-20",
      input: {},
    });
    expect(result).toEqual({ reinstated: true });
    expect(await statusOf(g.customer.id)).toBe("ACTIVE");
    expect(await membershipStatus(g.customer.id, g.agent.user.id)).toBe("ACTIVE");
    const channel = await ownerDb().channel.findUniqueOrThrow({ where: { id: g.channel.id } });
    expect(channel.status).toBe("ACTIVE");
    expect(channel.config).toEqual({ botEnabled: true, greeting: "Hi" });
    expect((await ownerDb().apiKey.findUniqueOrThrow({ where: { id: g.apiKey.id } })).status).toBe("DISABLED");
    expect((await ownerDb().webhookEndpoint.findUniqueOrThrow({ where: { id: g.webhook.id } })).status).toBe("ACTIVE");
    const sub = await ownerDb().subscription.findUniqueOrThrow({ where: { id: g.sub.id } });
    expect([sub.status, sub.terminationDate, sub.noticeKind]).toEqual(["ACTIVE", null, null]);
    // The next daily run keeps it that way.
    expect((await runLifecycle({ day: "2025-04-21", customerIds: [g.customer.id] })).changes).toEqual([]);
  });
});

describe("actions checked by packages/contract", () => {
  it("a dissolution notice outside the window is refused with the day the next window opens", async () => {
    const g = await dealerGroup();
    const sub = await saveSubscription({
      actor: g.provider,
      customerId: g.customer.id,
      day: "2025-01-01",
      input: {
        product: "Conversations",
        contractDate: "2025-01-01",
        firstTrainingDate: "2025-01-10",
        initialTermMonths: 12,
        monthlyFee: "99.50",
      },
    });
    const result = fileDissolutionNotice({
      actor: g.ownerActor,
      customerId: g.customer.id,
      day: "2025-04-10",
      input: { subscriptionId: sub.id },
    });
    await expect(result).rejects.toMatchObject({ code: "outside_window", details: { nextWindowOpens: "2026-01-10" } });
    // An agent may not file it at all.
    await expect(
      fileDissolutionNotice({
        actor: testMemberPrincipal(g.agent.user.id, g.customer.id, "OWNER"), // a forged role does not help
        customerId: g.customer.id,
        day: "2025-02-01",
        input: { subscriptionId: sub.id },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a fee rise above the cap is refused with the reason and the maximum; within the cap it is recorded", async () => {
    const g = await dealerGroup();
    const sub = await saveSubscription({
      actor: g.provider,
      customerId: g.customer.id,
      day: "2025-01-01",
      input: {
        product: "Conversations",
        contractDate: "2025-01-01",
        firstTrainingDate: "2025-01-10",
        initialTermMonths: 36,
        monthlyFee: "200.00",
      },
    });
    const input = { subscriptionId: sub.id, date: "2026-02-01", reason: "YEARLY_RISE" as const };
    const refused = changeMonthlyFee({
      actor: g.provider,
      customerId: g.customer.id,
      day: "2026-01-20",
      input: { ...input, amount: "215.00" },
    });
    await expect(refused).rejects.toMatchObject({
      code: "above_cap",
      details: { maxAllowed: "210.00", effectiveDate: "2026-02-01" },
    });
    const accepted = await changeMonthlyFee({
      actor: g.provider,
      customerId: g.customer.id,
      day: "2026-01-20",
      input: { ...input, amount: "210.00" },
    });
    expect(accepted).toMatchObject({ effectiveDate: "2026-02-01" });
    expect(await ownerDb().feeChange.count({ where: { subscriptionId: sub.id } })).toBe(1);
    const audit = await ownerDb().auditEvent.findMany({
      where: { customerId: g.customer.id, action: { startsWith: "subscription.fee" } },
    });
    expect(audit.map((e) => e.action).sort()).toEqual(["subscription.fee_change_refused", "subscription.fee_changed"]);
  });
});

describe("provider rights need a session that passed two-factor", () => {
  // Regression (issue 9): `create` and "Run lifecycle now" asked only the role, not the session.
  it("refuses an order form and a lifecycle run from a support session without two-factor", async () => {
    const g = await dealerGroup();
    const withoutTwoFactor = { ...g.provider, twoFactorPassed: false };
    const before = await ownerDb().subscription.count({ where: { customerId: g.customer.id } });
    await expect(
      saveSubscription({
        actor: withoutTwoFactor,
        customerId: g.customer.id,
        day: "2025-01-01",
        input: { product: "Conversations", contractDate: "2025-01-01", initialTermMonths: 12, monthlyFee: "10" },
      }),
    ).rejects.toMatchObject({ code: "two_factor_required" });
    expect(await ownerDb().subscription.count({ where: { customerId: g.customer.id } })).toBe(before);
    await expect(enqueueLifecycleRun({ actor: withoutTwoFactor, day: "2025-01-01" })).rejects.toMatchObject({
      code: "two_factor_required",
    });
  });
});
