import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { startPushService, type TPushService } from "@forecourt/testing/push-service";
import { getConfig } from "@forecourt/config";
import { queue } from "@forecourt/jobs";
import { pushNotifyJob } from "@forecourt/jobs/inbox-jobs";
import { assignConversation } from "../chat/assign-conversation";
import { startVisitorConversation } from "../chat/start-visitor-conversation";
import { sendMessage } from "../chat/send-message";
import { routeConversation } from "../routing/route-conversation";
import { visitorOf } from "../chat/test-helpers";
import { createChatTenant, TEST_ORIGIN } from "../chat/test-helpers";
import { InvalidInputError } from "../errors";
import { testUserPrincipal } from "../test-principals";
import { deletePushSubscription } from "./delete-push-subscription";
import { notifyPush } from "./notify-push";
import { MAX_DEVICES_PER_USER, savePushSubscription } from "./save-push-subscription";

/*
 * Web Push on real PostgreSQL against a push service stand-in that checks our VAPID signature
 * and decrypts the payload with the browser's own key: who is told, what they read, and that a
 * browser's URL cannot make us call anything but a push service.
 */

let push: TPushService;
beforeAll(async () => {
  push = await startPushService();
});
afterAll(async () => push.close());

async function subscribed(userId: string) {
  const browser = push.browser();
  await savePushSubscription({ actor: testUserPrincipal(userId), input: browser.subscription });
  return browser;
}

const endpointIdOf = (b: { subscription: { endpoint: string } }) => b.subscription.endpoint.split("/").pop()!;

async function arrival(t: Awaited<ReturnType<typeof createChatTenant>>) {
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Vera Visitor", consent: true },
  });
  return started.conversationId;
}

const pushesTo = (b: { subscription: { endpoint: string } }) =>
  push.received.filter((r) => r.endpointId === endpointIdOf(b));

describe("web push", () => {
  it("a new conversation reaches every agent who would see it, signed, encrypted and in their language", async () => {
    const t = await createChatTenant("Push");
    await ownerDb().user.update({ where: { id: t.user.id }, data: { locale: "da" } });
    const phone = await subscribed(t.user.id);
    const laptop = await subscribed(t.user.id);
    const conversationId = await arrival(t);

    const outcome = await notifyPush({ customerId: t.customer.id, conversationId, kind: "new" });
    expect(outcome).toEqual({ sent: 2, gone: 0, failed: 0 });
    for (const device of [phone, laptop]) {
      const [hit] = pushesTo(device);
      expect(hit?.payload).toEqual({
        title: "Ny samtale",
        body: `Vera Visitor · ${t.dealer.name}`,
        url: `/inbox?c=${conversationId}`,
        tag: conversationId,
      });
      expect(hit?.vapid.key).toBe(getConfig().VAPID_PUBLIC_KEY);
      expect(hit?.vapid.sub).toBe(getConfig().VAPID_SUBJECT);
      expect(hit?.urgency).toBe("high");
      expect(hit?.topic).toBe(conversationId.replaceAll("-", ""));
    }
    expect(push.refused).toEqual([]);
    const rows = await ownerDb().pushSubscription.findMany({ where: { userId: t.user.id } });
    expect(rows.every((r) => r.lastSuccessAt !== null)).toBe(true);
    // The auth secret is stored sealed, never as the browser sent it.
    expect(rows.map((r) => r.authEncrypted)).not.toContain(phone.subscription.keys.auth);
  });

  it("an assigned conversation tells the assignee only, and not when they assigned it to themselves", async () => {
    const t = await createChatTenant("Push assign");
    const { user: colleague } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const mine = await subscribed(t.user.id);
    const theirs = await subscribed(colleague.id);
    const conversationId = await arrival(t);
    await ownerDb().conversation.update({ where: { id: conversationId }, data: { assigneeId: colleague.id } });

    await notifyPush({ customerId: t.customer.id, conversationId, kind: "assigned", actorUserId: t.user.id });
    expect(pushesTo(theirs).map((r) => (r.payload as { title: string }).title)).toEqual(["Assigned to you"]);
    expect(pushesTo(mine)).toEqual([]);

    const before = push.received.length;
    await notifyPush({ customerId: t.customer.id, conversationId, kind: "assigned", actorUserId: colleague.id });
    expect(push.received.length).toBe(before);
  });

  it("nobody outside the conversation's dealer scope or tenant hears of it; nor anyone while a bot holds it or after termination", async () => {
    const t = await createChatTenant("Push scope");
    const sibling = await ownerDb().dealer.create({ data: { customerId: t.customer.id, name: "Sibling dealer" } });
    const { user: scoped } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const membership = await ownerDb().membership.findFirstOrThrow({ where: { userId: scoped.id } });
    await ownerDb().membershipDealer.create({
      data: { customerId: t.customer.id, membershipId: membership.id, dealerId: sibling.id },
    });
    const other = await createTestTenant("Push other tenant");
    const { user: stranger } = await createTestUser({ customerId: other.customer.id, role: "OWNER" });
    const scopedBrowser = await subscribed(scoped.id);
    const strangerBrowser = await subscribed(stranger.id);
    const agentBrowser = await subscribed(t.user.id);

    const conversationId = await arrival(t);
    await notifyPush({ customerId: t.customer.id, conversationId, kind: "new" });
    expect(pushesTo(agentBrowser)).toHaveLength(1);
    expect(pushesTo(scopedBrowser)).toEqual([]);
    expect(pushesTo(strangerBrowser)).toEqual([]);

    const bot = await ownerDb().bot.create({
      data: { customerId: t.customer.id, dealerId: t.dealer.id, name: "Bot", kind: "FAQ", config: {} },
    });
    const botHeld = await arrival(t);
    await ownerDb().conversation.update({ where: { id: botHeld }, data: { botId: bot.id } });
    expect(await notifyPush({ customerId: t.customer.id, conversationId: botHeld, kind: "new" })).toEqual({
      sent: 0,
      gone: 0,
      failed: 0,
    });

    const later = await arrival(t);
    await ownerDb().customer.update({ where: { id: t.customer.id }, data: { status: "TERMINATED" } });
    expect((await notifyPush({ customerId: t.customer.id, conversationId: later, kind: "new" })).sent).toBe(0);
    expect(pushesTo(agentBrowser)).toHaveLength(1);
  });

  it("a subscription the push service calls gone is deleted; unsubscribing removes only one's own", async () => {
    const t = await createChatTenant("Push gone");
    const { user: colleague } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const dropped = await subscribed(t.user.id);
    const kept = await subscribed(colleague.id);
    push.gone.add(endpointIdOf(dropped));
    const conversationId = await arrival(t);
    expect(await notifyPush({ customerId: t.customer.id, conversationId, kind: "new" })).toEqual({
      sent: 1,
      gone: 1,
      failed: 0,
    });
    expect(await ownerDb().pushSubscription.count({ where: { endpoint: dropped.subscription.endpoint } })).toBe(0);

    // Someone else's endpoint cannot be unsubscribed by another user.
    const removed = await deletePushSubscription({
      actor: testUserPrincipal(t.user.id),
      input: { endpoint: kept.subscription.endpoint },
    });
    expect(removed.removed).toBe(0);
    expect(await ownerDb().pushSubscription.count({ where: { endpoint: kept.subscription.endpoint } })).toBe(1);
    await deletePushSubscription({
      actor: testUserPrincipal(colleague.id),
      input: { endpoint: kept.subscription.endpoint },
    });
    expect(await ownerDb().pushSubscription.count({ where: { endpoint: kept.subscription.endpoint } })).toBe(0);
  });

  it("refuses endpoints that are not a known push service (SSRF) and keys that are not keys", async () => {
    const { user } = await createTestUser();
    const keys = push.browser().subscription.keys;
    for (const endpoint of [
      "https://evil.example/push/1",
      "http://169.254.169.254/latest/meta-data",
      "http://fcm.googleapis.com/fcm/send/x",
      "https://fcm.googleapis.com.evil.example/x",
      "https://user:pw@fcm.googleapis.com/x",
      "http://localhost:6379/",
    ]) {
      await expect(
        savePushSubscription({ actor: testUserPrincipal(user.id), input: { endpoint, keys } }),
        endpoint,
      ).rejects.toThrow(InvalidInputError);
    }
    // Not even a web URL, or not a key: refused by the schema before anything else.
    await expect(
      savePushSubscription({ actor: testUserPrincipal(user.id), input: { endpoint: "file:///etc/passwd", keys } }),
    ).rejects.toThrow(/Invalid URL/);
    await expect(
      savePushSubscription({
        actor: testUserPrincipal(user.id),
        input: { endpoint: "https://fcm.googleapis.com/fcm/send/abc", keys: { p256dh: "short", auth: keys.auth } },
      }),
    ).rejects.toThrow(/P-256/);
    await savePushSubscription({
      actor: testUserPrincipal(user.id),
      input: { endpoint: "https://fcm.googleapis.com/fcm/send/abc", keys },
    });
    expect(await ownerDb().pushSubscription.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps at most ten devices per user, dropping the oldest", async () => {
    const { user } = await createTestUser();
    const first = await subscribed(user.id);
    for (let i = 0; i < MAX_DEVICES_PER_USER; i++) await subscribed(user.id);
    const rows = await ownerDb().pushSubscription.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(MAX_DEVICES_PER_USER);
    expect(rows.map((r) => r.endpoint)).not.toContain(first.subscription.endpoint);
  });

  it("routing a started conversation and assigning one queue the push, once", async () => {
    const t = await createChatTenant("Push enqueue");
    const { user: colleague } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const started = await startVisitorConversation({
      input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Vera Visitor", consent: true },
    });
    await sendMessage({
      sender: { visitor: visitorOf(t, started.contactId) },
      input: { conversationId: started.conversationId, clientId: "first-message", body: "Hello" },
    });
    const id = started.conversationId;
    await routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" });
    await routeConversation({ customerId: t.customer.id, conversationId: id, trigger: "started" });
    await assignConversation({ agent: t.agent, input: { conversationId: id, assigneeId: colleague.id } });
    // Assigning the same person again is no new assignment.
    await assignConversation({ agent: t.agent, input: { conversationId: id, assigneeId: colleague.id } });
    const jobs = (await queue(pushNotifyJob.queue).getJobs(["waiting", "delayed", "active", "completed", "failed"]))
      .filter((j) => j.name === pushNotifyJob.name && (j.data as { conversationId: string }).conversationId === id)
      .map((j) => j.data as { kind: string; actorUserId?: string | null });
    expect(jobs.map((j) => j.kind).sort()).toEqual(["assigned", "new"]);
    expect(jobs.find((j) => j.kind === "assigned")?.actorUserId).toBe(t.user.id);
  });
});
