import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TGateway } from "@forecourt/gateway/server";
import { createApiChannel } from "@forecourt/core/api-channel/test-helpers";
import { createChatTenant } from "@forecourt/core/chat/test-helpers";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { getConfig } from "@forecourt/config";
import { NAMESPACES } from "@forecourt/protocol";
import { createMessagingClient, ForecourtError, type MessagingClient, type TMessageEvent } from "@forecourt/sdk/source";
import { ownerDb } from "@forecourt/testing";
import { startClientApiServer, type TClientApiServer } from "./client-api-test-server";

/*
 * @forecourt/sdk's messaging client against the running server: the Client API over real HTTP
 * (its route modules behind node:http) and a real gateway (Socket.io, Redis adapter), real
 * PostgreSQL. The agent writes through core's sendMessage, which publishes through Redis as the
 * inbox's sends do; the SDK must deliver each message exactly once and in order, also across a
 * disconnect the server forces.
 */

let server: TClientApiServer;
let gateway: TGateway;
const clients: MessagingClient[] = [];

beforeAll(async () => {
  const redis = new Redis(getConfig().REDIS_URL);
  const keys = await redis.keys(`${getConfig().REDIS_PREFIX}:rl:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  server = await startClientApiServer();
  gateway = await startGateway({ port: 0 });
});

afterAll(async () => {
  for (const c of clients) await c.close();
  await gateway?.close();
  await server?.close();
});

async function setup(identifier = `driver-${crypto.randomUUID()}`) {
  const tenant = await createChatTenant("SDK");
  const api = await createApiChannel(tenant);
  const client = createMessagingClient({
    baseUrl: server.baseUrl,
    inboxIdentifier: api.inboxIdentifier,
    identifier,
    identifierHash: api.hashOf(identifier),
    name: "Sam Driver",
    gatewayUrl: `http://127.0.0.1:${gateway.port}`,
    socket: { reconnectionDelay: 100, reconnectionDelayMax: 300 },
  });
  clients.push(client);
  const received: TMessageEvent[] = [];
  client.on("message", (m) => received.push(m));
  const agentSays = (body: string, clientId = `agent-${crypto.randomUUID()}`) =>
    sendMessage({ sender: { agent: tenant.agent }, input: { conversationId: client.conversationId!, clientId, body } });
  return { ...tenant, api, client, received, agentSays };
}

async function until(check: () => boolean, what: string, ms = 15_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("@forecourt/sdk messaging client", () => {
  it("connects, sends, and receives the agent's reply live", async () => {
    const s = await setup();
    await s.client.connect();
    expect(s.client.conversationId).toBeTruthy();
    const conversation = await ownerDb().conversation.findUniqueOrThrow({ where: { id: s.client.conversationId! } });
    expect(conversation.channelId).toBe(s.api.channel.id);

    const ack = await s.client.send({ text: "Can I book a test drive on Saturday?" });
    expect(ack).toMatchObject({ seq: 1, message: { authorType: "CONTACT" } });
    await s.agentSays("Of course: 10:00 or 14:00?");
    await until(() => s.received.length === 2, "the agent's reply");
    expect(s.received.map((m) => [m.seq, m.authorType, m.body])).toEqual([
      [1, "CONTACT", "Can I book a test drive on Saturday?"],
      [2, "AGENT", "Of course: 10:00 or 14:00?"],
    ]);
  });

  it("retries a send with the same clientId: one message", async () => {
    const s = await setup();
    await s.client.connect();
    const first = await s.client.send({ text: "Once", clientId: "sdk-retry-0001" });
    const again = await s.client.send({ text: "Once", clientId: "sdk-retry-0001" });
    expect(again.id).toBe(first.id);
    expect(await ownerDb().message.count({ where: { conversationId: s.client.conversationId! } })).toBe(1);
  });

  it("retries when the answer is lost after the server committed: still one message", async () => {
    const s = await setup();
    let dropNext = false;
    let attempts = 0;
    // The request reaches the server and commits; its answer never reaches the app (a dropped connection).
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === "POST" && String(input).endsWith("/messages")) {
        attempts++;
        if (dropNext) {
          dropNext = false;
          throw new TypeError("fetch failed");
        }
      }
      return response;
    };
    const identifier = `flaky-${crypto.randomUUID()}`;
    const client = createMessagingClient({
      baseUrl: server.baseUrl,
      inboxIdentifier: s.api.inboxIdentifier,
      identifier,
      identifierHash: s.api.hashOf(identifier),
      gatewayUrl: `http://127.0.0.1:${gateway.port}`,
      fetch: flaky,
    });
    clients.push(client);
    await client.connect();
    dropNext = true;
    const ack = await client.send({ text: "Sent over a bad network" });
    expect(attempts).toBe(2);
    expect(ack.seq).toBe(1);
    expect(await ownerDb().message.count({ where: { conversationId: client.conversationId! } })).toBe(1);
  });

  it("sends a file, and refuses one whose bytes are not what it claims", async () => {
    const s = await setup();
    await s.client.connect();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const sent = await s.client.sendFile({ file: new Blob([png], { type: "image/png" }), fileName: "damage.png" });
    expect(sent.message.attachments).toEqual([expect.objectContaining({ fileName: "damage.png" })]);
    const refused = await s.client
      .sendFile({ file: new Blob(["%!PS not a png"], { type: "image/png" }), fileName: "fake.png" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForecourtError);
    expect(refused).toMatchObject({ status: 400, code: "invalid_input" });
  });

  it("rejects connect() with 401 for a forged hash", async () => {
    const s = await setup();
    const forged = createMessagingClient({
      baseUrl: server.baseUrl,
      inboxIdentifier: s.api.inboxIdentifier,
      identifier: "someone-else",
      identifierHash: "f".repeat(64),
      gatewayUrl: `http://127.0.0.1:${gateway.port}`,
    });
    clients.push(forged);
    await expect(forged.connect()).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("resumes by seq after a forced disconnect: 0 lost, 0 doubled, in order", async () => {
    const s = await setup();
    await s.client.connect();
    await s.client.send({ text: "Hello" });
    let disconnects = 0;
    let connects = 0;
    s.client.on("disconnected", () => disconnects++);
    s.client.on("connected", () => connects++);

    // The agent writes 60 messages; after 20 the gateway drops the visitor's sockets, and again
    // after 40 (once the client is back). Messages keep coming while it is away.
    const total = 60;
    for (let i = 1; i <= total; i++) {
      if (i === 40) await until(() => connects >= 1, "the first reconnect");
      await s.agentSays(`reply ${i}`, `stream-${String(i).padStart(4, "0")}`);
      if (i === 20 || i === 40) gateway.io.of(NAMESPACES.visitor).disconnectSockets(true);
    }
    await until(() => s.received.length === total + 1, `${total + 1} messages (got ${s.received.length})`);
    await new Promise((r) => setTimeout(r, 300)); // anything doubled would arrive now
    const agentBodies = s.received.filter((m) => m.authorType === "AGENT").map((m) => m.body);
    expect(agentBodies).toEqual(Array.from({ length: total }, (_, i) => `reply ${i + 1}`));
    expect(s.received.map((m) => m.seq)).toEqual(Array.from({ length: total + 1 }, (_, i) => i + 1));
    expect(new Set(s.received.map((m) => m.id)).size).toBe(total + 1);
    expect(disconnects).toBeGreaterThanOrEqual(2);
    expect(connects).toBeGreaterThanOrEqual(2);
    expect(s.client.lastSeq).toBe(total + 1);
  });

  it("picks up where the app left off (afterSeq), across a restart of the app", async () => {
    const s = await setup("returning-driver");
    await s.client.connect();
    await s.client.send({ text: "one" });
    await s.agentSays("two");
    await until(() => s.received.length === 2, "two messages");
    const { conversationId, lastSeq } = s.client;
    await s.client.close();
    await s.agentSays("three (while the app was closed)");

    const restarted = createMessagingClient({
      baseUrl: server.baseUrl,
      inboxIdentifier: s.api.inboxIdentifier,
      identifier: "returning-driver",
      identifierHash: s.api.hashOf("returning-driver"),
      afterSeq: lastSeq,
      gatewayUrl: `http://127.0.0.1:${gateway.port}`,
    });
    clients.push(restarted);
    const got: TMessageEvent[] = [];
    restarted.on("message", (m) => got.push(m));
    await restarted.connect();
    expect(restarted.conversationId).toBe(conversationId);
    await until(() => got.length === 1, "the missed message");
    expect(got.map((m) => [m.seq, m.body])).toEqual([[3, "three (while the app was closed)"]]);
  });
});
