import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiChannel } from "@forecourt/core/api-channel/test-helpers";
import { createChatTenant } from "@forecourt/core/chat/test-helpers";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { getConfig } from "@forecourt/config";
import { ownerDb } from "@forecourt/testing";
import { startClientApiServer, type TClientApiServer } from "./client-api-test-server";

/*
 * The API channel's Client API over real HTTP (the route modules behind node:http), real
 * PostgreSQL and Redis: identify with a valid and a forged hash, the contact token's scope,
 * idempotent sends, the widget's file checks, CORS and the body limit.
 */

let server: TClientApiServer;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
  const redis = new Redis(getConfig().REDIS_URL);
  const keys = await redis.keys(`${getConfig().REDIS_PREFIX}:rl:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  server = await startClientApiServer();
});
afterAll(() => server?.close());

const inboxPath = (inbox: string, rest = "") => `${server.baseUrl}/api/v1/client/inboxes/${inbox}${rest}`;

async function call(method: string, url: string, options: { token?: string; json?: unknown; form?: FormData } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method,
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.form,
  });
  // Read loosely on purpose: the assertions below check the shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = (await response.json().catch(() => null)) as any;
  return { status: response.status, headers: response.headers, body };
}

async function setup(label = "Client API") {
  const tenant = await createChatTenant(label);
  const api = await createApiChannel(tenant);
  const identify = (identifier: string, hash = api.hashOf(identifier), extra: object = {}) =>
    call("POST", inboxPath(api.inboxIdentifier, "/contacts"), {
      json: { identifier, identifierHash: hash, ...extra },
    });
  return { ...tenant, api, identify };
}

describe("identify", () => {
  it("answers a contact token for a valid hash, and the same contact again", async () => {
    const s = await setup();
    const first = await s.identify("user-42", undefined, { name: "Ola Nordmann", email: "ola@example.com" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: true, gatewayUrl: getConfig().GATEWAY_URL });
    expect(first.body.contactToken).toMatch(/^v1\./);
    const again = await s.identify("user-42", s.api.hashOf("user-42").toUpperCase());
    expect(again.body).toMatchObject({ created: false, contactId: first.body.contactId });
    const contact = await ownerDb().contact.findUniqueOrThrow({
      where: { id: first.body.contactId },
      include: { identities: true },
    });
    expect(contact).toMatchObject({ name: "Ola Nordmann", email: "ola@example.com", legalBasis: "CONTRACT" });
    expect(contact.identities.map((i) => [i.channelType, i.externalId])).toEqual([
      ["API", `${s.api.channel.id}:user-42`],
    ]);
    expect(await ownerDb().visitorSession.count({ where: { contactId: contact.id } })).toBe(2);
  });

  it("refuses a forged hash with 401 in the error envelope, writing nothing", async () => {
    const s = await setup();
    const other = await createApiChannel(s);
    const forged = [
      "0".repeat(64),
      s.api.hashOf("user-43"), // another user's hash
      other.hashOf("user-42"), // the right user under another channel's secret
    ];
    for (const hash of forged) {
      const r = await s.identify("user-42", hash);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: "unauthenticated", error: expect.stringContaining("identifierHash") });
    }
    expect(await ownerDb().contact.count({ where: { customerId: s.customer.id } })).toBe(0);
    const malformed = await s.identify("user-42", "not-hex");
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe("invalid_input");
    const unknown = await call("POST", inboxPath(`in_${"0".repeat(32)}_nothing`, "/contacts"), {
      json: { identifier: "x", identifierHash: "0".repeat(64) },
    });
    expect(unknown.status).toBe(404);
  });

  it("refuses a disabled channel like an unknown one", async () => {
    const s = await setup();
    await ownerDb().channel.update({ where: { id: s.api.channel.id }, data: { status: "DISABLED" } });
    expect((await s.identify("user-1")).status).toBe(404);
  });
});

describe("conversations and messages", () => {
  it("opens a conversation, sends idempotently by clientId, lists after a seq, and sees the agent's reply", async () => {
    const s = await setup();
    const { contactToken: token } = (await s.identify("user-7")).body;
    const opened = await call("POST", inboxPath(s.api.inboxIdentifier, "/conversations"), {
      token,
      json: { message: { text: "Is the XC60 still available?", clientId: "first-00001" } },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: "OPEN", lastSeq: 1 });
    const conversationId = opened.body.id as string;
    const conversation = await ownerDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation).toMatchObject({ channelId: s.api.channel.id, dealerId: s.dealer.id });

    const messagesUrl = inboxPath(s.api.inboxIdentifier, `/conversations/${conversationId}/messages`);
    const send = { text: "And in blue?", clientId: "second-0001" };
    const one = await call("POST", messagesUrl, { token, json: send });
    const two = await call("POST", messagesUrl, { token, json: send });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ seq: 2, message: { body: "And in blue?", authorType: "CONTACT" } });
    expect(two.body).toEqual(one.body);
    expect(await ownerDb().message.count({ where: { conversationId } })).toBe(2);

    await sendMessage({
      sender: { agent: s.agent },
      input: { conversationId, clientId: "agent-reply-1", body: "Yes, in blue too." },
    });
    await sendMessage({
      sender: { agent: s.agent },
      input: { conversationId, clientId: "agent-note-01", body: "internal note", kind: "NOTE" },
    });
    const after = await call("GET", `${messagesUrl}?after=1`, { token });
    expect(after.body.messages.map((m: { seq: number; body: string }) => [m.seq, m.body])).toEqual([
      [2, "And in blue?"],
      [3, "Yes, in blue too."],
    ]);
    const latest = await call("GET", messagesUrl, { token });
    expect(latest.body.messages).toHaveLength(3);
    const list = await call("GET", inboxPath(s.api.inboxIdentifier, "/conversations"), { token });
    expect(list.body.conversations).toEqual([
      expect.objectContaining({ id: conversationId, status: "OPEN", lastSeq: 4 }),
    ]);
  });

  it("keeps a contact token to its own inbox and conversations", async () => {
    const s = await setup();
    const other = await createApiChannel(s, "Other app");
    const foreign = await setup("Client API foreign");
    const mine = (await s.identify("user-8")).body.contactToken as string;
    const theirs = (await foreign.identify("user-8")).body.contactToken as string;
    const theirConversation = (
      await call("POST", inboxPath(foreign.api.inboxIdentifier, "/conversations"), {
        token: theirs,
        json: { message: { text: "Foreign secret", clientId: "foreign-0001" } },
      })
    ).body.id as string;

    // Another inbox of the same tenant, another tenant's inbox: the token is not theirs (401).
    for (const inbox of [other.inboxIdentifier, foreign.api.inboxIdentifier]) {
      const r = await call("GET", inboxPath(inbox, "/conversations"), { token: mine });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("unauthenticated");
    }
    // Its own inbox, another tenant's conversation id: not found, nothing of it.
    const read = await call("GET", inboxPath(s.api.inboxIdentifier, `/conversations/${theirConversation}/messages`), {
      token: mine,
    });
    expect(read.status).toBe(404);
    const write = await call("POST", inboxPath(s.api.inboxIdentifier, `/conversations/${theirConversation}/messages`), {
      token: mine,
      json: { text: "planted", clientId: "planted-0001" },
    });
    expect(write.status).toBe(404);
    expect(JSON.stringify([read.body, write.body])).not.toContain("Foreign secret");
    // A widget visitor's token is no API contact token, and no token is none.
    expect((await call("GET", inboxPath(s.api.inboxIdentifier, "/conversations"))).status).toBe(401);
    expect(await ownerDb().message.count({ where: { conversationId: theirConversation } })).toBe(1);
  });

  it("takes files with the widget's checks: a PNG yes, a PNG name on other bytes no", async () => {
    const s = await setup();
    const { contactToken: token } = (await s.identify("user-9")).body;
    const conversationId = (await call("POST", inboxPath(s.api.inboxIdentifier, "/conversations"), { token, json: {} }))
      .body.id as string;
    const url = inboxPath(s.api.inboxIdentifier, `/conversations/${conversationId}/attachments`);
    const upload = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string, clientId: string) => {
      const form = new FormData();
      form.set("clientId", clientId);
      form.set("file", new File([bytes], name, { type }));
      return call("POST", url, { token, form });
    };
    const ok = await upload(PNG, "car.png", "image/png", "file-ok-0001");
    expect(ok.status).toBe(201);
    expect(ok.body.message).toMatchObject({ kind: "ATTACHMENT", attachments: [{ fileName: "car.png" }] });
    const fake = await upload(
      new TextEncoder().encode("MZ\x90\x00 not a picture"),
      "car.png",
      "image/png",
      "file-no-0001",
    );
    expect(fake.status).toBe(400);
    expect(fake.body.code).toBe("invalid_input");
    const exe = await upload(new TextEncoder().encode("MZ"), "run.exe", "application/x-msdownload", "file-no-0002");
    expect([400, 415]).toContain(exe.status);
    expect(await ownerDb().message.count({ where: { conversationId } })).toBe(1);
  });

  it("answers CORS preflights and bounds JSON bodies while they stream", async () => {
    const s = await setup();
    const preflight = await fetch(inboxPath(s.api.inboxIdentifier, "/contacts"), { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    const big = await call("POST", inboxPath(s.api.inboxIdentifier, "/contacts"), {
      json: { identifier: "x".repeat(100_000), identifierHash: "0".repeat(64) },
    });
    expect(big.status).toBe(413);
    expect(big.headers.get("access-control-allow-origin")).toBe("*");
  });
});
