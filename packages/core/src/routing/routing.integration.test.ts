import { describe, expect, it } from "vitest";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { sendMessage } from "../chat/send-message";
import { startVisitorConversation } from "../chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN, visitorOf } from "../chat/test-helpers";
import { testMemberPrincipal } from "../test-principals";
import { deleteRoutingRule } from "./delete-routing-rule";
import { moveRoutingRule } from "./move-routing-rule";
import { markAgentOffline, markAgentsOnline } from "./presence";
import { routeConversation } from "./route-conversation";
import { routeUnroutedConversations } from "./route-unrouted-conversations";
import { saveBusinessHours } from "./save-business-hours";
import { saveRoutingRule } from "./save-routing-rule";
import type { TRoutingActions, TRoutingConditions } from "./routing-rule-input";

/*
 * Routing on real PostgreSQL (row-level security on) and Redis (presence): rules, round robin
 * and least busy within a capacity under concurrent arrivals, business hours, the once-only claim.
 */

async function tenant(label = "Routing") {
  const t = await createChatTenant(label);
  const service = await ownerDb().department.create({
    data: { customerId: t.customer.id, dealerId: t.dealer.id, name: "Service", kind: "SERVICE" },
  });
  const { user: adminUser } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  const admin = testMemberPrincipal(adminUser.id, t.customer.id, "ADMIN");
  return { ...t, service, admin };
}

async function agents(t: Awaited<ReturnType<typeof tenant>>, count: number, online = true) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { user } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    ids.push(user.id);
  }
  if (online) await markAgentsOnline(ids.map((userId) => ({ customerId: t.customer.id, userId })));
  return ids;
}

async function rule(
  t: Awaited<ReturnType<typeof tenant>>,
  conditions: TRoutingConditions,
  actions: TRoutingActions,
  name = "Rule",
) {
  return saveRoutingRule({ actor: t.admin, input: { dealerId: t.dealer.id, name, conditions, actions } });
}

/** A visitor starts a chat and writes `text`: the conversation's first inbound message. */
async function arrive(t: Awaited<ReturnType<typeof tenant>>, text = "Hello", extras: object = {}) {
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Vera Visitor", consent: true },
    extras,
  });
  const visitor = visitorOf(t, started.contactId);
  await sendMessage({
    sender: { visitor },
    input: { conversationId: started.conversationId, clientId: "first-message", body: text },
  });
  return started.conversationId;
}

const conversation = (id: string) =>
  ownerDb().conversation.findUniqueOrThrow({ where: { id }, include: { labels: true } });

describe("routing rules", () => {
  it("the first matching rule sets the department, assigns, prioritises, labels and answers; the activity says so", async () => {
    const t = await tenant();
    const [agent] = await agents(t, 1);
    const label = await ownerDb().label.create({ data: { customerId: t.customer.id, name: "Werkplaats" } });
    await rule(t, { keywords: ["apk"] }, { autoReply: "never: the rule below comes first" }, "Not first");
    await moveRoutingRule({
      actor: t.admin,
      input: {
        id: (
          await rule(
            t,
            { keywords: ["service", "onderhoud"] },
            {
              departmentId: t.service.id,
              assign: { strategy: "round_robin", capacity: 5 },
              priority: "HIGH",
              labelId: label.id,
              autoReply: "Our service desk will answer in a minute.",
            },
            "Service",
          )
        ).id,
        direction: "up",
      },
    });
    const id = await arrive(t, "Mijn auto moet in onderhoud. Kan dat, ook voor de APK?");
    const decision = await routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" });
    expect(decision).toMatchObject({
      ruleName: "Service",
      departmentId: t.service.id,
      assigneeId: agent,
      priority: "HIGH",
      autoReplied: true,
    });
    const c = await conversation(id);
    expect(c).toMatchObject({ departmentId: t.service.id, assigneeId: agent, priority: "HIGH" });
    expect(c.labels.map((l) => l.labelId)).toEqual([label.id]);
    const bot = await ownerDb().message.findMany({ where: { conversationId: id, authorType: "BOT" } });
    expect(bot.map((m) => m.body)).toEqual(["Our service desk will answer in a minute."]);
    const activity = await ownerDb().conversationActivity.findMany({ where: { conversationId: id, action: "routed" } });
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ actorType: "SYSTEM", data: { ruleName: "Service", assigneeId: agent } });
  });

  it("routes a conversation once: a repeated job and the sweep find it claimed", async () => {
    const t = await tenant();
    await agents(t, 1);
    await rule(t, {}, { assign: { strategy: "round_robin", capacity: 5 } });
    const id = await arrive(t);
    const results = await Promise.all([
      routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" }),
      routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await routeUnroutedConversations(new Date(Date.now() + 60_000));
    expect(await ownerDb().conversationActivity.count({ where: { conversationId: id, action: "routed" } })).toBe(1);
  });

  it("the sweep routes what no job routed (Redis down at the time)", async () => {
    const t = await tenant();
    await agents(t, 1);
    await rule(t, {}, { priority: "URGENT" });
    const id = await arrive(t);
    const { routed } = await routeUnroutedConversations(new Date(Date.now() + 30_000));
    expect(routed).toBeGreaterThanOrEqual(1);
    expect((await conversation(id)).priority).toBe("URGENT");
  });

  it("matches channel, page, language, returning contact and vehicle; skips what does not hold", async () => {
    const t = await tenant();
    await rule(
      t,
      {
        pageContains: "/occasions/",
        languages: ["da"],
        hasVehicle: true,
        returningContact: false,
        channelTypes: ["WIDGET"],
      },
      { priority: "HIGH" },
      "Danish used cars",
    );
    const matched = await arrive(t, "Hej", {
      page: "https://dealer.test/occasions/volvo-xc60",
      locale: "da",
      vehicle: { vin: "YV1DZ8256C2271234", make: "Volvo" },
    });
    const other = await arrive(t, "Hej", {
      page: "https://dealer.test/occasions/volvo-xc60",
      locale: "nl",
      vehicle: { stockNumber: "A1" },
    });
    expect(
      (await routeConversation({ customerId: t.customer.id, conversationId: matched, trigger: "started" }))?.ruleName,
    ).toBe("Danish used cars");
    expect(
      (await routeConversation({ customerId: t.customer.id, conversationId: other, trigger: "started" }))?.ruleName,
    ).toBeNull();
    expect((await conversation(other)).priority).toBe("NORMAL");
  });
});

describe("assignment under concurrent arrivals", () => {
  it("round robin shares nine arrivals three, three, three", async () => {
    const t = await tenant();
    const ids = await agents(t, 3);
    await rule(t, {}, { assign: { strategy: "round_robin", capacity: 10 } });
    const conversations = await Promise.all(Array.from({ length: 9 }, (_, i) => arrive(t, `Hello ${i}`)));
    await Promise.all(
      conversations.map((id) =>
        routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" }),
      ),
    );
    const rows = await ownerDb().conversation.groupBy({
      by: ["assigneeId"],
      where: { id: { in: conversations } },
      _count: true,
    });
    expect(rows.map((r) => [r.assigneeId, r._count]).sort()).toEqual(ids.map((id) => [id, 3]).sort());
  });

  it("never gives an agent more than the capacity; the rest wait unassigned", async () => {
    const t = await tenant();
    const ids = await agents(t, 3);
    await rule(t, {}, { assign: { strategy: "least_busy", capacity: 2 } });
    const conversations = await Promise.all(Array.from({ length: 8 }, (_, i) => arrive(t, `Hi ${i}`)));
    await Promise.all(
      conversations.map((id) =>
        routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" }),
      ),
    );
    const rows = await ownerDb().conversation.groupBy({
      by: ["assigneeId"],
      where: { id: { in: conversations } },
      _count: true,
    });
    const counts = new Map(rows.map((r) => [r.assigneeId, r._count]));
    for (const id of ids) expect(counts.get(id)).toBe(2);
    expect(counts.get(null)).toBe(2);
  });

  it("least busy picks the agent with the fewest open conversations; offline agents get none", async () => {
    const t = await tenant();
    const [busy, free, away] = await agents(t, 3);
    await markAgentOffline(t.customer.id, away!);
    await rule(t, {}, { assign: { strategy: "least_busy", capacity: 10 } });
    const earlier = await arrive(t, "earlier");
    await ownerDb().conversation.update({ where: { id: earlier }, data: { assigneeId: busy, routedAt: new Date() } });
    const id = await arrive(t, "now");
    expect(
      (await routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" }))?.assigneeId,
    ).toBe(free);
  });

  it("only agents whose scope holds the department are in its pool", async () => {
    const t = await tenant();
    const [salesOnly, serviceOnly] = await agents(t, 2);
    const sales = await ownerDb().department.create({
      data: { customerId: t.customer.id, dealerId: t.dealer.id, name: "Sales" },
    });
    for (const [userId, departmentId] of [
      [salesOnly!, sales.id],
      [serviceOnly!, t.service.id],
    ] as const) {
      const m = await ownerDb().membership.findFirstOrThrow({ where: { userId } });
      await ownerDb().membershipDepartment.create({
        data: { customerId: t.customer.id, membershipId: m.id, departmentId },
      });
    }
    await rule(t, {}, { departmentId: t.service.id, assign: { strategy: "round_robin", capacity: 10 } });
    const id = await arrive(t);
    expect(
      (await routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" }))?.assigneeId,
    ).toBe(serviceOnly);
  });
});

describe("business hours", () => {
  it("outside hours the conversation waits for the next opening; a 'closed' rule applies", async () => {
    const t = await tenant();
    const id = await arrive(t);
    await saveBusinessHours({
      actor: t.admin,
      input: {
        dealerId: t.dealer.id,
        timeZone: "Europe/Copenhagen",
        businessHours: { mon: [["09:00", "17:00"]] },
        holidays: [{ date: "2026-12-07", name: "Closed for stock-take" }],
        awayMessage: "We are closed; we answer on Monday.",
      },
    });
    await rule(t, { hours: "closed" }, { priority: "LOW" }, "After hours");
    // Sunday 6 December 2026, 12:00 UTC; Monday the 7th is a holiday: next opening Monday the 14th, 09:00 CET.
    const decision = await routeConversation({
      customerId: t.customer.id,
      conversationId: id,
      trigger: "started",
      now: new Date("2026-12-06T12:00:00Z"),
    });
    expect(decision).toMatchObject({ ruleName: "After hours", priority: "LOW" });
    expect(decision?.waitingUntil?.toISOString()).toBe("2026-12-14T08:00:00.000Z");
    expect((await conversation(id)).waitingUntil?.toISOString()).toBe("2026-12-14T08:00:00.000Z");
    // The website chat's offline form already told the visitor: no away message there.
    expect(decision?.awayReplied).toBe(false);
  });

  it("answers with the away message on other channels (here the API channel), once", async () => {
    const t = await tenant();
    const api = await ownerDb().channel.create({
      data: {
        customerId: t.customer.id,
        dealerId: t.dealer.id,
        type: "API",
        name: "OEM app",
        publicKey: `api-${crypto.randomUUID()}`,
      },
    });
    const contact = await ownerDb().contact.create({ data: { customerId: t.customer.id, name: "App user" } });
    const c = await ownerDb().conversation.create({
      data: { customerId: t.customer.id, dealerId: t.dealer.id, channelId: api.id, contactId: contact.id },
    });
    await ownerDb().message.create({
      data: {
        customerId: t.customer.id,
        conversationId: c.id,
        seq: 1,
        clientId: "app-1",
        authorType: "CONTACT",
        kind: "TEXT",
        body: "Hello?",
      },
    });
    await ownerDb().conversation.update({ where: { id: c.id }, data: { lastSeq: 1 } });
    await saveBusinessHours({
      actor: t.admin,
      input: {
        dealerId: t.dealer.id,
        timeZone: "Europe/Berlin",
        businessHours: { sat: [["10:00", "14:00"]] },
        holidays: [],
        awayMessage: "Wir sind gerade geschlossen.",
      },
    });
    const now = new Date("2026-12-07T10:00:00Z"); // a Monday: closed
    const decision = await routeConversation({
      customerId: t.customer.id,
      conversationId: c.id,
      trigger: "started",
      now,
    });
    expect(decision).toMatchObject({ awayReplied: true });
    expect(decision?.waitingUntil?.toISOString()).toBe("2026-12-12T09:00:00.000Z");
    await routeConversation({ customerId: t.customer.id, conversationId: c.id, trigger: "started", now });
    const bot = await ownerDb().message.findMany({ where: { conversationId: c.id, authorType: "BOT" } });
    expect(bot.map((m) => [m.body, (m.data as { source?: string }).source])).toEqual([
      ["Wir sind gerade geschlossen.", "away"],
    ]);
  });

  it("refuses an unknown time zone and hours that close before they open", async () => {
    const t = await tenant();
    const base = { dealerId: t.dealer.id, businessHours: {}, holidays: [], awayMessage: null };
    await expect(saveBusinessHours({ actor: t.admin, input: { ...base, timeZone: "Mars/Olympus" } })).rejects.toThrow(
      /time zone/,
    );
    await expect(
      saveBusinessHours({
        actor: t.admin,
        input: { ...base, timeZone: "UTC", businessHours: { mon: [["17:00", "09:00"]] } },
      }),
    ).rejects.toThrow(/before its closing/);
  });
});

describe("transfers", () => {
  it("a transfer to a department without a colleague assigns within that department", async () => {
    const t = await tenant();
    const [serviceAgent] = await agents(t, 1);
    const m = await ownerDb().membership.findFirstOrThrow({ where: { userId: serviceAgent } });
    await ownerDb().membershipDepartment.create({
      data: { customerId: t.customer.id, membershipId: m.id, departmentId: t.service.id },
    });
    await rule(
      t,
      { departmentIds: [t.service.id] },
      { assign: { strategy: "round_robin", capacity: 5 }, autoReply: "not on a transfer" },
    );
    const id = await arrive(t);
    expect(
      (await routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" }))?.ruleId,
    ).toBeNull();
    await ownerDb().conversation.update({ where: { id }, data: { departmentId: t.service.id } });
    const decision = await routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "transferred" });
    expect(decision).toMatchObject({ assigneeId: serviceAgent, autoReplied: false });
    expect(await ownerDb().message.count({ where: { conversationId: id, authorType: "BOT" } })).toBe(0);
  });
});

describe("isolation", () => {
  it("a rule cannot name another dealer's department or another tenant's label, nor be changed from another tenant", async () => {
    const t = await tenant();
    const other = await tenant("Routing other");
    const foreignLabel = await ownerDb().label.create({ data: { customerId: other.customer.id, name: "Theirs" } });
    await expect(rule(t, {}, { departmentId: other.service.id })).rejects.toThrow(/department/);
    await expect(rule(t, {}, { labelId: foreignLabel.id })).rejects.toThrow(/label/);
    const mine = await rule(t, {}, { priority: "HIGH" });
    await expect(deleteRoutingRule({ actor: other.admin, input: { id: mine.id } })).rejects.toThrow();
    expect(await ownerDb().routingRule.count({ where: { id: mine.id } })).toBe(1);
  });

  it("a dealer-scoped admin cannot add rules to another dealer of the same customer", async () => {
    const t = await tenant();
    const second = await ownerDb().dealer.create({ data: { customerId: t.customer.id, name: "Second dealer" } });
    const scoped = testMemberPrincipal(t.admin.userId, t.customer.id, "ADMIN", { dealerIds: [t.dealer.id] });
    await expect(
      saveRoutingRule({
        actor: scoped,
        input: { dealerId: second.id, name: "x", conditions: {}, actions: { priority: "LOW" } },
      }),
    ).rejects.toThrow(/not found/i);
  });
});
