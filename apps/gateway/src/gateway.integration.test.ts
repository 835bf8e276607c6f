import fc from "fast-check";
import { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { revokeSession } from "@forecourt/core/accounts/revoke-session";
import { publishMessageUpdate, publishSessionRevoked } from "@forecourt/core/chat/realtime";
import { issueRealtimeToken } from "@forecourt/core/chat/realtime-token";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN } from "@forecourt/core/chat/test-helpers";
import { EVENTS, type TMessageEvent } from "@forecourt/protocol";
import { ownerDb } from "@forecourt/testing";
import { startGateway, type TGateway } from "./server";

let a: TGateway;
let b: TGateway;
const sockets: Socket[] = [];

beforeAll(async () => {
  const redis = new Redis(getConfig().REDIS_URL);
  const keys = await redis.keys(`${getConfig().REDIS_PREFIX}:rl:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  // Two gateway instances, each with its own Redis connections: as two processes would be.
  a = await startGateway({ port: 0 });
  b = await startGateway({ port: 0 });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await a.close();
  await b.close();
});

function open(gateway: TGateway, ns: "/agent" | "/visitor", token: string): Promise<Socket> {
  const socket = connect(`http://127.0.0.1:${gateway.port}${ns}`, {
    transports: ["websocket"],
    auth: { token },
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => reject(e));
  });
}

function call<T = { ok: boolean; id?: string; seq?: number; error?: { code: string }; messages?: TMessageEvent[] }>(
  socket: Socket,
  event: string,
  payload: unknown,
): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
}

function nextEvent<T>(socket: Socket, event: string, filter: (e: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (e: T) => {
      if (!filter(e)) return;
      socket.off(event, listener);
      resolve(e);
    };
    socket.on(event, listener);
  });
}

async function setup() {
  const t = await createChatTenant("Gateway");
  const session = await ownerDb().userSession.create({
    data: { userId: t.user.id, activeCustomerId: t.customer.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Vera", consent: true },
  });
  const agentToken = issueRealtimeToken({ sessionId: session.id, userId: t.user.id, customerId: t.customer.id });
  return { ...t, session, ...started, agentToken };
}

describe("gateway protocol", () => {
  it("acks a resend with the same clientId with the same id and seq, writing once", async () => {
    const s = await setup();
    const visitor = await open(a, "/visitor", s.token);
    const payload = { conversationId: s.conversationId, clientId: "resend-000001", body: "Hello" };
    const first = await call(visitor, EVENTS.send, payload);
    const second = await call(visitor, EVENTS.send, payload);
    expect(first).toMatchObject({ ok: true, seq: 1 });
    expect(second).toEqual(first);
    expect(await ownerDb().message.count({ where: { conversationId: s.conversationId } })).toBe(1);
  });

  it("replays what a visitor missed while disconnected, from PostgreSQL", async () => {
    const s = await setup();
    const visitor = await open(a, "/visitor", s.token);
    await call(visitor, EVENTS.send, { conversationId: s.conversationId, clientId: "catchup-0001", body: "one" });
    visitor.disconnect();
    const agent = await open(b, "/agent", s.agentToken);
    for (const body of ["two", "three", "four"]) {
      const ack = await call(agent, EVENTS.send, { conversationId: s.conversationId, clientId: `c-${body}-000`, body });
      expect(ack.ok).toBe(true);
    }
    const again = await open(a, "/visitor", s.token);
    const sync = await call(again, EVENTS.sync, { conversations: [{ conversationId: s.conversationId, afterSeq: 1 }] });
    expect(sync.messages?.map((m) => [m.seq, m.body])).toEqual([
      [2, "two"],
      [3, "three"],
      [4, "four"],
    ]);
  });

  it("delivers live across two gateway instances, and never sends a note to the visitor", async () => {
    const s = await setup();
    const agent = await open(a, "/agent", s.agentToken);
    const visitor = await open(b, "/visitor", s.token);
    expect(await call(agent, EVENTS.join, { conversationId: s.conversationId })).toEqual({ ok: true });

    const atAgent = nextEvent<TMessageEvent>(agent, EVENTS.message);
    // The visitor's own message comes back to its room too; wait for that echo, so a late echo
    // under load is not mistaken for something sent to the visitor later.
    const ownEcho = nextEvent<TMessageEvent>(visitor, EVENTS.message);
    await call(visitor, EVENTS.send, { conversationId: s.conversationId, clientId: "live-v-00001", body: "From B" });
    expect((await atAgent).body).toBe("From B");
    expect((await ownEcho).body).toBe("From B");

    const seenByVisitor: TMessageEvent[] = [];
    visitor.on(EVENTS.message, (m: TMessageEvent) => seenByVisitor.push(m));
    const noteAtAgent = nextEvent<TMessageEvent>(agent, EVENTS.message, (m) => m.kind === "NOTE");
    await call(agent, EVENTS.send, {
      conversationId: s.conversationId,
      clientId: "live-note-001",
      body: "private",
      kind: "NOTE",
    });
    await noteAtAgent;
    const reply = nextEvent<TMessageEvent>(visitor, EVENTS.message);
    await call(agent, EVENTS.send, { conversationId: s.conversationId, clientId: "live-a-00001", body: "From A" });
    expect((await reply).body).toBe("From A");
    expect(seenByVisitor.map((m) => m.body)).toEqual(["From A"]);
  });

  it("forwards message:update (delivery ticks) to the agents who opened the conversation, not to the visitor", async () => {
    const s = await setup();
    const agent = await open(a, "/agent", s.agentToken);
    const elsewhere = await open(b, "/agent", s.agentToken);
    const visitor = await open(b, "/visitor", s.token);
    expect(await call(agent, EVENTS.join, { conversationId: s.conversationId })).toEqual({ ok: true });
    const echo = nextEvent<TMessageEvent>(agent, EVENTS.message);
    const ack = await call(agent, EVENTS.send, {
      conversationId: s.conversationId,
      clientId: "upd-a-00001",
      body: "Hi",
    });
    const sent = await echo;
    expect(sent.id).toBe(ack.id);

    const seen: unknown[] = [];
    visitor.on(EVENTS.messageUpdate, (e: unknown) => seen.push(e));
    elsewhere.on(EVENTS.messageUpdate, (e: unknown) => seen.push(e));
    const update = nextEvent<TMessageEvent>(agent, EVENTS.messageUpdate);
    const delivered: TMessageEvent = {
      ...sent,
      delivery: { status: "DELIVERED", error: null, at: new Date().toISOString() },
    };
    // From outside the gateways (the worker's delivery job publishes so): through the Redis emitter.
    publishMessageUpdate(delivered);
    expect(await update).toEqual(delivered);
    // A message to the room afterwards arrives everywhere it should, so the update had time to arrive too.
    const after = nextEvent<TMessageEvent>(visitor, EVENTS.message);
    await call(agent, EVENTS.send, { conversationId: s.conversationId, clientId: "upd-a-00002", body: "Next" });
    await after;
    expect(seen).toEqual([]);
  });

  it("refuses to let an agent join a conversation of another tenant or outside the dealer scope", async () => {
    const s = await setup();
    const other = await setup();
    const foreign = await open(a, "/agent", other.agentToken);
    expect(await call(foreign, EVENTS.join, { conversationId: s.conversationId })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const sync = await call(foreign, EVENTS.sync, {
      conversations: [{ conversationId: s.conversationId, afterSeq: 0 }],
    });
    expect(sync).toMatchObject({ ok: false });
    const send = await call(foreign, EVENTS.send, {
      conversationId: s.conversationId,
      clientId: "foreign-01",
      body: "x",
    });
    expect(send).toMatchObject({ ok: false });

    // Same tenant, membership limited to a second dealer: refused too.
    const dealer2 = await ownerDb().dealer.create({
      data: { customerId: s.customer.id, name: `Second ${s.session.id}` },
    });
    const membership = await ownerDb().membership.findFirstOrThrow({ where: { userId: s.user.id } });
    await ownerDb().membershipDealer.create({
      data: { customerId: s.customer.id, membershipId: membership.id, dealerId: dealer2.id },
    });
    const scoped = await open(b, "/agent", s.agentToken);
    expect(await call(scoped, EVENTS.join, { conversationId: s.conversationId })).toMatchObject({ ok: false });
  });

  it("refuses a bad token and a forged visitor token", async () => {
    await expect(open(a, "/agent", "not-a-token")).rejects.toThrow(/unauthorized/);
    const s = await setup();
    await expect(open(a, "/visitor", `${s.token.slice(0, -4)}AAAA`)).rejects.toThrow(/unauthorized/);
  });

  it("disconnects the sockets of a revoked session at once when revocation is published", async () => {
    const s = await setup();
    const agent = await open(a, "/agent", s.agentToken);
    const agentOnB = await open(b, "/agent", s.agentToken);
    const gone = Promise.all([nextEvent(agent, "disconnect"), nextEvent(agentOnB, "disconnect")]);
    await revokeSession({ sessionId: s.session.id, userId: s.user.id });
    publishSessionRevoked(s.session.id);
    await gone;
    expect(agent.connected || agentOnB.connected).toBe(false);
    await expect(open(a, "/agent", s.agentToken)).rejects.toThrow(/unauthorized/);
  });

  it("disconnects a revoked session within seconds even without the event (periodic re-check)", async () => {
    const s = await setup();
    const agent = await open(a, "/agent", s.agentToken);
    const gone = nextEvent(agent, "disconnect");
    await ownerDb().userSession.update({ where: { id: s.session.id }, data: { revokedAt: new Date() } });
    await gone;
    expect(agent.connected).toBe(false);
  });

  it("rate limits visitor messages per IP with a clear refusal", async () => {
    const s = await setup();
    const visitor = await open(a, "/visitor", s.token);
    const limit = getConfig().CHAT_LIMIT_MESSAGES_PER_IP_MINUTE;
    let refused: { ok: boolean; error?: { code: string } } | undefined;
    for (let i = 0; i <= limit + 5 && !refused; i++) {
      const ack = await call(visitor, EVENTS.send, {
        conversationId: s.conversationId,
        clientId: `flood-${i}-000`,
        body: "x",
      });
      if (!ack.ok) refused = ack;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
  });
});

type TAck = { ok: boolean; error?: { code: string } };

describe("fuzz (issue 9): arbitrary payloads on every client event", () => {
  it("are answered with a refusal or success, never 'unavailable', and the gateway stays up", async () => {
    const s = await setup();
    const agent = await open(a, "/agent", s.agentToken);
    const visitor = await open(b, "/visitor", s.token);
    const reasons: string[] = [];
    agent.on("disconnect", (reason) => reasons.push(`agent: ${reason}`));
    visitor.on("disconnect", (reason) => reasons.push(`visitor: ${reason}`));
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom("\u0000", "\u202Eevil", "😀".repeat(2_500), "99999999999", s.conversationId),
    );
    const payload = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          conversationId: fc.oneof(fc.uuid(), text, fc.constant(s.conversationId)),
          clientId: text,
          body: text,
          kind: fc.constantFrom("TEXT", "NOTE", "x"),
          seq: fc.oneof(fc.integer(), fc.double(), fc.constant(99_999_999_999)),
          typing: fc.boolean(),
          conversations: fc.array(
            fc.record({ conversationId: fc.oneof(fc.uuid(), text), afterSeq: fc.oneof(fc.integer(), fc.double()) }),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      ),
    );
    // Every event each namespace listens to (the visitor's room membership is fixed at connect).
    const agentEvents = [EVENTS.send, EVENTS.sync, EVENTS.read, EVENTS.typing, EVENTS.join, EVENTS.leave] as const;
    const visitorEvents = [EVENTS.send, EVENTS.sync, EVENTS.read, EVENTS.typing] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...agentEvents), payload, async (event, body) => {
        const answers = [await call<TAck>(agent, event, body)];
        if ((visitorEvents as readonly string[]).includes(event)) answers.push(await call<TAck>(visitor, event, body));
        for (const ack of answers) {
          expect(typeof ack.ok, event).toBe("boolean");
          if (!ack.ok)
            expect(ack.error?.code, `${event} ${JSON.stringify(body).slice(0, 200)}`).not.toBe("unavailable");
        }
      }),
      { numRuns: 40, seed: 20261201 },
    );
    expect({ agent: agent.connected, visitor: visitor.connected, reasons }).toEqual({
      agent: true,
      visitor: true,
      reasons: [],
    });
    // Still serving real traffic afterwards (the agent: the visitor may have used up its message limit).
    const ack = await call(agent, EVENTS.send, {
      conversationId: s.conversationId,
      clientId: "fuzz-after-01",
      body: "ok",
    });
    expect(ack).toMatchObject({ ok: true });
  });
});
