import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { receiveTelegramWebhook } from "@forecourt/core/channels/receive-telegram-webhook";
import { syncTelegramWebhooks } from "@forecourt/core/channels/sync-telegram-webhooks";
import { createTelegramChannel } from "@forecourt/core/channels/telegram-test-helpers";
import { sendAttachment } from "@forecourt/core/chat/save-attachment";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { closeQueues, queue, workerOptions } from "@forecourt/jobs";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { startTelegramBotApi, type TTelegramBotApi } from "@forecourt/testing/telegram";
import { HANDLERS } from "./registry";

/*
 * Telegram delivery end to end: core commits, real BullMQ runs the worker's own handlers with
 * the worker's backoff, the adapter talks real HTTP to the Bot API stand-in, and the stand-in's
 * updates come back over HTTP into core's receiver.
 */

let api: TTelegramBotApi;
let hooks: Server;
let hookBase = "";
let worker: Worker;

beforeAll(async () => {
  await queue("delivery").obliterate({ force: true });
  hooks = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const secret = req.headers["x-telegram-bot-api-secret-token"];
      receiveTelegramWebhook({
        channelId: (req.url ?? "").split("/").pop() ?? "",
        rawBody: Buffer.concat(chunks),
        secretToken: typeof secret === "string" ? secret : null,
      }).then(
        (counts) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts)),
        (error: unknown) => res.writeHead(401).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", () => resolve()));
  hookBase = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/api/hooks/telegram`;
  api = await startTelegramBotApi({ port: getConfig().TELEGRAM_STANDIN_PORT });
  const byName = new Map(HANDLERS.map((h) => [h.job.name, h]));
  worker = new Worker(
    "delivery",
    async (job) =>
      byName.get(job.name)!.handle(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 }),
    workerOptions("delivery", { concurrency: 4 }),
  );
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await new Promise((r) => hooks?.close(r));
  await queue("delivery").obliterate({ force: true });
  await closeQueues();
});

beforeEach(() => api.reset());

async function arrange() {
  const tenant = await createTestTenant("Telegram delivery");
  const tg = await createTelegramChannel(tenant);
  const bot = api.addBot({ token: tg.botToken, username: tg.botUsername });
  bot.webhook = { url: `${hookBase}/${tg.channelId}`, secretToken: tg.webhookSecret, allowedUpdates: null };
  const { user } = await createTestUser({ customerId: tenant.customer.id, role: "AGENT" });
  const agent = testMemberPrincipal(user.id, tenant.customer.id, "AGENT", { name: "Agent Smith" });
  const customer = { id: 500_000_000 + Math.floor(Math.random() * 1e8), firstName: "Daan" };
  const posted = await api.postInbound({ botId: tg.botId, user: customer, message: { type: "text", text: "Hallo" } });
  expect(posted.status).toBe(200);
  const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: tenant.customer.id } });
  return { ...tenant, ...tg, agent, person: customer, conversation };
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const messageRow = (id: string) => ownerDb().message.findUniqueOrThrow({ where: { id } });

describe("Telegram delivery (real BullMQ, real HTTP to the Bot API stand-in)", () => {
  it("sends a reply to the customer's chat and stores <bot>:<chat>:<message id>", async () => {
    const t = await arrange();
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: t.conversation.id, clientId: "tg-reply-0001", body: "Ja, kom langs om 10 uur" },
    });
    expect(sent.event.delivery?.status).toBe("QUEUED");
    const row = await until(
      () => messageRow(sent.id),
      (m) => m.deliveryStatus !== "QUEUED",
    );
    expect(row).toMatchObject({ deliveryStatus: "SENT", externalId: `${t.botId}:${t.person.id}:2` });
    expect(api.sent().map((s) => [s.chatId, s.method, s.text])).toEqual([
      [t.person.id, "sendMessage", "Ja, kom langs om 10 uur"],
    ]);
  });

  it("429 with retry_after: the retry waits what Telegram asked, then the message goes once", async () => {
    const t = await arrange();
    api.failNext({ kind: "rate_limit", retryAfter: 3 });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: t.conversation.id, clientId: "tg-reply-0002", body: "Na even wachten" },
    });
    // After the 429 the job sits delayed by Telegram's 3 s, not the 2 s exponential step.
    const delayed = await until(
      async () => {
        const job = await queue("delivery").getJob(sent.id);
        return job ? { state: await job.getState(), delay: job.delay, attemptsMade: job.attemptsMade } : null;
      },
      (j) => j?.state === "delayed",
    );
    expect(delayed).toEqual({ state: "delayed", delay: 3000, attemptsMade: 1 });
    const row = await until(
      () => messageRow(sent.id),
      (m) => m.deliveryStatus !== "QUEUED",
    );
    expect(row.deliveryStatus).toBe("SENT");
    expect(api.sent().filter((s) => s.text === "Na even wachten")).toHaveLength(1);
    expect(api.calls().filter((c) => c.method === "sendMessage")).toHaveLength(2);
  });

  it("a blocked bot fails once, never retried, is shown on the contact, and the next reply is refused", async () => {
    const t = await arrange();
    api.failNext({ kind: "blocked" });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: t.conversation.id, clientId: "tg-reply-0003", body: "Nog interesse?" },
    });
    const row = await until(
      () => messageRow(sent.id),
      (m) => m.deliveryStatus !== "QUEUED",
    );
    expect(row.deliveryStatus).toBe("FAILED");
    expect(row.deliveryError).toMatchObject({ code: "recipient_blocked", retryable: false });
    expect((await queue("delivery").getJob(sent.id))?.attemptsMade).toBe(1);
    const identity = await ownerDb().contactIdentity.findFirstOrThrow({ where: { customerId: t.customer.id } });
    expect(identity.optOutReason).toBe("telegram_bot_blocked");
    await expect(
      sendMessage({
        sender: { agent: t.agent },
        input: { conversationId: t.conversation.id, clientId: "tg-reply-0004", body: "Hallo?" },
      }),
    ).rejects.toMatchObject({
      code: "recipient_blocked",
      message: expect.stringContaining("blocked the Telegram bot"),
    });
    expect(await ownerDb().message.count({ where: { conversationId: t.conversation.id } })).toBe(2);
  });

  it("an agent's voice note goes as sendVoice with the OGG bytes; a photo as sendPhoto with its caption", async () => {
    const t = await arrange();
    const ogg = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(120, 9)]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(80, 2)]);
    const voice = await sendAttachment({
      sender: { agent: t.agent },
      conversationId: t.conversation.id,
      clientId: "tg-reply-0005",
      fileName: "voice-note.ogg",
      declaredType: "audio/ogg",
      bytes: ogg,
    });
    const photo = await sendAttachment({
      sender: { agent: t.agent },
      conversationId: t.conversation.id,
      clientId: "tg-reply-0006",
      fileName: "golf.jpg",
      declaredType: "image/jpeg",
      bytes: jpeg,
      caption: "Zo ziet hij eruit",
    });
    for (const id of [voice.id, photo.id])
      expect(
        (
          await until(
            () => messageRow(id),
            (m) => m.deliveryStatus !== "QUEUED",
          )
        ).deliveryStatus,
      ).toBe("SENT");
    const sent = api.sent();
    expect(sent.map((s) => [s.method, s.caption, s.file?.mimeType])).toEqual(
      expect.arrayContaining([
        ["sendVoice", null, "audio/ogg"],
        ["sendPhoto", "Zo ziet hij eruit", "image/jpeg"],
      ]),
    );
    const voiceSent = sent.find((s) => s.method === "sendVoice")!;
    expect(api.file(voiceSent.file!.fileId)!.bytes.equals(ogg)).toBe(true);
  });

  it("termination's disabled bot loses its webhook; reinstated, it gets it back", async () => {
    const t = await arrange();
    await ownerDb().channel.update({
      where: { id: t.channelId },
      data: {
        status: "DISABLED",
        config: {
          botId: t.botId,
          botUsername: t.botUsername,
          telegramWebhook: "registered",
          disabledByLifecycleOn: "2026-12-02",
        },
      },
    });
    expect((await syncTelegramWebhooks()).removed).toBeGreaterThanOrEqual(1);
    expect(api.bot(t.botId)!.webhook).toBeNull();
    expect(await syncTelegramWebhooks()).toMatchObject({ failed: 0 });
    expect(api.calls().filter((c) => c.botId === t.botId && c.method === "deleteWebhook")).toHaveLength(1);
    await ownerDb().channel.update({
      where: { id: t.channelId },
      data: { status: "ACTIVE", config: { botId: t.botId, botUsername: t.botUsername, telegramWebhook: "removed" } },
    });
    await syncTelegramWebhooks();
    expect(api.bot(t.botId)!.webhook).toMatchObject({
      url: `${getConfig().WEB_URL}/api/hooks/telegram/${t.channelId}`,
      secretToken: t.webhookSecret,
    });
  });
});
