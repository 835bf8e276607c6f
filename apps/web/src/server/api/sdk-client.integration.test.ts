import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApiKey, createTestConversation } from "@forecourt/core/api-keys/test-api-key";
import { createChatTenant } from "@forecourt/core/chat/test-helpers";
import { createClient, ForecourtError } from "@forecourt/sdk/source";
import { ownerDb } from "@forecourt/testing";
import { startApiTestServer, type TApiTestServer } from "./api-test-server";

/*
 * @forecourt/sdk's REST client against the real /api/v1 over HTTP (real keys, PostgreSQL and
 * Redis). Retries are exercised through a flaky proxy in front of the server (a local stand-in
 * of a bad network: real HTTP), never by mocking the client's own code.
 */

let api: TApiTestServer;
let tenant: Awaited<ReturnType<typeof createChatTenant>>;

beforeAll(async () => {
  api = await startApiTestServer();
  tenant = await createChatTenant("Sdk rest");
});

afterAll(async () => {
  await api?.close();
});

/** A proxy that answers 503 to the first `failures` requests whose method matches — after forwarding them. */
async function flakyProxy(target: string, failures: number, method = "POST") {
  let left = failures;
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push(String(req.headers["idempotency-key"] ?? ""));
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "host"),
      );
      void fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      })
        .then(async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          if (req.method === method && left-- > 0) {
            // The server did the work; the answer is lost on the way back.
            res
              .writeHead(503, { "content-type": "application/json" })
              .end('{"code":"unavailable","error":"try later"}');
            return;
          }
          res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("@forecourt/sdk REST client", () => {
  it("iterates every page of conversations and sends a message", async () => {
    const { customer, dealer, channel } = await createChatTenant("Sdk pages");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await createTestConversation({ customerId: customer.id, dealerId: dealer.id, channelId: channel.id }))
          .conversation.id,
      );
    const { token } = await createTestApiKey(customer.id);
    const forecourt = createClient({ baseUrl: api.baseUrl, apiKey: token });
    const seen: string[] = [];
    for await (const c of forecourt.conversations.iterate({ limit: 2 })) seen.push(c.id);
    expect(seen.sort()).toEqual([...ids].sort());

    const sent = await forecourt.messages.send(ids[0]!, { body: "Your car is ready." });
    expect(sent).toMatchObject({ duplicate: false, message: { authorType: "BOT", body: "Your car is ready." } });
    const page = await forecourt.messages.list(ids[0]!);
    expect(page.data.map((m) => m.id)).toEqual([sent.message.id]);
  });

  it("throws ForecourtError with the stable code, status and issues", async () => {
    const { token } = await createTestApiKey(tenant.customer.id);
    const forecourt = createClient({ baseUrl: api.baseUrl, apiKey: token, maxRetries: 0 });
    const missing = await forecourt.messages.send(crypto.randomUUID(), { body: "hi" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ForecourtError);
    expect(missing).toMatchObject({ status: 404, code: "not_found" });
    const invalid = await forecourt.conversations.list({ limit: 1000 }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: "invalid_input" });
    const unknownKey = createClient({ baseUrl: api.baseUrl, apiKey: "fc_live_nope", maxRetries: 0 });
    await expect(unknownKey.conversations.list()).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("retries a send whose answer was lost with the same Idempotency-Key: one message, the first answer", async () => {
    const { conversation } = await createTestConversation({
      customerId: tenant.customer.id,
      dealerId: tenant.dealer.id,
      channelId: tenant.channel.id,
    });
    const { token } = await createTestApiKey(tenant.customer.id);
    const proxy = await flakyProxy(api.baseUrl, 2);
    try {
      const forecourt = createClient({ baseUrl: proxy.url, apiKey: token, maxRetries: 3, retryBaseMs: 10 });
      const sent = await forecourt.messages.send(conversation.id, { body: "Once only" });
      expect(sent.message.body).toBe("Once only");
      expect(proxy.seen).toHaveLength(3);
      expect(new Set(proxy.seen).size).toBe(1); // one key, three attempts
      expect(await ownerDb().message.count({ where: { conversationId: conversation.id } })).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it("surfaces 429 with Retry-After when it may not retry, and honours an AbortSignal", async () => {
    const { token } = await createTestApiKey(tenant.customer.id);
    const forecourt = createClient({ baseUrl: api.baseUrl, apiKey: token, maxRetries: 0 });
    // API_RATE_LIMIT_PER_KEY_MINUTE is 100 in the test environment.
    const results = await Promise.allSettled(
      Array.from({ length: 105 }, () => forecourt.conversations.list({ limit: 1 })),
    );
    const limited = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(limited.length).toBe(5);
    for (const e of limited) expect(e).toMatchObject({ status: 429, code: "rate_limited" });
    expect((limited[0] as ForecourtError).retryAfterSeconds).toBeGreaterThan(0);

    const controller = new AbortController();
    controller.abort();
    const other = createClient({ baseUrl: api.baseUrl, apiKey: (await createTestApiKey(tenant.customer.id)).token });
    await expect(other.conversations.list({}, { signal: controller.signal })).rejects.toThrow();
  });
});
