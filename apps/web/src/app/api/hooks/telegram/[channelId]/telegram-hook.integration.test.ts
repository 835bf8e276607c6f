import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { checkAgentMayWrite } from "@forecourt/core/channels/check-agent-may-write";
import { connectTelegramChannel } from "@forecourt/core/channels/connect-telegram-channel";
import { disconnectTelegramChannel } from "@forecourt/core/channels/disconnect-telegram-channel";
import { fetchInboundMedia } from "@forecourt/core/channels/fetch-inbound-media";
import { createTelegramChannel } from "@forecourt/core/channels/telegram-test-helpers";
import { readAttachment } from "@forecourt/core/storage/attachments";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { withTenant } from "@forecourt/db";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { startTelegramBotApi, type TTelegramBotApi } from "@forecourt/testing/telegram";
import { POST } from "./route";

/*
 * The Telegram callback route as Telegram calls it: the stand-in posts real updates with the
 * secret token header to this route module behind node:http. Real PostgreSQL; the media job
 * downloads through getFile from the stand-in at TELEGRAM_API_URL.
 */

let api: TTelegramBotApi;
let server: Server;
let base = "";

beforeAll(async () => {
  api = await startTelegramBotApi({ port: getConfig().TELEGRAM_STANDIN_PORT });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const channelId = /\/api\/hooks\/telegram\/([^/?]+)/.exec(req.url ?? "")?.[1] ?? "";
      POST(
        new Request(`http://127.0.0.1${req.url}`, {
          method: "POST",
          headers,
          body: new Uint8Array(Buffer.concat(chunks)),
        }),
        {
          params: Promise.resolve({ channelId }),
        },
      )
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": "application/json" });
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await new Promise((r) => server?.close(r));
});

beforeEach(() => api.reset());

const customer = (id = 400_000_000 + Math.floor(Math.random() * 1e8)) => ({
  id,
  firstName: "Sanne",
  lastName: "de Vries",
});

async function arrange(options: { status?: "ACTIVE" | "DISABLED" } = {}) {
  const tenant = await createTestTenant("Telegram");
  const tg = await createTelegramChannel(tenant, options);
  const bot = api.addBot({ token: tg.botToken, username: tg.botUsername });
  bot.webhook = {
    url: `${base}/api/hooks/telegram/${tg.channelId}`,
    secretToken: tg.webhookSecret,
    allowedUpdates: null,
  };
  return { ...tenant, ...tg };
}

const messagesOf = (customerId: string) =>
  ownerDb().message.findMany({ where: { customerId }, orderBy: { seq: "asc" } });

describe("POST /api/hooks/telegram/<channel id>", () => {
  it("refuses a wrong or missing secret token with 401 and writes nothing", async () => {
    const t = await arrange();
    const user = customer();
    const wrong = await api.postInbound({
      botId: t.botId,
      user,
      message: { type: "text", text: "hi" },
      secretToken: "not-the-secret-0123456789",
    });
    const missing = await api.postInbound({
      botId: t.botId,
      user,
      message: { type: "text", text: "hi" },
      secretToken: null,
    });
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    // Another tenant's correct secret does not open this channel either.
    const other = await arrange();
    const crossed = await api.postInbound({
      botId: t.botId,
      user,
      message: { type: "text", text: "hi" },
      secretToken: other.webhookSecret,
    });
    expect(crossed.status).toBe(401);
    expect(await messagesOf(t.customer.id)).toHaveLength(0);
    expect(await ownerDb().contact.count({ where: { customerId: t.customer.id } })).toBe(0);
    // An unknown channel id, or not a uuid: the same 401.
    const unknown = await fetch(`${base}/api/hooks/telegram/00000000-0000-4000-8000-000000000000`, {
      method: "POST",
      body: "{}",
    });
    const junk = await fetch(`${base}/api/hooks/telegram/nope`, { method: "POST", body: "{}" });
    expect([unknown.status, junk.status]).toEqual([401, 401]);
  });

  it("records a message once: the same update_id delivered twice is one message", async () => {
    const t = await arrange();
    const user = customer();
    const first = await api.postInbound({
      botId: t.botId,
      user,
      message: { type: "text", text: "Is de Golf er nog?" },
    });
    expect(first.status).toBe(200);
    const again = await api.redeliver();
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ received: { recorded: 0, duplicates: 1 } });
    const messages = await messagesOf(t.customer.id);
    expect(messages.map((m) => [m.body, m.externalId])).toEqual([
      ["Is de Golf er nog?", `${t.botId}:${user.id}:${first.messageId}`],
    ]);
    const contact = await ownerDb().contact.findFirstOrThrow({
      where: { customerId: t.customer.id },
      include: { identities: true },
    });
    expect(contact.name).toBe("Sanne de Vries");
    expect(contact.identities.map((i) => [i.channelType, i.externalId])).toEqual([["TELEGRAM", `tg_user:${user.id}`]]);
  });

  it("stores a voice note (OGG/Opus via getFile) as a playable audio attachment", async () => {
    const t = await arrange();
    const ogg = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(200, 3)]);
    const posted = await api.postInbound({ botId: t.botId, user: customer(), message: { type: "voice", bytes: ogg } });
    expect(posted.status).toBe(200);
    const [message] = await messagesOf(t.customer.id);
    expect(message!.data).toMatchObject({ type: "media", mediaKind: "voice", state: "pending" });
    expect(
      await fetchInboundMedia({ customerId: t.customer.id, messageId: message!.id, attempt: 1, maxAttempts: 5 }),
    ).toBe("stored");
    const stored = await ownerDb().message.findUniqueOrThrow({
      where: { id: message!.id },
      include: { attachments: true },
    });
    expect(stored.data).toEqual({ type: "media", mediaKind: "voice", state: "stored" });
    expect(stored.kind).toBe("ATTACHMENT");
    expect(stored.attachments.map((a) => [a.mimeType, a.sizeBytes])).toEqual([["audio/ogg", ogg.length]]);
    expect(Buffer.from((await readAttachment(stored.attachments[0]!.storageKey))!).equals(ogg)).toBe(true);
    expect(api.calls().filter((c) => c.method === "getFile")).toHaveLength(1);
  });

  it("keeps the largest photo, and shows an edit as an edit linked to the original", async () => {
    const t = await arrange();
    const user = customer();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
    const photo = await api.postInbound({
      botId: t.botId,
      user,
      message: { type: "photo", bytes: jpeg, caption: "Deuk" },
    });
    await api.postInbound({
      botId: t.botId,
      user,
      message: { type: "edit", messageId: photo.messageId, text: "Deuk links achter" },
    });
    const [original, edit] = await messagesOf(t.customer.id);
    expect(original!.data).toMatchObject({ ref: photo.fileId, mimeType: "image/jpeg" });
    expect(edit!.body).toBe("Deuk links achter");
    expect(edit!.data).toEqual({ type: "edit", toExternalId: original!.externalId, toMessageId: original!.id });
  });

  it("a block (my_chat_member kicked) is recorded on the contact and refuses replies; writing again lifts it", async () => {
    const t = await arrange();
    const user = customer();
    await api.postInbound({ botId: t.botId, user, message: { type: "text", text: "hallo" } });
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
    const blocked = await api.setBlocked({ botId: t.botId, user, blocked: true });
    expect(blocked.status).toBe(200);
    const identity = () => ownerDb().contactIdentity.findFirstOrThrow({ where: { customerId: t.customer.id } });
    expect(await identity()).toMatchObject({ optOutReason: "telegram_bot_blocked" });
    expect((await identity()).optedOutAt).not.toBeNull();
    await expect(
      withTenant(t.customer.id, (tx) => checkAgentMayWrite(tx, conversation.id, { template: false })),
    ).rejects.toMatchObject({ code: "recipient_blocked" });
    await api.setBlocked({ botId: t.botId, user, blocked: false });
    expect(await identity()).toMatchObject({ optedOutAt: null, optOutReason: null });
    expect(await withTenant(t.customer.id, (tx) => checkAgentMayWrite(tx, conversation.id, { template: false }))).toBe(
      "QUEUED",
    );
  });

  it("a disabled channel answers 200 and records nothing; a body over 1 MB is 413", async () => {
    const t = await arrange({ status: "DISABLED" });
    const posted = await api.postInbound({ botId: t.botId, user: customer(), message: { type: "text", text: "hi" } });
    expect(posted.status).toBe(200);
    expect(await messagesOf(t.customer.id)).toHaveLength(0);
    const big = await fetch(`${base}/api/hooks/telegram/${t.channelId}`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": t.webhookSecret, "content-type": "application/json" },
      body: JSON.stringify({ update_id: 1, message: { text: "x".repeat(1_100_000) } }),
    });
    expect(big.status).toBe(413);
  });
});

describe("connecting and disconnecting a bot", () => {
  it("getMe names the bot, setWebhook registers our URL with a generated secret; disconnect deletes it", async () => {
    const tenant = await createTestTenant("Telegram connect");
    const { user } = await createTestUser({ customerId: tenant.customer.id, role: "ADMIN" });
    const principal = testMemberPrincipal(user.id, tenant.customer.id, "ADMIN");
    const token = "7300000001:AAH_connect-test-token-0123456789abcd";
    api.addBot({ token, username: "garage_connect_bot" });
    const { channelId, botUsername } = await connectTelegramChannel({
      principal,
      dealerId: tenant.dealer.id,
      name: "",
      botToken: token,
    });
    expect(botUsername).toBe("garage_connect_bot");
    const webhook = api.bot("7300000001")!.webhook!;
    expect(webhook.url).toBe(`${getConfig().WEB_URL}/api/hooks/telegram/${channelId}`);
    expect(webhook.secretToken).toMatch(/^[A-Za-z0-9_-]{48}$/);
    const row = await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(row).toMatchObject({ type: "TELEGRAM", externalId: "7300000001", name: `${tenant.dealer.name} Telegram` });
    // The token and secret are encrypted at rest.
    expect(row.secretsEncrypted).not.toContain(token);
    expect(row.secretsEncrypted).not.toContain(webhook.secretToken!);

    // The same bot cannot be connected twice (here or in another tenant).
    await expect(
      connectTelegramChannel({ principal, dealerId: tenant.dealer.id, name: "", botToken: token }),
    ).rejects.toMatchObject({
      code: "channel_already_connected",
    });
    // A token Telegram does not know is a field error.
    await expect(
      connectTelegramChannel({
        principal,
        dealerId: tenant.dealer.id,
        name: "",
        botToken: "7300000002:AAH_unknown-token-0123456789abcdefg",
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });

    // Our webhook, pointed at the route, works with the registered secret.
    api.bot("7300000001")!.webhook = { ...webhook, url: `${base}/api/hooks/telegram/${channelId}` };
    const posted = await api.postInbound({
      botId: "7300000001",
      user: customer(),
      message: { type: "text", text: "hoi" },
    });
    expect(posted.status).toBe(200);

    await disconnectTelegramChannel({ principal, channelId });
    expect(api.bot("7300000001")!.webhook).toBeNull();
    expect(await ownerDb().channel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({
      status: "DISABLED",
      secretsEncrypted: null,
    });
    expect(await ownerDb().channelRoute.count({ where: { channelId } })).toBe(0);
    // Its conversation stays; the old secret opens nothing any more.
    expect(await ownerDb().message.count({ where: { customerId: tenant.customer.id } })).toBe(1);
    const late = await fetch(`${base}/api/hooks/telegram/${channelId}`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": webhook.secretToken! },
      body: "{}",
    });
    expect(late.status).toBe(401);
  });
});
