import { describe, expect, it } from "vitest";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { aggregateDailyStats } from "../retention/aggregate-daily-stats";
import { testMemberPrincipal } from "../test-principals";
import { getDailyStats } from "./get-daily-stats";
import { listDailyStats } from "./list-daily-stats";

/*
 * Reports by channel, dealer, department and teammate, with CSAT and leads by form, over any
 * range, from the anonymised daily rows (real PostgreSQL, row-level security on).
 */

const DAY = "2026-11-10";
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00Z`);

async function world() {
  const { customer, dealer } = await createTestTenant("Reports");
  const db = ownerDb();
  const sales = await db.department.create({ data: { customerId: customer.id, dealerId: dealer.id, name: "Sales" } });
  const service = await db.department.create({
    data: { customerId: customer.id, dealerId: dealer.id, name: "Service" },
  });
  const { user: ann } = await createTestUser({ customerId: customer.id, role: "AGENT" });
  const { user: ben } = await createTestUser({ customerId: customer.id, role: "AGENT" });
  await db.user.update({ where: { id: ann.id }, data: { name: "Ann Agent" } });
  await db.user.update({ where: { id: ben.id }, data: { name: "Ben Agent" } });
  const channel = await db.channel.create({
    data: {
      customerId: customer.id,
      dealerId: dealer.id,
      type: "WIDGET",
      name: "Web",
      publicKey: `wk-${crypto.randomUUID()}`,
    },
  });
  const contact = await db.contact.create({ data: { customerId: customer.id, name: "C" } });
  /** A conversation started at 09:00, answered by `agent` after `replyMin` minutes, closed at 10:00, rated `score`. */
  async function conversation(
    departmentId: string,
    agentId: string,
    replyMin: number,
    score: number | null,
    lead = false,
  ) {
    const c = await db.conversation.create({
      data: {
        customerId: customer.id,
        dealerId: dealer.id,
        channelId: channel.id,
        contactId: contact.id,
        departmentId,
        assigneeId: agentId,
        status: "CLOSED",
        createdAt: at("09:00"),
        closedAt: at("10:00"),
        lastSeq: 3,
      },
    });
    const m = (seq: number, authorType: "CONTACT" | "AGENT", createdAt: Date, kind: "TEXT" | "FORM" = "TEXT") =>
      db.message.create({
        data: {
          customerId: customer.id,
          conversationId: c.id,
          seq,
          clientId: `m-${seq}-${c.id}`,
          authorType,
          authorUserId: authorType === "AGENT" ? agentId : null,
          kind,
          body: "x",
          createdAt,
        },
      });
    await m(1, "CONTACT", at("09:00"));
    await m(2, "AGENT", new Date(at("09:00").getTime() + replyMin * 60_000));
    if (lead) {
      const form = await m(3, "CONTACT", at("09:30"), "FORM");
      await db.lead.create({
        data: {
          customerId: customer.id,
          dealerId: dealer.id,
          conversationId: c.id,
          messageId: form.id,
          kind: "TEST_DRIVE",
          data: {},
          createdAt: at("09:30"),
        },
      });
    }
    if (score)
      await db.conversationRating.create({
        data: { customerId: customer.id, conversationId: c.id, score, createdAt: at("11:00"), updatedAt: at("11:00") },
      });
    return c;
  }
  await conversation(sales.id, ann.id, 2, 5, true);
  await conversation(sales.id, ann.id, 4, 4);
  await conversation(service.id, ben.id, 10, 2);
  await aggregateDailyStats({ customerId: customer.id, day: DAY });
  const actor = testMemberPrincipal(ann.id, customer.id, "ADMIN");
  return { customer, dealer, sales, service, ann, ben, actor };
}

describe("reports by dimension", () => {
  it("splits volumes, response times, CSAT and leads by department and teammate", async () => {
    const w = await world();
    const report = await getDailyStats({
      actor: w.actor,
      dealerIds: [],
      range: { from: DAY, to: DAY },
      now: new Date(),
    });
    expect(report.total).toMatchObject({
      conversationsStarted: 3,
      conversationsClosed: 3,
      avgFirstResponseSeconds: Math.round(((2 + 4 + 10) * 60) / 3),
      avgResolutionSeconds: 3600,
      avgRating: 3.7,
      ratings: 3,
      leads: { TEST_DRIVE: 1, TRADE_IN: 0, SERVICE: 0, FINANCE: 0 },
    });
    const dept = Object.fromEntries(report.byDepartment.map((d) => [d.departmentName, d]));
    expect(dept.Sales).toMatchObject({ conversationsStarted: 2, avgFirstResponseSeconds: 180, avgRating: 4.5 });
    expect(dept.Service).toMatchObject({ conversationsStarted: 1, avgFirstResponseSeconds: 600, avgRating: 2 });
    const agent = Object.fromEntries(report.byAgent.map((a) => [a.agentName, a]));
    expect(agent["Ann Agent"]).toMatchObject({ conversationsStarted: 2, messagesOut: 2, leads: { TEST_DRIVE: 1 } });
    expect(agent["Ben Agent"]).toMatchObject({ conversationsStarted: 1, messagesOut: 1, avgRating: 2 });
    expect(report.byChannel).toEqual([expect.objectContaining({ channelType: "WIDGET", conversationsStarted: 3 })]);
  });

  it("recomputing a day replaces its rows: a reassignment moves the figures, nothing doubles", async () => {
    const w = await world();
    await ownerDb().conversation.updateMany({
      where: { customerId: w.customer.id, assigneeId: w.ben.id },
      data: { assigneeId: w.ann.id },
    });
    await aggregateDailyStats({ customerId: w.customer.id, day: DAY });
    const report = await getDailyStats({
      actor: w.actor,
      dealerIds: [],
      range: { from: DAY, to: DAY },
      now: new Date(),
    });
    expect(report.total?.conversationsStarted).toBe(3);
    const ann = report.byAgent.find((a) => a.agentName === "Ann Agent");
    // Started and closed follow the assignee; replies stay with their author (Ben wrote one).
    expect(ann).toMatchObject({ conversationsStarted: 3, messagesOut: 2 });
  });

  it("the API still answers one row per day, dealer and channel, summed over the finer rows", async () => {
    const w = await world();
    const rows = await listDailyStats({ actor: w.actor, input: { from: DAY, to: DAY } });
    expect(rows.data).toEqual([
      expect.objectContaining({ day: DAY, channelType: "WIDGET", conversationsStarted: 3, messagesOut: 3 }),
    ]);
  });

  it("refuses a range that ends before it starts", async () => {
    const w = await world();
    await expect(
      getDailyStats({
        actor: w.actor,
        dealerIds: [],
        range: { from: "2026-11-10", to: "2026-11-01" },
        now: new Date(),
      }),
    ).rejects.toThrow(/start must be on or before/);
  });
});
