import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatTenant } from "@forecourt/core/chat/test-helpers";
import { createTestApiKey, createTestConversation } from "@forecourt/core/api-keys/test-api-key";
import { redis } from "@forecourt/core/infra/redis";
import { revokeApiKey } from "@forecourt/core/api-keys/revoke-api-key";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { ZApiConversationPage, ZApiSentMessage } from "@forecourt/protocol/api";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { listConversationsEndpoint } from "./endpoints/conversations";
import { listMessagesEndpoint, sendMessageEndpoint } from "./endpoints/messages";

/*
 * The public API's door (endpoint.ts) with real keys on real PostgreSQL and Redis: who gets in,
 * what a key's scopes and dealers let it see, idempotency, paging and the rate limit.
 */

type TTenant = Awaited<ReturnType<typeof createChatTenant>>;
let a: TTenant;
let b: TTenant;
let aToken: string;
let bConversationId: string;
const ip = () => ({ ip: `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

beforeAll(async () => {
  a = await createChatTenant("ApiA");
  b = await createChatTenant("ApiB");
  aToken = (await createTestApiKey(a.customer.id)).token;
  for (const name of ["First", "Second", "Third"]) {
    await createTestConversation({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      channelId: a.channel.id,
      contactName: name,
    });
  }
  bConversationId = (
    await createTestConversation({ customerId: b.customer.id, dealerId: b.dealer.id, channelId: b.channel.id })
  ).conversation.id;
});

afterAll(async () => {
  await redis().quit();
});

describe("API keys at the door", () => {
  it("refuses a missing, malformed, unknown or revoked key with 401", async () => {
    const { key, token } = await createTestApiKey(a.customer.id);
    await ownerDb().apiKey.update({ where: { id: key.id }, data: { status: "DISABLED", revokedAt: new Date() } });
    const unknown = `fc_live_${a.customer.id.replaceAll("-", "")}_${"x".repeat(43)}`;
    for (const t of [null, "nonsense", unknown, token]) {
      const result = await listConversationsEndpoint.handle(t, {}, ip());
      expect(result).toMatchObject({ ok: false, httpStatus: 401, error: "unauthenticated" });
    }
  });

  it("stops a key the moment it is revoked, though the door had just let it in", async () => {
    const { key, token } = await createTestApiKey(a.customer.id);
    expect(await listConversationsEndpoint.handle(token, {}, ip())).toMatchObject({ ok: true });
    const admin = await createTestUser({ customerId: a.customer.id, role: "ADMIN" });
    await revokeApiKey({ actor: testMemberPrincipal(admin.user.id, a.customer.id, "ADMIN"), input: { id: key.id } });
    expect(await listConversationsEndpoint.handle(token, {}, ip())).toMatchObject({ ok: false, httpStatus: 401 });
  });

  it("refuses a key without the scope with 403", async () => {
    const { token } = await createTestApiKey(a.customer.id, { scopes: ["contacts:read"] });
    const result = await listConversationsEndpoint.handle(token, {}, ip());
    expect(result).toMatchObject({ ok: false, httpStatus: 403, error: "forbidden" });
  });

  it("lists only the key's tenant, in pages that join up", async () => {
    const first = await listConversationsEndpoint.handle(aToken, { query: { limit: "2" } }, ip());
    expect(first.ok).toBe(true);
    const page1 = ZApiConversationPage.parse(first.ok ? first.data : null);
    expect(page1.data).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const second = await listConversationsEndpoint.handle(
      aToken,
      { query: { limit: "2", cursor: page1.nextCursor } },
      ip(),
    );
    const page2 = ZApiConversationPage.parse(second.ok ? second.data : null);
    expect(page2.nextCursor).toBeNull();
    const names = [...page1.data, ...page2.data].map((c) => c.contact.name).sort();
    expect(names).toEqual(["First", "Second", "Third"]);
    expect(JSON.stringify([page1, page2])).not.toContain(b.customer.id);
  });

  it("answers a forged cursor with 400, not 500", async () => {
    const result = await listConversationsEndpoint.handle(aToken, { query: { cursor: "bm90LWpzb24" } }, ip());
    expect(result).toMatchObject({ ok: false, httpStatus: 400 });
  });

  it("treats another tenant's conversation as not found", async () => {
    const read = await listMessagesEndpoint.handle(aToken, { params: { conversationId: bConversationId } }, ip());
    expect(read).toMatchObject({ ok: false, httpStatus: 404 });
    const write = await sendMessageEndpoint.handle(
      aToken,
      { params: { conversationId: bConversationId }, body: { body: "hello" } },
      ip(),
    );
    expect(write).toMatchObject({ ok: false, httpStatus: 404 });
    expect(await ownerDb().message.count({ where: { conversationId: bConversationId } })).toBe(0);
  });

  it("keeps a dealer-scoped key to its dealers", async () => {
    const other = await ownerDb().dealer.create({ data: { customerId: a.customer.id, name: "Other dealer" } });
    const { token } = await createTestApiKey(a.customer.id, { dealerIds: [other.id] });
    const result = await listConversationsEndpoint.handle(token, {}, ip());
    expect(result.ok && ZApiConversationPage.parse(result.data).data).toEqual([]);
  });
});

describe("sending through the API", () => {
  it("writes as the bot, or as a teammate of the dealer, never as a stranger", async () => {
    const { conversation } = await createTestConversation({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      channelId: a.channel.id,
    });
    const params = { conversationId: conversation.id };
    const asBot = await sendMessageEndpoint.handle(aToken, { params, body: { body: "From the CRM" } }, ip());
    expect(asBot).toMatchObject({ ok: true, httpStatus: 201 });
    expect(ZApiSentMessage.parse(asBot.ok && asBot.data).message).toMatchObject({
      authorType: "BOT",
      body: "From the CRM",
    });

    const asAgent = await sendMessageEndpoint.handle(
      aToken,
      { params, body: { body: "Hi", asUserId: a.user.id } },
      ip(),
    );
    expect(ZApiSentMessage.parse(asAgent.ok && asAgent.data).message).toMatchObject({
      authorType: "AGENT",
      author: { name: a.user.name },
    });

    const stranger = await createTestUser({ customerId: b.customer.id, role: "AGENT" });
    const refused = await sendMessageEndpoint.handle(
      aToken,
      { params, body: { body: "Spoofed", asUserId: stranger.user.id } },
      ip(),
    );
    expect(refused).toMatchObject({ ok: false, httpStatus: 400 });
    expect(await ownerDb().message.count({ where: { conversationId: conversation.id, body: "Spoofed" } })).toBe(0);
  });

  it("replays the same Idempotency-Key and body, and refuses the key with another body (422)", async () => {
    const { conversation } = await createTestConversation({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      channelId: a.channel.id,
    });
    const params = { conversationId: conversation.id };
    const meta = { ...ip(), idempotencyKey: `order-${crypto.randomUUID()}` };
    const [one, two] = await Promise.all([
      sendMessageEndpoint.handle(aToken, { params, body: { body: "Your car is ready" } }, meta),
      sendMessageEndpoint.handle(aToken, { params, body: { body: "Your car is ready" } }, meta),
    ]);
    // Racing copies: one ran; the other was replayed or told it is still running, never sent twice.
    const winners = [one, two].filter((r) => r.ok);
    expect(winners.length).toBeGreaterThanOrEqual(1);
    for (const r of [one, two].filter((r) => !r.ok)) expect(r).toMatchObject({ error: "idempotency_key_in_progress" });
    const again = await sendMessageEndpoint.handle(aToken, { params, body: { body: "Your car is ready" } }, meta);
    expect(again).toMatchObject({ ok: true, httpStatus: 201, replayed: true });
    expect(again.ok && again.data).toEqual(winners[0]!.ok && winners[0]!.data);
    const other = await sendMessageEndpoint.handle(aToken, { params, body: { body: "Something else" } }, meta);
    expect(other).toMatchObject({ ok: false, httpStatus: 422, error: "idempotency_key_reused" });
    expect(await ownerDb().message.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  it("is idempotent by clientId without a header", async () => {
    const { conversation } = await createTestConversation({
      customerId: a.customer.id,
      dealerId: a.dealer.id,
      channelId: a.channel.id,
    });
    const input = { params: { conversationId: conversation.id }, body: { body: "Once", clientId: "crm-msg-000001" } };
    const first = await sendMessageEndpoint.handle(aToken, input, ip());
    const second = await sendMessageEndpoint.handle(aToken, input, ip());
    expect(second.ok && ZApiSentMessage.parse(second.data).duplicate).toBe(true);
    expect(second.ok && first.ok && ZApiSentMessage.parse(second.data).message.id).toBe(
      first.ok && ZApiSentMessage.parse(first.data).message.id,
    );
  });
});

describe("rate limits", () => {
  it("holds the per-key limit under parallel requests and answers 429 with Retry-After", async () => {
    const { token } = await createTestApiKey(a.customer.id);
    const limit = 100; // API_RATE_LIMIT_PER_KEY_MINUTE in scripts/test-env.sh
    const results = await Promise.all(
      Array.from({ length: limit + 20 }, () =>
        listConversationsEndpoint.handle(token, { query: { limit: "1" } }, ip()),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(r).toMatchObject({ httpStatus: 429, error: "rate_limited" });
      expect(Number(!r.ok && r.headers?.["retry-after"])).toBeGreaterThan(0);
    }
  });
});
