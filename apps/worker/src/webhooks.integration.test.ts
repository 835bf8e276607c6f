import { Worker } from "bullmq";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { assignConversation } from "@forecourt/core/chat/assign-conversation";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { setConversationStatus } from "@forecourt/core/chat/set-conversation-status";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN } from "@forecourt/core/chat/test-helpers";
import { updateContact } from "@forecourt/core/chat/update-contact";
import { eraseContact } from "@forecourt/core/contacts/erase-contact";
import { ForbiddenError, NotFoundError } from "@forecourt/core/errors";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { createWebhookEndpoint } from "@forecourt/core/webhooks/create-webhook-endpoint";
import { deliverWebhook } from "@forecourt/core/webhooks/deliver-webhook";
import { dispatchWebhookEvents, pruneWebhookLog } from "@forecourt/core/webhooks/dispatch-webhook-events";
import { listWebhookDeliveries } from "@forecourt/core/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@forecourt/core/webhooks/list-webhook-endpoints";
import { redeliverWebhook } from "@forecourt/core/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@forecourt/core/webhooks/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@forecourt/core/webhooks/update-webhook-endpoint";
import { closeQueues, queue, workerOptions } from "@forecourt/jobs";
import type { TWebhookEventType } from "@forecourt/protocol";
import { createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import {
  startWebhookReceiver,
  type TReceivedWebhook,
  type TWebhookReceiver,
} from "@forecourt/testing/webhook-receiver";
import { HANDLERS } from "./registry";
import { startWebhookListener } from "./webhook-listener";

/*
 * Outbound webhooks end to end: core records events in the changes' own transactions, the
 * dispatcher fans them out, real BullMQ runs the worker's own delivery handler with the real
 * backoff (WEBHOOK_BACKOFF_BASE_MS is 20 ms in the test configuration), and a local receiver
 * checks every signature with the standardwebhooks verifier.
 */

let receiver: TWebhookReceiver;
let worker: Worker;
const sink = new SmtpSink();

beforeAll(async () => {
  await queue("webhooks").obliterate({ force: true });
  receiver = await startWebhookReceiver();
  await sink.listen(getConfig().SMTP_PORT);
  const byName = new Map(HANDLERS.map((h) => [h.job.name, h]));
  worker = new Worker(
    "webhooks",
    async (job) =>
      byName.get(job.name)!.handle(job.data, { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 }),
    workerOptions("webhooks", { concurrency: 4 }),
  );
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await receiver?.close();
  await sink.close();
  await queue("webhooks").obliterate({ force: true });
  await closeQueues();
});

beforeEach(() => receiver.reset());

const ALL: TWebhookEventType[] = [
  "message.created",
  "conversation.created",
  "conversation.assigned",
  "conversation.status_changed",
  "contact.created",
  "contact.updated",
  "lead.created",
];

async function arrange(options: { path?: string; events?: TWebhookEventType[] } = {}) {
  const t = await createChatTenant("Webhooks");
  const { user: ownerUser } = await createTestUser({ customerId: t.customer.id, role: "OWNER" });
  const owner = testMemberPrincipal(ownerUser.id, t.customer.id, "OWNER");
  const path = options.path ?? `/hook-${crypto.randomUUID()}`;
  const created = await createWebhookEndpoint({
    actor: owner,
    input: { url: receiver.url(path), events: options.events ?? ALL },
  });
  return { ...t, owner, ownerUser, path, endpoint: created.endpoint, secret: created.secret };
}

async function startChat(t: Awaited<ReturnType<typeof arrange>>) {
  const started = await startVisitorConversation({
    input: {
      key: t.channel.publicKey,
      origin: TEST_ORIGIN,
      name: "Wim Webhook",
      email: "wim@example.com",
      consent: true,
    },
  });
  const visitor = await resolveVisitorSession({ token: started.token });
  if (!visitor) throw new Error("no visitor");
  return { ...started, visitor };
}

function verified(secret: string, hit: TReceivedWebhook) {
  return new Webhook(secret).verify(hit.body, hit.headers) as {
    type: string;
    timestamp: string;
    data: { conversation: { id: string } } & Record<string, unknown>;
  };
}

/** This tenant's deliveries: other files running beside this one dispatch events of their own tenants too. */
const deliveriesOf = (customerId: string) => ownerDb().webhookDelivery.count({ where: { customerId } });

/** Waits until no delivery of the tenant is PENDING any more. */
async function settled(customerId: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await ownerDb().webhookDelivery.count({ where: { customerId, status: "PENDING" } });
    if (pending === 0) return ownerDb().webhookDelivery.findMany({ where: { customerId }, include: { event: true } });
    if (Date.now() > deadline) throw new Error(`${pending} deliveries still pending`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("outbound webhooks", () => {
  it("sends every event type, signed by the Standard Webhooks scheme, with the payload read at send time", async () => {
    const t = await arrange();
    const chat = await startChat(t);
    await sendMessage({
      sender: { visitor: chat.visitor },
      input: { conversationId: chat.conversationId, clientId: "client-0001", body: "Is the Golf still for sale?" },
    });
    await assignConversation({ agent: t.agent, input: { conversationId: chat.conversationId, assigneeId: t.user.id } });
    await setConversationStatus({ agent: t.agent, input: { conversationId: chat.conversationId, action: "close" } });
    await updateContact({ agent: t.agent, input: { contactId: chat.contactId, phone: "+31 6 1234 5678" } });
    // A note is private to the dealer's staff: no message.created for it.
    await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: chat.conversationId, clientId: "note-0001", body: "call back", kind: "NOTE" },
    });
    await dispatchWebhookEvents();
    // Seven types; message.created twice: the customer's message and the closing message.
    expect(await deliveriesOf(t.customer.id)).toBe(8);
    await receiver.waitFor((all) => all.filter((h) => h.path === t.path).length === 8);
    const payloads = receiver.received.map((hit) => verified(t.secret, hit));
    expect([...new Set(payloads.map((p) => p.type))].sort()).toEqual([...ALL].sort());
    const byType = new Map(payloads.map((p) => [p.type, p.data]));
    const created = payloads
      .filter((p) => p.type === "message.created")
      .map((p) => p.data as unknown as { message: { authorType: string } });
    expect(created.map((d) => d.message.authorType).sort()).toEqual(["BOT", "CONTACT"]);
    expect(created.find((d) => d.message.authorType === "CONTACT")).toMatchObject({
      message: { body: "Is the Golf still for sale?", authorType: "CONTACT", conversationId: chat.conversationId },
      conversation: { id: chat.conversationId },
    });
    expect(byType.get("lead.created")).toMatchObject({
      lead: { id: chat.conversationId, source: "website_chat", name: "Wim Webhook", email: "wim@example.com" },
    });
    // Built when sent: the contact created before the phone number was added already has it.
    expect(byType.get("contact.created")).toMatchObject({ contact: { id: chat.contactId, phone: "+31 6 1234 5678" } });
    expect(byType.get("conversation.status_changed")).toMatchObject({ conversation: { status: "CLOSED" } });
    for (const hit of receiver.received) {
      expect(hit.headers["webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(() =>
        new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(hit.body, hit.headers),
      ).toThrow();
    }
    await settled(t.customer.id); // the receiver answers before the attempt is recorded
    const log = await listWebhookDeliveries({ actor: t.owner, input: { endpointId: t.endpoint.id } });
    expect(log.deliveries).toHaveLength(8);
    expect(log.deliveries.every((d) => d.status === "DELIVERED" && d.attempts === 1 && d.responseStatus === 200)).toBe(
      true,
    );
  });

  it("500, 500, 200: retried with backoff and delivered exactly once, under one webhook-id", async () => {
    const t = await arrange({ events: ["conversation.created"] });
    receiver.script(t.path, [500, 500, 200]);
    await startChat(t);
    await dispatchWebhookEvents();
    const [delivery] = await settled(t.customer.id);
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 3, responseStatus: 200 });
    await new Promise((r) => setTimeout(r, 300)); // longer than the next backoff step: nothing more comes
    const hits = receiver.received.filter((h) => h.path === t.path);
    expect(hits.map((h) => h.status)).toEqual([500, 500, 200]);
    expect(new Set(hits.map((h) => h.headers["webhook-id"])).size).toBe(1);
    for (const hit of hits) verified(t.secret, hit);
  });

  it("410 Gone disables the endpoint at once and mails the administrators; a disabled endpoint gets nothing", async () => {
    const t = await arrange({ events: ["conversation.created"] });
    // Each administrator is told in their own language.
    const { user: danish } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
    await ownerDb().user.update({ where: { id: danish.id }, data: { locale: "da" } });
    receiver.script(t.path, [410]);
    await startChat(t);
    await dispatchWebhookEvents();
    const [delivery] = await settled(t.customer.id);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 1, responseStatus: 410 });
    const [endpoint] = await listWebhookEndpoints({ actor: t.owner });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "gone" });
    const mail = await sink.waitFor(t.ownerUser.email);
    expect(mail.subject).toMatch(/Webhook disabled/);
    expect(mail.text).toContain(receiver.url(t.path));
    const danishMail = await sink.waitFor(danish.email);
    expect(danishMail.subject).toBe(`Webhook deaktiveret for ${t.customer.name}`);
    expect(danishMail.text).toContain("modtageren svarede 410 Gone");
    expect(danishMail.html).toContain("Åbn webhook-indstillingerne");

    receiver.reset();
    const before = await deliveriesOf(t.customer.id);
    await startChat(t);
    await dispatchWebhookEvents();
    expect(await deliveriesOf(t.customer.id)).toBe(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(0);
  });

  it("when every retry fails, the delivery fails and the endpoint is disabled", async () => {
    const t = await arrange({ events: ["conversation.created"] });
    receiver.script(t.path, [503]);
    await startChat(t);
    await dispatchWebhookEvents();
    const [delivery] = await settled(t.customer.id);
    expect(delivery).toMatchObject({
      status: "FAILED",
      attempts: getConfig().WEBHOOK_MAX_ATTEMPTS,
      responseStatus: 503,
    });
    expect((await listWebhookEndpoints({ actor: t.owner }))[0]).toMatchObject({
      enabled: false,
      disabledReason: "failing",
    });
    await sink.waitFor(t.ownerUser.email, (m) => /Webhook disabled/.test(m.subject));
  });

  it("refuses SSRF targets when private targets are not allowed: a loopback literal and a name that resolves to one", async () => {
    for (const url of [receiver.url("/ssrf-literal"), receiver.url("/ssrf-name").replace("127.0.0.1", "localhost")]) {
      const t = await arrange({ events: ["conversation.created"] });
      await ownerDb().webhookEndpoint.update({ where: { id: t.endpoint.id }, data: { url } });
      await startChat(t);
      // Fan out without the worker (its configuration allows loopback), then send as production would.
      const event = await ownerDb().webhookEvent.findFirstOrThrow({ where: { customerId: t.customer.id } });
      const delivery = await ownerDb().webhookDelivery.create({
        data: { customerId: t.customer.id, endpointId: t.endpoint.id, eventId: event.id },
      });
      await ownerDb().webhookEvent.update({ where: { id: event.id }, data: { dispatchedAt: new Date() } });
      const outcome = await deliverWebhook({
        customerId: t.customer.id,
        deliveryId: delivery.id,
        attempt: 1,
        maxAttempts: 5,
        allowPrivateTargets: false,
      });
      expect(outcome).toBe("failed");
      const after = await ownerDb().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(after).toMatchObject({ status: "FAILED", responseStatus: null });
      expect(after.responseExcerpt).toMatch(/refused/);
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("never sends erased data: the contact erased between the event and the send means the delivery is skipped", async () => {
    const t = await arrange({ events: ["contact.created", "lead.created", "message.created"] });
    const chat = await startChat(t);
    await sendMessage({
      sender: { visitor: chat.visitor },
      input: { conversationId: chat.conversationId, clientId: "client-0001", body: "secret plans" },
    });
    await eraseContact({ actor: t.owner, contactId: chat.contactId });
    await dispatchWebhookEvents();
    expect(await deliveriesOf(t.customer.id)).toBe(3);
    const deliveries = await settled(t.customer.id);
    expect(deliveries.map((d) => d.status)).toEqual(["SKIPPED", "SKIPPED", "SKIPPED"]);
    expect(deliveries[0]!.responseExcerpt).toMatch(/no longer exists/);
    expect(receiver.received).toHaveLength(0);
  });

  it("keeps tenants apart: an endpoint never receives another tenant's events", async () => {
    const a = await arrange({ events: ["conversation.created"] });
    const b = await arrange({ events: ["conversation.created"] });
    const chatB = await startChat(b);
    await dispatchWebhookEvents();
    await settled(b.customer.id);
    expect(receiver.received.filter((h) => h.path === a.path)).toHaveLength(0);
    const hits = receiver.received.filter((h) => h.path === b.path);
    expect(hits).toHaveLength(1);
    expect(verified(b.secret, hits[0]!).data.conversation.id).toBe(chatB.conversationId);
    // And through the use cases: A's owner sees neither B's endpoint nor its log.
    expect((await listWebhookEndpoints({ actor: a.owner })).map((e) => e.id)).toEqual([a.endpoint.id]);
    await expect(
      listWebhookDeliveries({ actor: a.owner, input: { endpointId: b.endpoint.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateWebhookEndpoint({ actor: a.owner, input: { endpointId: b.endpoint.id, enabled: false } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("only unscoped owners and administrators manage webhooks", async () => {
    const t = await arrange();
    await expect(listWebhookEndpoints({ actor: t.agent })).rejects.toBeInstanceOf(ForbiddenError);
    const scoped = testMemberPrincipal(t.ownerUser.id, t.customer.id, "ADMIN", { dealerIds: [t.dealer.id] });
    await expect(listWebhookEndpoints({ actor: scoped })).rejects.toMatchObject({ code: "tenant_wide_only" });
    const readOnly = testMemberPrincipal(t.ownerUser.id, t.customer.id, "OWNER", { readOnly: true });
    await expect(rotateWebhookSecret({ actor: readOnly, input: { endpointId: t.endpoint.id } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("signs with both secrets during a rotation, and Redeliver sends the same webhook-id again", async () => {
    const t = await arrange({ events: ["conversation.created"] });
    const rotated = await rotateWebhookSecret({
      actor: t.owner,
      input: { endpointId: t.endpoint.id, overlapHours: 24 },
    });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(t.secret);
    expect(rotated.endpoint.previousSecretExpiresAt).not.toBeNull();
    await startChat(t);
    await dispatchWebhookEvents();
    const [first] = await receiver.waitFor((all) => all.some((h) => h.path === t.path));
    expect(first!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    verified(t.secret, first!);
    verified(rotated.secret, first!);

    const [delivery] = await settled(t.customer.id);
    await redeliverWebhook({ actor: t.owner, input: { deliveryId: delivery!.id } });
    await receiver.waitFor((all) => all.filter((h) => h.path === t.path).length === 2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    const after = await settled(t.customer.id);
    expect(after[0]).toMatchObject({ status: "DELIVERED", attempts: 2 });

    // Without overlap the old secret stops at once.
    const again = await rotateWebhookSecret({ actor: t.owner, input: { endpointId: t.endpoint.id, overlapHours: 0 } });
    await redeliverWebhook({ actor: t.owner, input: { deliveryId: delivery!.id } });
    await receiver.waitFor((all) => all.filter((h) => h.path === t.path).length === 3);
    const third = receiver.received[2]!;
    expect(third.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    verified(again.secret, third);
    expect(() => verified(rotated.secret, third)).toThrow();
  });

  it("fans out as soon as the change commits: the worker LISTENs for core's NOTIFY (no dispatch call here)", async () => {
    const listener = startWebhookListener();
    try {
      await new Promise((r) => setTimeout(r, 300)); // connected and listening
      const t = await arrange({ events: ["conversation.created"] });
      const chat = await startChat(t);
      const [hit] = await receiver.waitFor((all) => all.some((h) => h.path === t.path), 5_000);
      expect(verified(t.secret, hit!).data.conversation.id).toBe(chat.conversationId);
    } finally {
      await listener.close();
    }
  });

  it("keeps the delivery log 30 days: older events and their deliveries are pruned, newer ones stay", async () => {
    const t = await arrange({ events: ["conversation.created"] });
    const old = await ownerDb().webhookEvent.create({
      data: {
        customerId: t.customer.id,
        type: "conversation.created",
        createdAt: new Date(Date.now() - 31 * 86_400_000),
      },
    });
    const recent = await ownerDb().webhookEvent.create({
      data: {
        customerId: t.customer.id,
        type: "conversation.created",
        createdAt: new Date(Date.now() - 29 * 86_400_000),
      },
    });
    for (const e of [old, recent])
      await ownerDb().webhookDelivery.create({
        data: { customerId: t.customer.id, endpointId: t.endpoint.id, eventId: e.id, status: "DELIVERED" },
      });
    expect((await pruneWebhookLog()).deleted).toBeGreaterThanOrEqual(1);
    const left = await ownerDb().webhookDelivery.findMany({ where: { customerId: t.customer.id } });
    expect(left.map((d) => d.eventId)).toEqual([recent.id]);
  });
});
