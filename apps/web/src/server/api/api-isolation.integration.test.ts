/**
 * The isolation suite of the public API (/api/v1): every endpoint in API_ENDPOINTS, and every
 * v1 route file (but the OEM-app client routes under app/api/v1/client, which take no API key),
 * must have a case in CASES below, so a new endpoint without one makes this file fail (like
 * ../isolation.integration.test.ts does for the app's own routes).
 *
 * Each case names the input aimed at a target's real rows. It is tried
 *   - with a key of another tenant (B) against tenant A's rows of its second dealer,
 *   - with a key of A scoped to A's first dealer against the same rows of the sibling dealer,
 *   - with a key of A holding every scope but the one the endpoint's action needs.
 * The first two must answer 403/404, or (lists, and writes that act only inside the key's own
 * tenant) succeed without carrying any of the target's ids or names; the third must be 403.
 * Afterwards the target's rows must be unchanged. Each group uses fresh keys (the per-key rate
 * limit in tests is 100 a minute).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_SCOPES, PERMISSION_MATRIX } from "@forecourt/auth";
import { createTestApiKey } from "@forecourt/core/api-keys/test-api-key";
import { newWidgetKey } from "@forecourt/core/chat/keys";
import { createChatTenant } from "@forecourt/core/chat/test-helpers";
import { redis } from "@forecourt/core/infra/redis";
import { createTestUser, ownerDb } from "@forecourt/testing";
import type { TApiEndpoint, TApiRawInput, TApiResult } from "./endpoint";
import { API_ENDPOINTS } from "./endpoints";

/** The rows of one dealer that every attempt aims at. */
type TTarget = {
  customerId: string;
  dealerId: string;
  channelId: string;
  departmentId: string;
  contactId: string;
  conversationId: string;
  userId: string;
  /** A string only the target's rows contain (its contact's name). */
  marker: string;
  /** The target tenant's webhook endpoint (tenant-wide) and one delivery of its log. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
};

type TCase = {
  input: (t: TTarget) => TApiRawInput;
  /**
   * May a refused-scope attempt still succeed? Only for endpoints that act inside the key's own
   * tenant and scope (a list, a creation from scratch): then it must carry none of the target.
   */
  mayAnswer?: boolean;
  /** Other refusals that are right here (a rule, never a leak), besides 403 and 404. */
  alsoRefusedWith?: number[];
};

const CONTACT = { name: "Isolation Probe", legalBasis: "CONSENT" } as const;

const CASES: Record<string, TCase> = {
  listConversations: {
    input: (t) => ({ query: { dealerId: t.dealerId, assigneeId: t.userId, status: "open" } }),
    mayAnswer: true,
  },
  getConversation: { input: (t) => ({ params: { conversationId: t.conversationId } }) },
  createConversation: { input: (t) => ({ body: { channelId: t.channelId, contactId: t.contactId } }) },
  assignConversation: {
    input: (t) => ({ params: { conversationId: t.conversationId }, body: { assigneeId: t.userId } }),
  },
  transferConversation: {
    input: (t) => ({ params: { conversationId: t.conversationId }, body: { departmentId: t.departmentId } }),
  },
  closeConversation: { input: (t) => ({ params: { conversationId: t.conversationId } }) },
  reopenConversation: { input: (t) => ({ params: { conversationId: t.conversationId } }) },
  handOffConversation: {
    input: (t) => ({ params: { conversationId: t.conversationId }, body: { departmentId: t.departmentId } }),
  },
  listMessages: { input: (t) => ({ params: { conversationId: t.conversationId } }) },
  sendMessage: { input: (t) => ({ params: { conversationId: t.conversationId }, body: { body: "Injected" } }) },
  searchContacts: { input: (t) => ({ query: { q: t.marker } }), mayAnswer: true },
  getContact: { input: (t) => ({ params: { contactId: t.contactId } }) },
  // From scratch: another tenant's key creates in its own tenant; a dealer-scoped key is refused.
  createContact: { input: () => ({ body: CONTACT }), mayAnswer: true, alsoRefusedWith: [422] },
  updateContact: { input: (t) => ({ params: { contactId: t.contactId }, body: { name: "Overwritten" } }) },
  listDealers: { input: () => ({}), mayAnswer: true },
  listDepartments: { input: (t) => ({ query: { dealerId: t.dealerId } }), mayAnswer: true },
  listUsers: { input: () => ({}), mayAnswer: true },
  listChannels: { input: () => ({}), mayAnswer: true },
  listLeads: { input: (t) => ({ query: { dealerId: t.dealerId } }), mayAnswer: true },
  listWebhookEndpoints: { input: () => ({}), mayAnswer: true },
  // From scratch: another tenant's key creates in its own tenant; a dealer-scoped key is refused.
  createWebhookEndpoint: {
    input: () => ({ body: { url: "https://planted.example/hook", events: ["message.created"] } }),
    mayAnswer: true,
  },
  getWebhookEndpoint: { input: (t) => ({ params: { endpointId: t.webhookEndpointId } }) },
  updateWebhookEndpoint: {
    input: (t) => ({ params: { endpointId: t.webhookEndpointId }, body: { url: "https://evil.example/hook" } }),
  },
  deleteWebhookEndpoint: { input: (t) => ({ params: { endpointId: t.webhookEndpointId } }) },
  rotateWebhookSecret: { input: (t) => ({ params: { endpointId: t.webhookEndpointId }, body: {} }) },
  listWebhookDeliveries: { input: (t) => ({ params: { endpointId: t.webhookEndpointId } }) },
  redeliverWebhook: { input: (t) => ({ params: { deliveryId: t.webhookDeliveryId } }) },
  getDailyStats: {
    input: (t) => ({ query: { from: "2026-11-01", to: "2026-11-30", dealerId: t.dealerId } }),
    mayAnswer: true,
  },
};

/** Route files that serve no API-key endpoint, with the reason. */
const EXEMPT_ROUTES: Record<string, string> = {
  "openapi.json/route.ts#GET": "the public description of the API; it grants and holds nothing",
};

const V1 = join(__dirname, "../../app/api/v1");

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Every exported method of every v1 route file (client/** excluded), with the endpoints it serves. */
const ROUTES = [...walk(V1)]
  .filter((f) => f.endsWith("/route.ts") && !relative(V1, f).startsWith("client/"))
  .flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return [...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PATCH|PUT|DELETE)\b[^;]*/g)].map(
      (m) => ({
        key: `${relative(V1, file)}#${m[1]}`,
        method: m[1]!,
        path: `/${relative(V1, file).replace(/\/?route\.ts$/, "")}`.replace(/\[([^\]]+)\]/g, "{$1}"),
      }),
    );
  });

type TTenantFixture = Awaited<ReturnType<typeof createChatTenant>>;
let a: TTenantFixture;
let b: TTenantFixture;
/** A's second dealer: the target of the sibling and foreign attempts. */
let sibling: TTarget;

const ip = () => ({ ip: `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

/** A second dealer of `tenant` with a channel, department, agent, contact with a vehicle, conversation, lead and statistics. */
async function dealerWithRows(tenant: TTenantFixture, label: string): Promise<TTarget> {
  const customerId = tenant.customer.id;
  const marker = `${label}-${crypto.randomUUID().slice(0, 8)}`;
  const dealer = await ownerDb().dealer.create({ data: { customerId, name: `${marker} dealer` } });
  const channel = await ownerDb().channel.create({
    data: {
      customerId,
      dealerId: dealer.id,
      type: "WIDGET",
      name: `${marker} web`,
      publicKey: newWidgetKey(customerId),
    },
  });
  const department = await ownerDb().department.create({
    data: { customerId, dealerId: dealer.id, name: `${marker} sales`, kind: "SALES" },
  });
  const { user } = await createTestUser({ customerId, role: "AGENT" });
  const membership = await ownerDb().membership.findFirstOrThrow({ where: { customerId, userId: user.id } });
  await ownerDb().membershipDealer.create({ data: { customerId, membershipId: membership.id, dealerId: dealer.id } });
  await ownerDb().user.update({ where: { id: user.id }, data: { name: `${marker} agent` } });
  const contact = await ownerDb().contact.create({
    data: {
      customerId,
      name: marker,
      email: `${marker.toLowerCase()}@example.com`,
      legalBasis: "CONSENT",
      vehicles: { create: { customerId, vin: "WVWZZZ1JZXW000001", plate: "AB-123-C" } },
    },
  });
  const conversation = await ownerDb().conversation.create({
    data: {
      customerId,
      dealerId: dealer.id,
      channelId: channel.id,
      contactId: contact.id,
      assigneeId: user.id,
      lastSeq: 1,
    },
  });
  await ownerDb().message.create({
    data: {
      customerId,
      conversationId: conversation.id,
      seq: 1,
      clientId: "seed-0001",
      authorType: "CONTACT",
      body: marker,
    },
  });
  await ownerDb().dailyStat.create({
    data: {
      customerId,
      dealerId: dealer.id,
      channelType: "WIDGET",
      day: new Date("2026-11-10"),
      conversationsStarted: 7,
    },
  });
  const webhook = await ownerDb().webhookEndpoint.create({
    data: {
      customerId,
      url: `https://${marker.toLowerCase()}.example/hook`,
      events: ["message.created"],
      secretEncrypted: "sealed",
    },
  });
  const webhookEvent = await ownerDb().webhookEvent.create({ data: { customerId, type: "message.created" } });
  const delivery = await ownerDb().webhookDelivery.create({
    data: { customerId, endpointId: webhook.id, eventId: webhookEvent.id, status: "FAILED" },
  });
  return {
    customerId,
    dealerId: dealer.id,
    channelId: channel.id,
    departmentId: department.id,
    contactId: contact.id,
    conversationId: conversation.id,
    userId: user.id,
    marker,
    webhookEndpointId: webhook.id,
    webhookDeliveryId: delivery.id,
  };
}

/** What must not change: the target's rows and A's row counts. */
async function snapshot(t: TTarget) {
  const db = ownerDb();
  return {
    conversation: await db.conversation.findUnique({ where: { id: t.conversationId } }),
    contact: await db.contact.findUnique({ where: { id: t.contactId }, include: { vehicles: true } }),
    messages: await db.message.count({ where: { conversationId: t.conversationId } }),
    conversations: await db.conversation.count({ where: { customerId: t.customerId } }),
    contacts: await db.contact.count({ where: { customerId: t.customerId } }),
    webhooks: await db.webhookEndpoint.findMany({ where: { customerId: t.customerId }, orderBy: { id: "asc" } }),
    webhookDeliveries: await db.webhookDelivery.findMany({ where: { customerId: t.customerId } }),
  };
}

/** Ids and names of the target that no answer to a stranger may carry. */
function secretsOf(t: TTarget): string[] {
  return [
    t.dealerId,
    t.channelId,
    t.departmentId,
    t.contactId,
    t.conversationId,
    t.userId,
    t.marker,
    t.webhookEndpointId,
    t.webhookDeliveryId,
  ];
}

function expectNothingOf(t: TTarget, result: TApiResult, label: string) {
  const text = JSON.stringify(result);
  for (const secret of secretsOf(t)) expect(text, `${label} leaks ${secret}`).not.toContain(secret);
}

function expectRefusedOrClean(t: TTarget, c: TCase, result: TApiResult, label: string) {
  if (result.ok) {
    expect(c.mayAnswer, `${label} answered ${result.httpStatus}`).toBe(true);
  } else {
    expect(
      [403, 404, ...(c.alsoRefusedWith ?? [])],
      `${label} answered ${result.httpStatus} ${!result.ok && result.error}`,
    ).toContain(result.httpStatus);
  }
  expectNothingOf(t, result, label);
}

let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  a = await createChatTenant("ApiIsoA");
  b = await createChatTenant("ApiIsoB");
  sibling = await dealerWithRows(a, "Sibling");
  await dealerWithRows(b, "Foreign");
  before = await snapshot(sibling);
});

afterAll(async () => {
  await redis().quit();
});

describe("the API isolation suite covers every endpoint and route", () => {
  it("has a case for every endpoint in API_ENDPOINTS", () => {
    expect(API_ENDPOINTS.length).toBeGreaterThan(0);
    const missing = API_ENDPOINTS.map((e) => e.operationId).filter((id) => !CASES[id]);
    expect(missing, "endpoints without a case in CASES").toEqual([]);
    const stale = Object.keys(CASES).filter((id) => !API_ENDPOINTS.some((e) => e.operationId === id));
    expect(stale, "cases without an endpoint").toEqual([]);
  });

  it("maps every v1 route file to an endpoint with a case (or an exemption)", () => {
    expect(ROUTES.length).toBeGreaterThan(0);
    for (const route of ROUTES) {
      if (EXEMPT_ROUTES[route.key]) continue;
      const endpoint = API_ENDPOINTS.find((e) => e.method === route.method && e.path === route.path);
      expect(endpoint, `${route.key} serves no endpoint of API_ENDPOINTS`).toBeDefined();
      expect(CASES[endpoint!.operationId], `${route.key} has no case`).toBeDefined();
    }
  });
});

describe.each(API_ENDPOINTS.map((e) => [e.operationId, e] as [string, TApiEndpoint]))("%s", (operationId, endpoint) => {
  const c = () => CASES[operationId]!;

  it("gives a key of another tenant none of this tenant's rows", async () => {
    const { token } = await createTestApiKey(b.customer.id);
    const result = await endpoint.handle(token, c().input(sibling), ip());
    expectRefusedOrClean(sibling, c(), result, `${operationId} (other tenant)`);
  });

  it("gives a key scoped to a sibling dealer none of that dealer's rows", async () => {
    const { token } = await createTestApiKey(a.customer.id, { dealerIds: [a.dealer.id] });
    const result = await endpoint.handle(token, c().input(sibling), ip());
    expectRefusedOrClean(sibling, c(), result, `${operationId} (sibling dealer)`);
  });

  it("refuses a key without the endpoint's scope with 403", async () => {
    const rule = PERMISSION_MATRIX[endpoint.permission];
    const needed = "api" in rule ? rule.api : undefined;
    expect(needed, `${endpoint.permission} grants no API scope`).toBeDefined();
    const { token } = await createTestApiKey(a.customer.id, { scopes: API_SCOPES.filter((s) => s !== needed) });
    const result = await endpoint.handle(token, c().input(sibling), ip());
    expect(result, operationId).toMatchObject({ ok: false, httpStatus: 403, error: "forbidden" });
    expectNothingOf(sibling, result, `${operationId} (narrow scope)`);
  });
});

describe("after every attempt", () => {
  it("left the target's rows as they were", async () => {
    expect(await snapshot(sibling)).toEqual(before);
  });
});
