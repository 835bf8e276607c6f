/**
 * The widget's JavaScript API through the real handlers (the routes' thin layer), PostgreSQL
 * and Redis: identify with a valid HMAC links and fills the contact (the same person on another
 * visit is the same contact), a forged or missing one leaves the chat anonymous and stores
 * nothing it claimed; setVehicle lands on the conversation and in the inbox's conversation
 * detail (what the contact panel shows). Requests come as the widget iframe sends them: with
 * the frame ticket that vouches for the page origin.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { issueFrameTicket } from "@forecourt/core/chat/widget-frame-ticket";
import { sealWidgetSecrets, userHashFor } from "@forecourt/core/chat/widget-identity-secret";
import { createChatTenant, TEST_ORIGIN } from "@forecourt/core/chat/test-helpers";
import { CLIENT_IP_HEADER } from "@forecourt/config/client-address";
import { rotateWidgetIdentitySecret } from "@forecourt/core/chat/rotate-widget-identity-secret";
import { listWidgetChannels } from "@forecourt/core/chat/widget-channels";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { handleStartConversation } from "./handlers/widget";
import { handleSetVehicle, handleWidgetIdentify } from "./handlers/widget-api";

const SECRET = "9d5c0a3e1f7b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d";
const ip = () => `10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
let tenant: Awaited<ReturnType<typeof createChatTenant>>;
let key: string;

/** A POST as the widget iframe sends it: same-origin (no Origin header), with its frame ticket. */
function iframePost(path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    [CLIENT_IP_HEADER]: ip(),
    "x-forecourt-frame": issueFrameTicket({ key, origin: TEST_ORIGIN }),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`http://forecourt.test${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

async function start(extra: Record<string, unknown> = {}) {
  const r = await handleStartConversation(
    iframePost("/api/widget/conversations", { key, consent: true, name: "Typed In Form", ...extra }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

async function identify(identity: Record<string, unknown>, token?: string) {
  const body = { key, identity };
  const r = await handleWidgetIdentify(
    iframePost("/api/widget/identify", body, token),
    body,
    { ip: ip() },
    token ?? null,
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
}

const contactOf = (conversationId: string) =>
  ownerDb()
    .conversation.findUniqueOrThrow({ where: { id: conversationId } })
    .then((c) => ownerDb().contact.findUniqueOrThrow({ where: { id: c.contactId }, include: { identities: true } }));

beforeAll(async () => {
  tenant = await createChatTenant("Widget API");
  key = tenant.channel.publicKey;
  await ownerDb().channel.update({
    where: { id: tenant.channel.id },
    data: { secretsEncrypted: sealWidgetSecrets({ identitySecret: SECRET }) },
  });
});

describe("identify", () => {
  it("with a valid hash: the chat is that person's contact, filled, and the same contact on the next visit", async () => {
    const id = `crm-${crypto.randomUUID()}`;
    const identity = { id, name: "Sam Jansen", email: "Sam@Example.com", phone: "+31 6 1234 5678" };
    const first = await start({ name: undefined, identity: { ...identity, userHash: userHashFor(SECRET, id) } });
    expect(first).toMatchObject({ identity: { verified: true }, warnings: [] });
    const contact = await contactOf(first.conversationId);
    expect(contact).toMatchObject({ name: "Sam Jansen", email: "sam@example.com", phone: "+31 6 1234 5678" });
    expect(contact.identities.map((i) => [i.channelType, i.externalId])).toEqual([["WIDGET", id]]);

    // Another device: a new chat, the same contact, its details refreshed from the dealer's system.
    const second = await start({
      name: undefined,
      identity: { id, name: "Sam J. Jansen", userHash: userHashFor(SECRET, id).toUpperCase() },
    });
    expect(second.conversationId).not.toBe(first.conversationId);
    const again = await contactOf(second.conversationId);
    expect(again.id).toBe(contact.id);
    expect(again).toMatchObject({ name: "Sam J. Jansen", email: "sam@example.com" });
  });

  it("with a forged or missing hash: anonymous, nothing it claimed is stored, the answer tells nothing", async () => {
    const id = `crm-${crypto.randomUUID()}`;
    const email = `${crypto.randomUUID()}@victim.example`;
    // A real person holds this id already; the forger must not reach them.
    const victim = await start({
      name: undefined,
      identity: { id, email, name: "Real Person", userHash: userHashFor(SECRET, id) },
    });
    const victimContact = await contactOf(victim.conversationId);

    for (const userHash of ["f".repeat(64), userHashFor("another-secret", id), undefined, "not-hex"]) {
      const forged = await start({ identity: { id, name: "Forged Name", email: "forged@example.com", userHash } });
      expect(Object.keys(forged).sort()).toEqual(["conversationId", "identity", "token", "warnings"]);
      expect(forged.identity).toEqual({
        verified: false,
        reason: userHash ? "invalid_hash" : "missing_hash",
      });
      expect(forged.warnings[0]).toMatch(/identify refused/);
      expect(JSON.stringify(forged)).not.toContain(victimContact.id);
      const contact = await contactOf(forged.conversationId);
      expect(contact.id).not.toBe(victimContact.id);
      expect(contact.name).toBe("Typed In Form");
      expect(contact.email).toBeNull();
      expect(contact.identities).toHaveLength(1);
      expect(contact.identities[0]!.externalId).toMatch(/^anon:/);

      // During the chat, too: refused, nothing moves.
      const during = await identify({ id, name: "Forged Name", userHash }, forged.token);
      expect(during).toEqual({ verified: false, reason: forged.identity!.reason });
      expect((await contactOf(forged.conversationId)).id).toBe(contact.id);
    }
    expect(await ownerDb().contact.count({ where: { email: "forged@example.com" } })).toBe(0);
    expect(await ownerDb().contact.count({ where: { name: "Forged Name" } })).toBe(0);
    expect(await contactOf(victim.conversationId)).toMatchObject({ name: "Real Person", email });
  });

  it("a channel without a secret verifies nobody", async () => {
    const other = await createChatTenant("Widget API no secret");
    const id = "crm-1";
    const body = { key: other.channel.publicKey, identity: { id, userHash: userHashFor(SECRET, id) } };
    const request = new Request("http://forecourt.test/api/widget/identify", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forecourt-frame": issueFrameTicket({ key: other.channel.publicKey, origin: TEST_ORIGIN }),
      },
      body: JSON.stringify(body),
    });
    expect(await handleWidgetIdentify(request, body, { ip: ip() }, null)).toEqual({
      ok: true,
      data: { verified: false, reason: "no_secret" },
    });
  });

  it("during an anonymous chat: the contact takes the identity, or the chat moves to the person who holds it", async () => {
    const fresh = `crm-${crypto.randomUUID()}`;
    const chat = await start();
    const anonymous = await contactOf(chat.conversationId);
    expect(
      await identify({ id: fresh, email: "new@example.com", userHash: userHashFor(SECRET, fresh) }, chat.token),
    ).toEqual({
      verified: true,
      linked: true,
    });
    const linked = await contactOf(chat.conversationId);
    expect(linked.id).toBe(anonymous.id);
    expect(linked.email).toBe("new@example.com");
    expect(linked.identities.map((i) => i.externalId).sort()).toEqual(
      [anonymous.identities[0]!.externalId, fresh].sort(),
    );

    // The same person chats anonymously on another device, then signs in there.
    const other = await start();
    const otherAnonymous = await contactOf(other.conversationId);
    expect(await identify({ id: fresh, userHash: userHashFor(SECRET, fresh) }, other.token)).toEqual({
      verified: true,
      linked: true,
    });
    expect((await contactOf(other.conversationId)).id).toBe(anonymous.id);
    expect(await ownerDb().contact.findUnique({ where: { id: otherAnonymous.id } })).toBeNull();

    // A browser whose chat is already another verified person's: nothing moves, the widget starts anew.
    const stranger = `crm-${crypto.randomUUID()}`;
    expect(await identify({ id: stranger, userHash: userHashFor(SECRET, stranger) }, other.token)).toEqual({
      verified: true,
      linked: false,
      restart: true,
    });
    expect((await contactOf(other.conversationId)).id).toBe(anonymous.id);
  });

  it("without a chat it only says whether the identity verifies, and refuses a page origin the channel does not allow", async () => {
    const id = "crm-2";
    expect(await identify({ id, userHash: userHashFor(SECRET, id) })).toEqual({ verified: true, linked: false });
    const body = { key, identity: { id, userHash: userHashFor(SECRET, id) } };
    const foreign = new Request("http://forecourt.test/api/widget/identify", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.test" },
      body: JSON.stringify(body),
    });
    expect(await handleWidgetIdentify(foreign, body, { ip: ip() }, null)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("setVehicle", () => {
  const ex30 = { vin: "YV1XZK8V1P2000001", make: "Volvo", model: "EX30", url: "https://dealer.test/ex30" };

  it("before the chat: kept and applied at its start; during it: replaced; both in the inbox's detail", async () => {
    const chat = await start({ vehicle: ex30 });
    const detail = await getConversation({ agent: tenant.agent, conversationId: chat.conversationId });
    expect(detail.vehicleOfInterest).toEqual(ex30);

    const enyaq = { stockNumber: "NW-1077", make: "Škoda", model: "<b>Enyaq</b>" };
    const r = await handleSetVehicle(chat.token, { conversationId: chat.conversationId, vehicle: enyaq }, { ip: ip() });
    expect(r).toEqual({ ok: true, data: { ok: true } });
    const after = await getConversation({ agent: tenant.agent, conversationId: chat.conversationId });
    expect(after.vehicleOfInterest).toEqual(enyaq);
  });

  it("refuses bad input with 400 and another visitor's conversation with 404, changing nothing", async () => {
    const mine = await start({ vehicle: ex30 });
    const theirs = await start();
    const bad = [
      { ...ex30, url: "javascript:alert(1)" },
      { make: "Volvo" },
      { vin: "short" },
      { stockNumber: "x".repeat(41) },
    ];
    for (const vehicle of bad) {
      const r = await handleSetVehicle(mine.token, { conversationId: mine.conversationId, vehicle }, { ip: ip() });
      expect(r).toMatchObject({ ok: false, status: 400, error: "invalid_input" });
    }
    const foreign = await handleSetVehicle(
      mine.token,
      { conversationId: theirs.conversationId, vehicle: ex30 },
      { ip: ip() },
    );
    expect(foreign).toMatchObject({ ok: false, status: 404 });
    expect(await handleSetVehicle(null, { conversationId: mine.conversationId, vehicle: ex30 })).toMatchObject({
      ok: false,
      status: 401,
    });
    const stored = await ownerDb().conversation.findUniqueOrThrow({ where: { id: theirs.conversationId } });
    expect(stored.vehicleOfInterest).toBeNull();
    expect(
      (await getConversation({ agent: tenant.agent, conversationId: mine.conversationId })).vehicleOfInterest,
    ).toEqual(ex30);
  });

  it("a bad vehicle at the start is left out (named in warnings), never blocking the chat", async () => {
    const chat = await start({ vehicle: { make: "Volvo", url: "javascript:alert(1)" } });
    expect(chat.warnings[0]).toMatch(/^setVehicle refused/);
    const stored = await ownerDb().conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(stored.vehicleOfInterest).toBeNull();
  });
});

describe("the identity secret", () => {
  it("is sealed at rest, shown to administrators, and a rotation makes old hashes fail", async () => {
    const own = await createChatTenant("Widget API rotate");
    const { user } = await createTestUser({ customerId: own.customer.id, role: "ADMIN" });
    const admin = testMemberPrincipal(user.id, own.customer.id, "ADMIN");
    await expect(rotateWidgetIdentitySecret({ principal: own.agent, channelId: own.channel.id })).rejects.toThrow();

    const first = await rotateWidgetIdentitySecret({ principal: admin, channelId: own.channel.id });
    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: own.channel.id } });
    expect(row.secretsEncrypted).not.toContain(first.identitySecret);
    const [listed] = await listWidgetChannels({ agent: admin });
    expect(listed?.identitySecret).toBe(first.identitySecret);

    const ownKey = own.channel.publicKey;
    const ask = async (userHash: string) => {
      const body = { key: ownKey, identity: { id: "crm-9", userHash } };
      const request = new Request("http://forecourt.test/api/widget/identify", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forecourt-frame": issueFrameTicket({ key: ownKey, origin: TEST_ORIGIN }),
        },
        body: JSON.stringify(body),
      });
      const r = await handleWidgetIdentify(request, body, { ip: ip() }, null);
      return r.ok ? r.data.verified : null;
    };
    const oldHash = userHashFor(first.identitySecret, "crm-9");
    expect(await ask(oldHash)).toBe(true);
    const second = await rotateWidgetIdentitySecret({ principal: admin, channelId: own.channel.id });
    expect(second.identitySecret).not.toBe(first.identitySecret);
    expect(await ask(oldHash)).toBe(false);
    expect(await ask(userHashFor(second.identitySecret, "crm-9"))).toBe(true);
    const audit = await ownerDb().auditEvent.findMany({
      where: { targetId: own.channel.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "channel.widget.identity_secret_created",
      "channel.widget.identity_secret_rotated",
    ]);
    expect(JSON.stringify(audit)).not.toContain(second.identitySecret);
  });
});
