import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApiKey, createTestConversation } from "@forecourt/core/api-keys/test-api-key";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN } from "@forecourt/core/chat/test-helpers";
import { redis } from "@forecourt/core/infra/redis";
import {
  ZApiChannelPage,
  ZApiContact,
  ZApiContactPage,
  ZApiConversationDetail,
  ZApiConversationPage,
  ZApiCreatedConversation,
  ZApiDailyStats,
  ZApiDealerPage,
  ZApiDepartmentPage,
  ZApiLeadPage,
  ZApiUserPage,
} from "@forecourt/protocol/api";
import { createTestUser, ownerDb } from "@forecourt/testing";
import type { TApiEndpoint, TApiRawInput } from "./endpoint";
import {
  createContactEndpoint,
  getContactEndpoint,
  searchContactsEndpoint,
  updateContactEndpoint,
} from "./endpoints/contacts";
import {
  assignConversationEndpoint,
  closeConversationEndpoint,
  reopenConversationEndpoint,
  transferConversationEndpoint,
} from "./endpoints/conversation-actions";
import {
  createConversationEndpoint,
  getConversationEndpoint,
  listConversationsEndpoint,
} from "./endpoints/conversations";
import {
  listChannelsEndpoint,
  listDealersEndpoint,
  listDepartmentsEndpoint,
  listUsersEndpoint,
} from "./endpoints/directory";
import { listLeadsEndpoint } from "./endpoints/leads";
import { dailyStatsEndpoint } from "./endpoints/stats";

/*
 * The /api/v1 resources beyond messages, with real keys on real PostgreSQL and Redis: what each
 * endpoint answers, what it writes, and its refusals (4xx with the envelope, never 500).
 * Isolation between tenants and dealers is api-isolation.integration.test.ts.
 */

type TTenant = Awaited<ReturnType<typeof createChatTenant>>;
let a: TTenant;
let token: string;
const ip = () => ({ ip: `10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

/** Calls an endpoint with the tenant's key; a fresh key per describe keeps under the per-key rate limit. */
async function call(endpoint: TApiEndpoint, raw: TApiRawInput = {}, key = token) {
  return endpoint.handle(key, raw, ip());
}

function ok<T>(result: Awaited<ReturnType<typeof call>>, schema: { parse: (v: unknown) => T }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return schema.parse(result.ok ? result.data : null);
}

beforeAll(async () => {
  a = await createChatTenant("ApiRes");
  token = (await createTestApiKey(a.customer.id)).token;
});

afterAll(async () => {
  await redis().quit();
});

describe("conversations", () => {
  it("pages through rows with the same lastMessageAt without losing or repeating one", async () => {
    const t = await createChatTenant("ApiTie");
    const key = (await createTestApiKey(t.customer.id)).token;
    const at = new Date("2026-11-20T10:00:00.000Z");
    for (let i = 0; i < 5; i++) {
      const { conversation } = await createTestConversation({
        customerId: t.customer.id,
        dealerId: t.dealer.id,
        channelId: t.channel.id,
      });
      await ownerDb().conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: at } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5 && (page === 0 || cursor); page++) {
      const result = await call(
        listConversationsEndpoint,
        { query: { limit: "2", ...(cursor ? { cursor } : {}) } },
        key,
      );
      const body = ok(result, ZApiConversationPage);
      seen.push(...body.data.map((c) => c.id));
      cursor = body.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("gets one with its contact, vehicles and dealer; a malformed id is 400, an unknown one 404", async () => {
    const { conversation, contact } = await createTestConversation({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      channelId: a.channel.id,
      contactName: "Vera Vehicle",
    });
    await ownerDb().vehicle.create({
      data: {
        customerId: a.customer.id,
        contactId: contact.id,
        vin: "WVWZZZ1JZXW000002",
        motDate: new Date("2027-03-01"),
      },
    });
    const detail = ok(
      await call(getConversationEndpoint, { params: { conversationId: conversation.id } }),
      ZApiConversationDetail,
    );
    expect(detail).toMatchObject({
      id: conversation.id,
      status: "OPEN",
      channelType: "WIDGET",
      dealer: { id: a.dealer.id, name: a.dealer.name },
      contact: {
        id: contact.id,
        name: "Vera Vehicle",
        vehicles: [{ vin: "WVWZZZ1JZXW000002", motDate: "2027-03-01" }],
      },
    });
    expect(await call(getConversationEndpoint, { params: { conversationId: "nope" } })).toMatchObject({
      httpStatus: 400,
    });
    expect(await call(getConversationEndpoint, { params: { conversationId: crypto.randomUUID() } })).toMatchObject({
      httpStatus: 404,
      error: "not_found",
    });
  });

  it("opens a conversation for a contact once, and one with a new contact and its legal basis", async () => {
    const contact = await ownerDb().contact.create({ data: { customerId: a.customer.id, name: "Crm Carla" } });
    const body = { channelId: a.channel.id, contactId: contact.id };
    const first = ok(await call(createConversationEndpoint, { body }), ZApiCreatedConversation);
    expect(first).toMatchObject({ created: true, conversation: { status: "OPEN", contact: { id: contact.id } } });
    const again = ok(await call(createConversationEndpoint, { body }), ZApiCreatedConversation);
    expect(again).toMatchObject({ created: false, conversation: { id: first.conversation.id } });

    const inline = ok(
      await call(createConversationEndpoint, {
        body: {
          channelId: a.channel.id,
          contact: {
            name: "New Nina",
            phone: "+31 6 1234 5678",
            legalBasis: "CONTRACT",
            vehicles: [{ plate: "XX-11-YY" }],
          },
        },
      }),
      ZApiCreatedConversation,
    );
    expect(inline.conversation.contact).toMatchObject({
      name: "New Nina",
      legalBasis: "CONTRACT",
      legalBasisNote: 'Recorded by the API key "Test integration"',
      vehicles: [{ plate: "XX-11-YY" }],
    });
    expect(inline.conversation.contact?.legalBasisRecordedAt).toBeTruthy();
    const audit = await ownerDb().auditEvent.findFirst({
      where: { customerId: a.customer.id, action: "conversation.created", targetId: inline.conversation.id },
    });
    expect(audit?.data).toMatchObject({ apiKeyId: expect.any(String) });
  });

  it("refuses a create without a contact, with both, without a legal basis, or on a switched-off channel", async () => {
    const contact = await ownerDb().contact.create({ data: { customerId: a.customer.id, name: "Both" } });
    for (const body of [
      { channelId: a.channel.id },
      { channelId: a.channel.id, contactId: contact.id, contact: { name: "X", legalBasis: "CONSENT" } },
      { channelId: a.channel.id, contact: { name: "No basis" } },
    ]) {
      expect(await call(createConversationEndpoint, { body }), JSON.stringify(body)).toMatchObject({ httpStatus: 400 });
    }
    const off = await ownerDb().channel.create({
      data: { ...a.channel, id: undefined, publicKey: `${a.channel.publicKey}-off`, status: "DISABLED", config: {} },
    });
    expect(
      await call(createConversationEndpoint, { body: { channelId: off.id, contactId: contact.id } }),
    ).toMatchObject({ httpStatus: 422, error: "channel_disabled" });
    expect(await ownerDb().conversation.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("assigns, transfers, closes and reopens, answering with the conversation as it is now", async () => {
    const { conversation } = await createTestConversation({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      channelId: a.channel.id,
    });
    const params = { conversationId: conversation.id };
    const department = await ownerDb().department.create({
      data: { customerId: a.customer.id, dealerId: a.dealer.id, name: `Service ${crypto.randomUUID()}` },
    });
    const assigned = ok(
      await call(assignConversationEndpoint, { params, body: { assigneeId: a.user.id } }),
      ZApiConversationDetail,
    );
    expect(assigned.assigneeId).toBe(a.user.id);
    const mine = ok(await call(listConversationsEndpoint, { query: { assigneeId: a.user.id } }), ZApiConversationPage);
    expect(mine.data.map((c) => c.id)).toEqual([conversation.id]);
    const stranger = await createTestUser({ customerId: (await createChatTenant("ApiStr")).customer.id });
    expect(await call(assignConversationEndpoint, { params, body: { assigneeId: stranger.user.id } })).toMatchObject({
      httpStatus: 400,
    });
    const moved = ok(
      await call(transferConversationEndpoint, { params, body: { departmentId: department.id, assigneeId: null } }),
      ZApiConversationDetail,
    );
    expect(moved).toMatchObject({ department: { id: department.id }, assigneeId: null });
    expect(await call(transferConversationEndpoint, { params, body: {} })).toMatchObject({ httpStatus: 400 });
    expect(ok(await call(closeConversationEndpoint, { params }), ZApiConversationDetail).status).toBe("CLOSED");
    expect(ok(await call(reopenConversationEndpoint, { params }), ZApiConversationDetail).status).toBe("OPEN");
    const actions = await ownerDb().auditEvent.findMany({
      where: { targetId: conversation.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorUserId: true },
    });
    expect(actions.map((e) => e.action)).toEqual([
      "conversation.assigned",
      "conversation.assigned",
      "conversation.close",
      "conversation.reopen",
    ]);
    expect(actions.every((e) => e.actorUserId === null)).toBe(true);
  });
});

describe("contacts", () => {
  let key: string;
  beforeAll(async () => {
    key = (await createTestApiKey(a.customer.id)).token;
  });

  it("creates with the legal basis and vehicles, finds, pages, gets and updates", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const created = ok(
      await call(
        createContactEndpoint,
        {
          body: {
            name: `Paula ${tag}`,
            email: `Paula.${tag}@Example.com`,
            legalBasis: "CONSENT",
            legalBasisNote: "Test-drive form, signed",
            vehicles: [{ vin: "wvwzzz1jzxw000003", make: "VW" }],
          },
        },
        key,
      ),
      ZApiContact,
    );
    expect(created).toMatchObject({
      email: `paula.${tag}@example.com`,
      legalBasis: "CONSENT",
      legalBasisNote: "Test-drive form, signed",
      vehicles: [{ vin: "WVWZZZ1JZXW000003", make: "VW" }],
      identities: [],
      conversations: [],
    });
    await call(createContactEndpoint, { body: { name: `Piet ${tag}`, legalBasis: "CONTRACT" } }, key);

    const page1 = ok(await call(searchContactsEndpoint, { query: { q: tag, limit: "1" } }, key), ZApiContactPage);
    expect(page1.data).toHaveLength(1);
    const page2 = ok(
      await call(searchContactsEndpoint, { query: { q: tag, limit: "1", cursor: page1.nextCursor! } }, key),
      ZApiContactPage,
    );
    expect(page2.nextCursor).toBeNull();
    expect([...page1.data, ...page2.data].map((c) => c.name).sort()).toEqual([`Paula ${tag}`, `Piet ${tag}`]);

    const updated = ok(
      await call(
        updateContactEndpoint,
        { params: { contactId: created.id }, body: { phone: "+44 20 7946 0000", legalBasis: "CONTRACT" } },
        key,
      ),
      ZApiContact,
    );
    expect(updated).toMatchObject({ name: `Paula ${tag}`, phone: "+44 20 7946 0000", legalBasis: "CONTRACT" });
    const got = ok(await call(getContactEndpoint, { params: { contactId: created.id } }, key), ZApiContact);
    expect(got).toEqual(updated);
    const audit = await ownerDb().auditEvent.findMany({ where: { targetId: created.id }, select: { action: true } });
    expect(audit.map((e) => e.action).sort()).toEqual(["contact.created", "contact.updated"]);
  });

  it("shows channel identities, refuses bad input with 400, and keeps bare contacts from dealer-scoped keys", async () => {
    const started = await startVisitorConversation({
      input: { key: a.channel.publicKey, origin: TEST_ORIGIN, name: "Widget Wim", consent: true },
    });
    const got = ok(await call(getContactEndpoint, { params: { contactId: started.contactId } }, key), ZApiContact);
    expect(got.identities).toMatchObject([{ channelType: "WIDGET" }]);
    expect(got.conversations).toMatchObject([{ id: started.conversationId, dealerId: a.dealer.id }]);

    for (const body of [
      { name: "No basis" },
      { legalBasis: "CONSENT" },
      { name: "x", legalBasis: "CONSENT", email: "nope" },
    ]) {
      expect(await call(createContactEndpoint, { body }, key), JSON.stringify(body)).toMatchObject({ httpStatus: 400 });
    }
    const scoped = (await createTestApiKey(a.customer.id, { dealerIds: [a.dealer.id] })).token;
    expect(
      await call(createContactEndpoint, { body: { name: "Scoped", legalBasis: "CONSENT" } }, scoped),
    ).toMatchObject({ httpStatus: 422, error: "dealer_scoped_contact" });
    expect(
      await call(updateContactEndpoint, { params: { contactId: crypto.randomUUID() }, body: { name: "Ghost" } }, key),
    ).toMatchObject({ httpStatus: 404 });
  });
});

describe("directory", () => {
  it("lists dealers, departments, teammates and channels without secrets, in pages", async () => {
    const key = (await createTestApiKey(a.customer.id)).token;
    const dealers = ok(await call(listDealersEndpoint, {}, key), ZApiDealerPage);
    expect(dealers.data.map((d) => d.id)).toContain(a.dealer.id);
    const department = await ownerDb().department.create({
      data: { customerId: a.customer.id, dealerId: a.dealer.id, name: `Parts ${crypto.randomUUID()}`, kind: "PARTS" },
    });
    const departments = ok(
      await call(listDepartmentsEndpoint, { query: { dealerId: a.dealer.id } }, key),
      ZApiDepartmentPage,
    );
    expect(departments.data).toContainEqual({
      id: department.id,
      dealerId: a.dealer.id,
      name: department.name,
      kind: "PARTS",
    });

    const users = await call(listUsersEndpoint, {}, key);
    const userPage = ok(users, ZApiUserPage);
    expect(userPage.data).toContainEqual(
      expect.objectContaining({ id: a.user.id, email: a.user.email, role: "AGENT", dealerIds: [] }),
    );
    // Only the declared fields leave: no hash, no two-factor seed, no sessions.
    expect(Object.keys((users.ok && (users.data as { data: object[] }).data[0]) || {}).sort()).toEqual([
      "dealerIds",
      "departmentIds",
      "email",
      "id",
      "name",
      "role",
      "status",
    ]);
    expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash|totp/i);

    const channels = await call(listChannelsEndpoint, { query: { limit: "1" } }, key);
    const channelPage = ok(channels, ZApiChannelPage);
    expect(channelPage.data).toHaveLength(1);
    expect(JSON.stringify(channels)).not.toContain("publicKey");
    expect(JSON.stringify(channels)).not.toContain("allowedOrigins");
  });
});

describe("leads and statistics", () => {
  it("lists pre-chat and offline form submissions with their answers, newest first", async () => {
    const t = await createChatTenant("ApiLead");
    const key = (await createTestApiKey(t.customer.id)).token;
    const department = await ownerDb().department.create({
      data: { customerId: t.customer.id, dealerId: t.dealer.id, name: "Sales" },
    });
    const first = await startVisitorConversation({
      input: {
        key: t.channel.publicKey,
        origin: TEST_ORIGIN,
        name: "Lena Lead",
        email: "lena@example.com",
        consent: true,
        departmentId: department.id,
      },
    });
    // Not a lead: a conversation on another kind of channel.
    const sms = await ownerDb().channel.create({
      data: {
        customerId: t.customer.id,
        dealerId: t.dealer.id,
        type: "TWILIO_SMS",
        name: "SMS",
        publicKey: `sms-${crypto.randomUUID()}`,
      },
    });
    await createTestConversation({ customerId: t.customer.id, dealerId: t.dealer.id, channelId: sms.id });
    // Closed all day today (open only on another weekday): the widget offers the offline form.
    const weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    const today = new Date().toLocaleDateString("en-GB", { weekday: "short", timeZone: t.dealer.timeZone });
    const other = weekdays[(weekdays.indexOf(today.slice(0, 3).toLowerCase()) + 3) % 7]!;
    await ownerDb().dealer.update({
      where: { id: t.dealer.id },
      data: { businessHours: { [other]: [["09:00", "17:00"]] } },
    });
    const second = await startVisitorConversation({
      input: {
        key: t.channel.publicKey,
        origin: TEST_ORIGIN,
        name: "Otto Offline",
        consent: true,
        offlineMessage: "Please call me about the Golf",
      },
    });
    await ownerDb().conversation.update({
      where: { id: second.conversationId },
      data: { createdAt: new Date(Date.now() + 1000) },
    });

    const page1 = ok(await call(listLeadsEndpoint, { query: { limit: "1" } }, key), ZApiLeadPage);
    expect(page1.data).toMatchObject([
      {
        conversationId: second.conversationId,
        source: "offline",
        answers: { name: "Otto Offline", message: "Please call me about the Golf" },
      },
    ]);
    const page2 = ok(
      await call(listLeadsEndpoint, { query: { limit: "1", cursor: page1.nextCursor! } }, key),
      ZApiLeadPage,
    );
    expect(page2).toMatchObject({
      nextCursor: null,
      data: [
        {
          conversationId: first.conversationId,
          source: "pre_chat",
          dealer: { id: t.dealer.id },
          department: { id: department.id, name: "Sales" },
          contact: { id: first.contactId, name: "Lena Lead", email: "lena@example.com" },
          answers: { name: "Lena Lead", email: "lena@example.com", department: "Sales" },
        },
      ],
    });
  });

  it("answers the daily rows of a range and dealer, and refuses a reversed or too long range", async () => {
    const t = await createChatTenant("ApiStats");
    const key = (await createTestApiKey(t.customer.id)).token;
    for (const [day, started] of [
      ["2026-10-31", 1],
      ["2026-11-01", 2],
      ["2026-11-02", 3],
    ] as const) {
      await ownerDb().dailyStat.create({
        data: {
          customerId: t.customer.id,
          dealerId: t.dealer.id,
          channelType: "WIDGET",
          day: new Date(day),
          conversationsStarted: started,
          firstResponseSecondsSum: 90n,
          firstResponseCount: started,
        },
      });
    }
    const stats = ok(
      await call(dailyStatsEndpoint, { query: { from: "2026-11-01", to: "2026-11-02", dealerId: t.dealer.id } }, key),
      ZApiDailyStats,
    );
    expect(stats.data).toEqual([
      expect.objectContaining({
        day: "2026-11-01",
        conversationsStarted: 2,
        avgFirstResponseSeconds: 45,
        channelType: "WIDGET",
      }),
      expect.objectContaining({ day: "2026-11-02", conversationsStarted: 3, avgFirstResponseSeconds: 30 }),
    ]);
    for (const query of [
      { from: "2026-11-02", to: "2026-11-01" },
      { from: "2025-01-01", to: "2026-11-01" },
      { from: "yesterday", to: "2026-11-01" },
    ]) {
      expect(await call(dailyStatsEndpoint, { query }, key), JSON.stringify(query)).toMatchObject({ httpStatus: 400 });
    }
  });
});

describe("through the route files (Request in, Response out)", () => {
  it("PATCHes a contact with a JSON body and replays a close by Idempotency-Key", async () => {
    const contactRoute = await import("@/app/api/v1/contacts/[contactId]/route");
    const closeRoute = await import("@/app/api/v1/conversations/[conversationId]/close/route");
    const key = (await createTestApiKey(a.customer.id)).token;
    const { conversation, contact } = await createTestConversation({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      channelId: a.channel.id,
    });
    const headers = {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      ...{ "x-forwarded-for": ip().ip },
    };
    const patched = await contactRoute.PATCH(
      new Request(`http://forecourt.test/api/v1/contacts/${contact.id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ email: "Route@Example.com" }),
      }),
      { params: Promise.resolve({ contactId: contact.id }) },
    );
    expect(patched.status).toBe(200);
    expect(ZApiContact.parse(await patched.json())).toMatchObject({ id: contact.id, email: "route@example.com" });

    const close = () =>
      closeRoute.POST(
        new Request(`http://forecourt.test/api/v1/conversations/${conversation.id}/close`, {
          method: "POST",
          headers: { ...headers, "idempotency-key": `close-${conversation.id}` },
        }),
        { params: Promise.resolve({ conversationId: conversation.id }) },
      );
    const first = await close();
    expect(first.status).toBe(200);
    expect(ZApiConversationDetail.parse(await first.json()).status).toBe("CLOSED");
    const again = await close();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(
      await ownerDb().auditEvent.count({ where: { targetId: conversation.id, action: "conversation.close" } }),
    ).toBe(1);

    const unauthenticated = await closeRoute.POST(
      new Request(`http://forecourt.test/api/v1/conversations/${conversation.id}/close`, { method: "POST" }),
      { params: Promise.resolve({ conversationId: conversation.id }) },
    );
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ code: "unauthenticated" });
  });
});
