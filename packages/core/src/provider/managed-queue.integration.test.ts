import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { createChatTenant } from "../chat/test-helpers";
import { testUserPrincipal } from "../test-principals";
import { getManagedConversation } from "./get-managed-conversation";
import { listManagedQueue } from "./list-managed-queue";
import { sendManagedReply } from "./send-managed-reply";
import { setManagedService } from "../contract/set-managed-service";

// A Wednesday: 13:00 in Amsterdam (CET), inside the dealers' hours (weekdays 09:00–17:00).
const NOW = new Date("2026-03-04T12:00:00Z");
const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - minutes * 60_000);
const HOURS = {
  mon: [["09:00", "17:00"]],
  tue: [["09:00", "17:00"]],
  wed: [["09:00", "17:00"]],
  thu: [["09:00", "17:00"]],
  fri: [["09:00", "17:00"]],
};

type TTenant = Awaited<ReturnType<typeof createChatTenant>>;

/** A conversation whose first contact message was written at `at`; `reply`: an agent answered it. */
async function conversation(t: TTenant, name: string, at: Date, extra: { reply?: boolean; closed?: boolean } = {}) {
  const contact = await ownerDb().contact.create({ data: { customerId: t.customer.id, name } });
  const c = await ownerDb().conversation.create({
    data: {
      customerId: t.customer.id,
      dealerId: t.dealer.id,
      channelId: t.channel.id,
      contactId: contact.id,
      status: extra.closed ? "CLOSED" : "OPEN",
      lastSeq: extra.reply ? 2 : 1,
      createdAt: at,
      lastMessageAt: at,
    },
  });
  await ownerDb().message.create({
    data: {
      customerId: t.customer.id,
      conversationId: c.id,
      seq: 1,
      clientId: `c-${c.id}`,
      authorType: "CONTACT",
      kind: "TEXT",
      body: "Is the car still available?",
      createdAt: at,
    },
  });
  if (extra.reply) {
    await ownerDb().message.create({
      data: {
        customerId: t.customer.id,
        conversationId: c.id,
        seq: 2,
        clientId: `a-${c.id}`,
        authorType: "AGENT",
        authorUserId: t.user.id,
        kind: "TEXT",
        body: "Yes it is",
        createdAt: minutesBefore(NOW, 1),
      },
    });
  }
  return c.id;
}

let plus: TTenant;
let standard: TTenant;
type TKey = "waiting" | "fresh" | "answered" | "closed" | "night" | "standardWaiting" | "standardNight";
let ids: Record<TKey, string>;
let managed: ReturnType<typeof testUserPrincipal>;
let support: ReturnType<typeof testUserPrincipal>;

beforeAll(async () => {
  plus = await createChatTenant("Plus");
  standard = await createChatTenant("Standard");
  await ownerDb().customer.update({ where: { id: plus.customer.id }, data: { tier: "PLUS" } });
  for (const t of [plus, standard]) {
    await ownerDb().dealer.update({
      where: { id: t.dealer.id },
      data: { businessHours: HOURS, timeZone: "Europe/Amsterdam" },
    });
  }
  await ownerDb().subscription.create({
    data: {
      customerId: plus.customer.id,
      tier: "PLUS",
      contractDate: new Date("2026-01-01"),
      initialTermMonths: 12,
      monthlyFee: "99.00",
      status: "ACTIVE",
      managedAfterMinutes: 10,
    },
  });
  ids = {
    waiting: await conversation(plus, "Waiting Plus", minutesBefore(NOW, 12)),
    fresh: await conversation(plus, "Fresh Plus", minutesBefore(NOW, 3)),
    answered: await conversation(plus, "Answered Plus", minutesBefore(NOW, 30), { reply: true }),
    closed: await conversation(plus, "Closed Plus", minutesBefore(NOW, 30), { closed: true }),
    // 06:00 in Amsterdam: the dealer was closed.
    night: await conversation(plus, "Night Plus", new Date("2026-03-04T05:00:00Z")),
    standardWaiting: await conversation(standard, "Waiting Standard", minutesBefore(NOW, 30)),
    standardNight: await conversation(standard, "Night Standard", new Date("2026-03-04T05:00:00Z")),
  };
  managed = testUserPrincipal((await createTestUser({ providerRole: "MANAGED_AGENT" })).user.id, {
    providerRole: "MANAGED_AGENT",
    twoFactorPassed: true,
    name: "Mara Managed",
  });
  support = testUserPrincipal((await createTestUser({ providerRole: "SUPPORT" })).user.id, {
    providerRole: "SUPPORT",
    twoFactorPassed: true,
  });
});

const mine = (items: Awaited<ReturnType<typeof listManagedQueue>>) =>
  items.filter((i) => i.customerId === plus.customer.id || i.customerId === standard.customer.id);

describe("managed-agent queue (Plus tier)", () => {
  it("lists the Plus customer's unanswered conversations past N minutes or from closed hours, oldest first", async () => {
    const items = mine(await listManagedQueue({ actor: managed, now: NOW }));
    expect(items.map((i) => i.conversationId)).toEqual([ids.night, ids.waiting]);
    const [night, waiting] = items;
    expect(night).toMatchObject({
      reasons: ["outside_hours", "unanswered"],
      contactName: "Night Plus",
      channelType: "WIDGET",
    });
    expect(waiting).toMatchObject({
      customerName: plus.customer.name,
      dealerName: plus.dealer.name,
      reasons: ["unanswered"],
      waitingSeconds: 12 * 60,
      managedAfterMinutes: 10,
    });
  });

  it("never lists a Standard customer, an answered, a closed or a too-recent conversation", async () => {
    const listed = mine(await listManagedQueue({ actor: managed, now: NOW })).map((i) => i.conversationId);
    for (const key of ["fresh", "answered", "closed", "standardWaiting", "standardNight"] as const) {
      expect(listed, key).not.toContain(ids[key]);
    }
  });

  it("takes a conversation from closed hours at once, and a fresh one only after the order form's minutes", async () => {
    const twoMinutesLater = new Date("2026-03-04T05:02:00Z");
    const early = mine(await listManagedQueue({ actor: managed, now: twoMinutesLater }));
    expect(early.map((i) => [i.conversationId, i.reasons])).toEqual([[ids.night, ["outside_hours"]]]);
    const justBefore = mine(await listManagedQueue({ actor: managed, now: minutesBefore(NOW, 3) }));
    expect(justBefore.map((i) => i.conversationId)).not.toContain(ids.waiting);
    expect(
      mine(await listManagedQueue({ actor: managed, now: new Date(NOW.getTime() + 7 * 60_000) })).map(
        (i) => i.conversationId,
      ),
    ).toContain(ids.fresh);
  });

  it("skips closed hours when the order form says so", async () => {
    await ownerDb().subscription.updateMany({
      where: { customerId: plus.customer.id },
      data: { managedOutsideHours: false },
    });
    try {
      const early = mine(await listManagedQueue({ actor: managed, now: new Date("2026-03-04T05:02:00Z") }));
      expect(early).toEqual([]);
    } finally {
      await ownerDb().subscription.updateMany({
        where: { customerId: plus.customer.id },
        data: { managedOutsideHours: true },
      });
    }
  });

  it("is for managed agents and provider support in a two-factor session only", async () => {
    await expect(listManagedQueue({ actor: { ...managed, twoFactorPassed: false }, now: NOW })).rejects.toMatchObject({
      code: "two_factor_required",
    });
    await expect(listManagedQueue({ actor: plus.agent, now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    expect(mine(await listManagedQueue({ actor: support, now: NOW })).length).toBe(2);
  });

  it("a managed agent's reply is stored as MANAGED_AGENT and takes the conversation out of the queue", async () => {
    const view = await getManagedConversation({ actor: managed, conversationId: ids.waiting });
    expect(view).toMatchObject({ customerName: plus.customer.name, mayReply: true });
    expect(view.messages.map((m) => m.body)).toEqual(["Is the car still available?"]);
    const sent = await sendManagedReply({
      actor: managed,
      input: {
        conversationId: ids.waiting,
        clientId: "managed-reply-1",
        body: "Yes, it is. Shall we book a test drive?",
      },
    });
    expect(sent.event).toMatchObject({ authorType: "MANAGED_AGENT", author: { name: "Mara Managed" }, seq: 2 });
    const again = await sendManagedReply({
      actor: managed,
      input: {
        conversationId: ids.waiting,
        clientId: "managed-reply-1",
        body: "Yes, it is. Shall we book a test drive?",
      },
    });
    expect(again).toMatchObject({ id: sent.id, duplicate: true });
    const row = await ownerDb().message.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({
      authorType: "MANAGED_AGENT",
      authorUserId: managed.userId,
      customerId: plus.customer.id,
    });
    const listed = mine(await listManagedQueue({ actor: managed, now: NOW })).map((i) => i.conversationId);
    expect(listed).not.toContain(ids.waiting);
  });

  it("refuses a Standard customer's conversation as not found, and replies by provider support", async () => {
    await expect(getManagedConversation({ actor: managed, conversationId: ids.standardWaiting })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
    await expect(
      sendManagedReply({
        actor: managed,
        input: { conversationId: ids.standardWaiting, clientId: "managed-reply-2", body: "Hi" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      sendManagedReply({
        actor: support,
        input: { conversationId: ids.night, clientId: "support-reply-1", body: "Hi" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(
      await ownerDb().message.count({
        where: { conversationId: { in: [ids.standardWaiting, ids.night] }, seq: { gt: 1 } },
      }),
    ).toBe(0);
    expect((await getManagedConversation({ actor: support, conversationId: ids.night })).mayReply).toBe(false);
  });

  it("provider support changes the order form's managed service; bad minutes and Standard forms are refused", async () => {
    const sub = await ownerDb().subscription.findFirstOrThrow({ where: { customerId: plus.customer.id } });
    const saved = await setManagedService({
      actor: support,
      customerId: plus.customer.id,
      input: { subscriptionId: sub.id, managedAfterMinutes: "15", managedOutsideHours: "false" },
    });
    expect(saved).toMatchObject({ managedAfterMinutes: 15, managedOutsideHours: false });
    expect(
      await ownerDb().auditEvent.count({ where: { targetId: sub.id, action: "subscription.managed_service_changed" } }),
    ).toBe(1);
    await expect(
      setManagedService({
        actor: support,
        customerId: plus.customer.id,
        input: { subscriptionId: sub.id, managedAfterMinutes: "0" },
      }),
    ).rejects.toThrow(/At least 1 minute/);
    await expect(
      setManagedService({
        actor: managed,
        customerId: plus.customer.id,
        input: { subscriptionId: sub.id, managedAfterMinutes: "3" },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const std = await ownerDb().subscription.create({
      data: {
        customerId: standard.customer.id,
        contractDate: new Date("2026-01-01"),
        initialTermMonths: 12,
        monthlyFee: "49.00",
      },
    });
    await expect(
      setManagedService({
        actor: support,
        customerId: standard.customer.id,
        input: { subscriptionId: std.id, managedAfterMinutes: "3" },
      }),
    ).rejects.toMatchObject({ code: "not_plus" });
    await ownerDb().subscription.update({
      where: { id: sub.id },
      data: { managedAfterMinutes: 10, managedOutsideHours: true },
    });
  });
});
