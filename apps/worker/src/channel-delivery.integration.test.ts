import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { receiveMetaWebhook } from "@forecourt/core/channels/receive-meta-webhook";
import { requeueStaleDeliveries } from "@forecourt/core/channels/requeue-stale-deliveries";
import { retryDelivery } from "@forecourt/core/channels/retry-delivery";
import { sendTemplateMessage } from "@forecourt/core/channels/send-template-message";
import { syncTemplates } from "@forecourt/core/channels/sync-templates";
import { createMetaChannel } from "@forecourt/core/channels/test-helpers";
import { markRead } from "@forecourt/core/chat/mark-read";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { ForbiddenError } from "@forecourt/core/errors";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { closeQueues, queue, workerOptions } from "@forecourt/jobs";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { startMetaGraph, type TMetaGraph } from "@forecourt/testing/meta-graph";
import { HANDLERS } from "./registry";

/*
 * Outbound delivery and inbound media end to end: core commits, real BullMQ runs the worker's
 * own handlers, the adapters talk real HTTP to the Meta Graph stand-in, and the stand-in's
 * webhooks (statuses) come back over HTTP to core's webhook receiver.
 */

let graph: TMetaGraph;
let hooks: Server;
let hookUrl = "";
let worker: Worker;

beforeAll(async () => {
  await queue("delivery").obliterate({ force: true });
  // Our callback as the route runs it: raw bytes and the signature header into core.
  hooks = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const signature = req.headers["x-hub-signature-256"];
      receiveMetaWebhook({
        rawBody: Buffer.concat(chunks),
        signature: typeof signature === "string" ? signature : null,
      }).then(
        (counts) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts)),
        (error: unknown) => res.writeHead(401).end(String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, "127.0.0.1", () => resolve()));
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/api/hooks/meta`;
  graph = await startMetaGraph({ port: getConfig().CHANNEL_SIMULATOR_PORT });
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
  await graph?.close();
  await new Promise((r) => hooks?.close(r));
  await queue("delivery").obliterate({ force: true });
  await closeQueues();
});

beforeEach(() => {
  graph.reset();
});

async function arrange(type: "WHATSAPP" | "MESSENGER" = "WHATSAPP") {
  const tenant = await createTestTenant("Delivery");
  const meta = await createMetaChannel(tenant, type);
  if (type === "WHATSAPP")
    graph.addWhatsApp({
      phoneNumberId: meta.externalId,
      wabaId: meta.wabaId,
      accessToken: meta.accessToken,
      appSecret: meta.appSecret,
      webhookUrl: hookUrl,
    });
  else
    graph.addMessenger({
      pageId: meta.externalId,
      pageAccessToken: meta.accessToken,
      appSecret: meta.appSecret,
      webhookUrl: hookUrl,
    });
  const { user } = await createTestUser({ customerId: tenant.customer.id, role: "AGENT" });
  const agent = testMemberPrincipal(user.id, tenant.customer.id, "AGENT", { name: "Agent Smith" });
  return { ...tenant, ...meta, agent };
}

/** A customer writes first (opens the window); returns the conversation. */
async function customerWrites(t: Awaited<ReturnType<typeof arrange>>, from = "31612345678") {
  const posted = await graph.postWhatsAppInbound({
    phoneNumberId: t.externalId,
    from,
    name: "Customer",
    messages: [{ type: "text", text: "Hello dealer" }],
  });
  expect(posted.status).toBe(200);
  return ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
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

describe("channel delivery (real BullMQ, real HTTP to the Meta stand-in)", () => {
  it("sends a reply once, stores the wamid, and follows the statuses to read", async () => {
    const t = await arrange();
    const conversation = await customerWrites(t);
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "reply-00001", body: "Yes, come by at 10" },
    });
    expect(sent.event.delivery?.status).toBe("QUEUED");
    const row = await until(
      () => messageRow(sent.id),
      (m) => m.deliveryStatus !== "QUEUED",
    );
    expect(row).toMatchObject({ deliveryStatus: "SENT", awaitingJob: false });
    const accepted = graph.sent({ channel: "whatsapp" });
    expect(accepted.map((s) => [s.to, s.text, s.id])).toEqual([["31612345678", "Yes, come by at 10", row.externalId]]);
    await graph.postStatuses([
      { id: row.externalId!, status: "read" },
      { id: row.externalId!, status: "delivered" },
    ]);
    expect((await messageRow(sent.id)).deliveryStatus).toBe("READ");
  });

  it("does not retry 131047 (outside the window) and says why", async () => {
    const t = await arrange();
    const conversation = await customerWrites(t);
    graph.failNext({ kind: "graph_error", code: 131047 }, { on: "send" });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "reply-00002", body: "Late answer" },
    });
    const row = await until(
      () => messageRow(sent.id),
      (m) => m.deliveryStatus !== "QUEUED",
    );
    expect(row.deliveryStatus).toBe("FAILED");
    expect(row.deliveryError).toMatchObject({ code: "reply_window_closed", retryable: false });
    const job = await queue("delivery").getJob(sent.id);
    expect(job?.attemptsMade).toBe(1);
    expect(graph.sent()).toHaveLength(0);
  });

  it("retries a 500 and sends exactly once when Meta recovers; Retry re-sends a failed message", async () => {
    const t = await arrange();
    const conversation = await customerWrites(t);
    graph.failNext({ kind: "server_error" }, { on: "send" });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "reply-00003", body: "After a hiccup" },
    });
    const row = await until(
      () => messageRow(sent.id),
      (m) => m.deliveryStatus !== "QUEUED",
    );
    expect(row.deliveryStatus).toBe("SENT");
    expect(graph.sent().filter((s) => s.text === "After a hiccup")).toHaveLength(1);
    expect((await queue("delivery").getJob(sent.id))?.attemptsMade).toBeGreaterThanOrEqual(1);

    graph.failNext({ kind: "graph_error", code: 131026 }, { on: "send" });
    const failed = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "reply-00004", body: "Second try" },
    });
    expect(
      (
        await until(
          () => messageRow(failed.id),
          (m) => m.deliveryStatus !== "QUEUED",
        )
      ).deliveryStatus,
    ).toBe("FAILED");
    const retried = await retryDelivery({ agent: t.agent, messageId: failed.id });
    expect(retried.delivery?.status).toBe("QUEUED");
    expect(
      (
        await until(
          () => messageRow(failed.id),
          (m) => m.deliveryStatus !== "QUEUED",
        )
      ).deliveryStatus,
    ).toBe("SENT");
    expect(graph.sent().filter((s) => s.text === "Second try")).toHaveLength(1);
  });

  it("refuses free text when the window has closed and a disabled channel; a template still goes", async () => {
    const t = await arrange();
    const conversation = await customerWrites(t);
    await ownerDb().conversation.update({
      where: { id: conversation.id },
      data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    await expect(
      sendMessage({
        sender: { agent: t.agent },
        input: { conversationId: conversation.id, clientId: "reply-00005", body: "Too late" },
      }),
    ).rejects.toMatchObject({ code: "reply_window_closed" });
    expect(await ownerDb().message.count({ where: { conversationId: conversation.id } })).toBe(1);

    const { user: adminUser } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
    const admin = testMemberPrincipal(adminUser.id, t.customer.id, "ADMIN");
    expect((await syncTemplates({ principal: admin, channelId: t.channel.id })).templates).toBeGreaterThan(0);
    const template = await ownerDb().messageTemplate.findFirstOrThrow({
      where: { channelId: t.channel.id, status: "APPROVED", variableCount: { gt: 0 } },
    });
    graph.setLastInbound({
      channel: "whatsapp",
      accountId: t.externalId,
      customer: "31612345678",
      at: Date.now() - 25 * 3_600_000,
    });
    const variables = Array.from({ length: template.variableCount }, (_, i) => `value ${i + 1}`);
    const sent = await sendTemplateMessage({
      agent: t.agent,
      conversationId: conversation.id,
      clientId: "template-01",
      templateId: template.id,
      variables,
    });
    expect(sent.event.body).toContain("value 1");
    expect(
      (
        await until(
          () => messageRow(sent.id),
          (m) => m.deliveryStatus !== "QUEUED",
        )
      ).deliveryStatus,
    ).toBe("SENT");
    const accepted = graph.sent().find((s) => s.type === "template");
    expect(accepted?.payload).toMatchObject({
      template: { name: template.name, language: { code: template.language } },
    });

    await ownerDb().channel.update({ where: { id: t.channel.id }, data: { status: "DISABLED" } });
    await expect(
      sendTemplateMessage({
        agent: t.agent,
        conversationId: conversation.id,
        clientId: "template-02",
        templateId: template.id,
        variables,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("downloads a voice note the customer sent, checks it and attaches it", async () => {
    const t = await arrange();
    const ogg = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(60, 7)]);
    await graph.postWhatsAppInbound({
      phoneNumberId: t.externalId,
      from: "31698765432",
      name: "Voice",
      messages: [{ type: "audio", voice: true, bytes: ogg }],
    });
    const message = await ownerDb().message.findFirstOrThrow({ where: { customerId: t.customer.id } });
    expect(message.data).toMatchObject({ type: "media", mediaKind: "voice", state: "pending" });
    const done = await until(
      () => messageRow(message.id),
      (m) => (m.data as { state?: string }).state !== "pending",
    );
    expect(done.data).toEqual({ type: "media", mediaKind: "voice", state: "stored" });
    const attachment = await ownerDb().attachment.findFirstOrThrow({ where: { messageId: message.id } });
    expect(attachment).toMatchObject({ mimeType: "audio/ogg", sizeBytes: ogg.length });

    // A file that is not what it says is refused, and the message says so.
    await graph.postWhatsAppInbound({
      phoneNumberId: t.externalId,
      from: "31698765432",
      name: "Voice",
      messages: [{ type: "image", bytes: Buffer.from("<html>not a photo</html>"), mimeType: "image/jpeg" }],
    });
    const fake = await ownerDb().message.findFirstOrThrow({
      where: { customerId: t.customer.id, id: { not: message.id } },
    });
    const refused = await until(
      () => messageRow(fake.id),
      (m) => (m.data as { state?: string }).state !== "pending",
    );
    expect(refused.data).toMatchObject({ type: "media", state: "failed" });
    expect(await ownerDb().attachment.count({ where: { messageId: fake.id } })).toBe(0);
  });

  it("a reply whose job was lost (crash between commit and enqueue) is sent once by the sweep", async () => {
    const t = await arrange();
    const conversation = await customerWrites(t);
    const lost = await ownerDb().message.create({
      data: {
        customerId: t.customer.id,
        conversationId: conversation.id,
        seq: 2,
        clientId: "lost-job-0001",
        authorType: "AGENT",
        authorUserId: t.agent.userId,
        body: "Committed, never enqueued",
        deliveryStatus: "QUEUED",
        awaitingJob: true,
        createdAt: new Date(Date.now() - 5 * 60_000),
      },
    });
    await ownerDb().conversation.update({ where: { id: conversation.id }, data: { lastSeq: 2 } });
    expect((await requeueStaleDeliveries()).requeued).toBeGreaterThanOrEqual(1);
    // Twice: the job exists now, so nothing more is enqueued for it.
    await requeueStaleDeliveries();
    expect(
      (
        await until(
          () => messageRow(lost.id),
          (m) => m.deliveryStatus !== "QUEUED",
        )
      ).deliveryStatus,
    ).toBe("SENT");
    await requeueStaleDeliveries();
    await new Promise((r) => setTimeout(r, 500));
    expect(graph.sent().filter((s) => s.text === "Committed, never enqueued")).toHaveLength(1);
  });

  it("answers a username user who hides the number by the BSUID", async () => {
    const t = await arrange();
    const bsuid = `NL.${t.externalId}77`;
    await graph.postWhatsAppInbound({
      phoneNumberId: t.externalId,
      bsuid,
      name: "@hidden",
      messages: [{ type: "text", text: "No number here" }],
    });
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "bsuid-reply-1", body: "Hello @hidden" },
    });
    expect(
      (
        await until(
          () => messageRow(sent.id),
          (m) => m.deliveryStatus !== "QUEUED",
        )
      ).deliveryStatus,
    ).toBe("SENT");
    expect(graph.sent()[0]).toMatchObject({ to: bsuid, text: "Hello @hidden" });
    expect(graph.sent()[0]?.payload).toMatchObject({ recipient: bsuid });
    expect(graph.sent()[0]?.payload).not.toHaveProperty("to");
  });

  it("Messenger: a person answers with the HUMAN_AGENT tag between 24 hours and 7 days", async () => {
    const t = await arrange("MESSENGER");
    const psid = `55${t.externalId}`;
    await graph.postMessenger({ pageId: t.externalId, psid, messages: [{ type: "text", text: "Still there?" }] });
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    await ownerDb().conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: twoDaysAgo } });
    graph.setLastInbound({ channel: "messenger", accountId: t.externalId, customer: psid, at: twoDaysAgo });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "human-0001", body: "Sorry for the wait" },
    });
    const row = await until(
      () => messageRow(sent.id),
      (m) => m.deliveryStatus !== "QUEUED",
    );
    expect(row.deliveryError).toBeNull();
    // An agent's reply does not move the window: only the customer's messages do.
    expect((await ownerDb().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).lastInboundAt).toEqual(
      twoDaysAgo,
    );
    expect(row.deliveryStatus).toBe("SENT");
    expect(graph.sent({ channel: "messenger" })[0]).toMatchObject({
      to: psid,
      tag: "HUMAN_AGENT",
      text: "Sorry for the wait",
    });
  });
  it("an agent reading a conversation sends the customer read receipts once (WhatsApp blue ticks, Messenger Seen)", async () => {
    const t = await arrange();
    const conversation = await customerWrites(t);
    const inbound = await ownerDb().message.findFirstOrThrow({ where: { conversationId: conversation.id } });
    await markRead({ reader: { agent: t.agent }, input: { conversationId: conversation.id, seq: inbound.seq } });
    const receipts = await until(
      async () => graph.readReceipts(),
      (r) => r.length > 0,
    );
    expect(receipts).toEqual([{ channel: "whatsapp", accountId: t.externalId, messageId: inbound.externalId }]);
    // Reading again (nothing new) sends nothing more.
    await markRead({ reader: { agent: t.agent }, input: { conversationId: conversation.id, seq: inbound.seq } });
    await new Promise((r) => setTimeout(r, 500));
    expect(graph.readReceipts()).toHaveLength(1);

    const m = await arrange("MESSENGER");
    await graph.postMessenger({
      pageId: m.externalId,
      psid: "7100000000000042",
      messages: [{ type: "text", text: "Hi page" }],
    });
    const fbConversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: m.customer.id } });
    await markRead({ reader: { agent: m.agent }, input: { conversationId: fbConversation.id, seq: 1 } });
    const both = await until(
      async () => graph.readReceipts(),
      (r) => r.length > 1,
    );
    expect(both[1]).toEqual({ channel: "messenger", accountId: m.externalId, psid: "7100000000000042" });
  });
  it("names a new Messenger contact from the User Profile API, but never over a name someone typed", async () => {
    const m = await arrange("MESSENGER");
    await graph.postMessenger({
      pageId: m.externalId,
      psid: "7100000000000077",
      name: "Lotte de Vries",
      messages: [{ type: "text", text: "Do you have a blue one?" }],
    });
    const contact = await until(
      () => ownerDb().contact.findFirstOrThrow({ where: { customerId: m.customer.id } }),
      (c) => c.name !== null,
    );
    expect(contact.name).toBe("Lotte de Vries");

    // A person the profile API knows nothing about stays nameless (no error).
    await graph.postMessenger({
      pageId: m.externalId,
      psid: "7100000000000078",
      messages: [{ type: "text", text: "Hello?" }],
    });
    const second = await until(
      () => ownerDb().contact.findMany({ where: { customerId: m.customer.id }, orderBy: { createdAt: "asc" } }),
      (rows) => rows.length === 2,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect((await ownerDb().contact.findUniqueOrThrow({ where: { id: second[1]!.id } })).name).toBeNull();
    // The job refuses to overwrite: a contact named meanwhile keeps its name.
    await ownerDb().contact.update({ where: { id: contact.id }, data: { name: "Lotte (typed by agent)" } });
    const { lookupContactName } = await import("@forecourt/core/channels/lookup-contact-name");
    expect(await lookupContactName({ customerId: m.customer.id, contactId: contact.id, channelId: m.channel.id })).toBe(
      "skipped",
    );
    expect((await ownerDb().contact.findUniqueOrThrow({ where: { id: contact.id } })).name).toBe(
      "Lotte (typed by agent)",
    );
  });
});
