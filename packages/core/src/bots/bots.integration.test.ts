import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { startWebhookReceiver, type TWebhookReceiver } from "@forecourt/testing/webhook-receiver";
import { sendMessage } from "../chat/send-message";
import { startVisitorConversation } from "../chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN, visitorOf as visitorPrincipal } from "../chat/test-helpers";
import { assignConversation } from "../chat/assign-conversation";
import { testMemberPrincipal } from "../test-principals";
import { markAgentsOnline } from "../routing/presence";
import { routeConversation } from "../routing/route-conversation";
import { saveRoutingRule } from "../routing/save-routing-rule";
import { handOffConversation } from "./hand-off-conversation";
import { runBot } from "./run-bot";
import { saveBot } from "./save-bot";
import type { TFaqBotConfig } from "./bot-input";

/*
 * Bots on real PostgreSQL and Redis, with a local HTTP receiver as the outside bot: the built-in
 * FAQ bot answers in the contact's language and hands off; a webhook bot gets signed POSTs and
 * hands off through the API's use case; termination silences bots (L 5.2).
 */

let receiver: TWebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

const FAQ: TFaqBotConfig = {
  greeting: { en: "Hi, I am the Northwind assistant.", nl: "Hoi, ik ben de assistent van Northwind." },
  entries: [
    {
      keywords: ["openingstijden", "opening hours"],
      answer: { en: "We are open Monday to Saturday, 9 to 6.", nl: "We zijn open van maandag tot zaterdag, 9 tot 6." },
    },
  ],
  handoffKeywords: ["medewerker", "person"],
  handoffMessage: { en: "I will get a colleague for you.", nl: "Ik haal een collega voor je." },
};

async function setup(kind: "FAQ" | "WEBHOOK" = "FAQ") {
  const t = await createChatTenant("Bots");
  const { user: adminUser } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  const admin = testMemberPrincipal(adminUser.id, t.customer.id, "ADMIN");
  const bot =
    kind === "FAQ"
      ? await saveBot({ actor: admin, input: { kind, dealerId: t.dealer.id, name: "Assistant", config: FAQ } })
      : await saveBot({
          actor: admin,
          input: {
            kind,
            dealerId: t.dealer.id,
            name: "Outside bot",
            config: { url: receiver.url(`/bot-${t.customer.id}`) },
          },
        });
  await saveRoutingRule({
    actor: admin,
    input: {
      dealerId: t.dealer.id,
      name: "Bot first",
      conditions: {},
      actions: { botId: bot.id, assign: { strategy: "round_robin", capacity: 5 } },
    },
  });
  await markAgentsOnline([{ customerId: t.customer.id, userId: t.user.id }]);
  return { ...t, admin, bot };
}

async function visitorOf(t: Awaited<ReturnType<typeof setup>>, locale: "en" | "nl" = "nl") {
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Bo Visitor", consent: true },
    extras: { locale },
  });
  const visitor = visitorPrincipal(t, started.contactId);
  const say = (body: string) =>
    sendMessage({
      sender: { visitor },
      input: { conversationId: started.conversationId, clientId: `v-${crypto.randomUUID()}`, body },
    });
  return { conversationId: started.conversationId, say };
}

const botMessages = (conversationId: string) =>
  ownerDb().message.findMany({ where: { conversationId, authorType: "BOT" }, orderBy: { seq: "asc" } });

describe("the built-in FAQ bot", () => {
  it("greets and answers in the contact's language, then hands off when a person is asked for", async () => {
    const t = await setup();
    const v = await visitorOf(t, "nl");
    const first = await v.say("Wat zijn jullie openingstijden?");
    const decision = await routeConversation({
      customerId: t.customer.id,
      conversationId: v.conversationId,
      trigger: "started",
    });
    expect(decision).toMatchObject({ botId: t.bot.id, assigneeId: null });
    expect(await runBot({ customerId: t.customer.id, conversationId: v.conversationId, messageId: first.id })).toBe(
      "answered",
    );
    expect((await botMessages(v.conversationId)).map((m) => m.body)).toEqual([
      "Hoi, ik ben de assistent van Northwind.",
      "We zijn open van maandag tot zaterdag, 9 tot 6.",
    ]);
    // The same message again (a retried job): answered once.
    await runBot({ customerId: t.customer.id, conversationId: v.conversationId, messageId: first.id });
    expect(await botMessages(v.conversationId)).toHaveLength(2);

    const second = await v.say("Mag ik een medewerker spreken?");
    expect(await runBot({ customerId: t.customer.id, conversationId: v.conversationId, messageId: second.id })).toBe(
      "handed_off",
    );
    const c = await ownerDb().conversation.findUniqueOrThrow({ where: { id: v.conversationId } });
    expect(c.botId).toBeNull();
    expect((await botMessages(v.conversationId)).at(-1)?.body).toBe("Ik haal een collega voor je.");
    const activity = await ownerDb().conversationActivity.findMany({
      where: { conversationId: v.conversationId, action: "handed_off" },
    });
    expect(activity[0]).toMatchObject({
      actorType: "BOT",
      data: { botName: "Assistant", reason: "asked_for_person" },
    });
    // Routing (the transfer run the hand-off enqueued) now finds a person.
    const after = await routeConversation({
      customerId: t.customer.id,
      conversationId: v.conversationId,
      trigger: "transferred",
    });
    expect(after?.assigneeId).toBe(t.user.id);
    // Once people have it, the bot says nothing more.
    const third = await v.say("openingstijden?");
    expect(await runBot({ customerId: t.customer.id, conversationId: v.conversationId, messageId: third.id })).toBe(
      "skipped",
    );
  });

  it("hands off when no answer fits; an agent taking over silences it", async () => {
    const t = await setup();
    const v = await visitorOf(t, "en");
    const first = await v.say("Is the EX30 in stock?");
    await routeConversation({ customerId: t.customer.id, conversationId: v.conversationId, trigger: "started" });
    expect(await runBot({ customerId: t.customer.id, conversationId: v.conversationId, messageId: first.id })).toBe(
      "handed_off",
    );
    expect((await botMessages(v.conversationId)).at(-1)?.body).toBe("I will get a colleague for you.");

    const w = await visitorOf(t, "en");
    await w.say("hello");
    await routeConversation({ customerId: t.customer.id, conversationId: w.conversationId, trigger: "started" });
    await assignConversation({ agent: t.agent, input: { conversationId: w.conversationId, assigneeId: t.user.id } });
    expect((await ownerDb().conversation.findUniqueOrThrow({ where: { id: w.conversationId } })).botId).toBeNull();
  });

  it("says nothing once the customer is terminated (L 5.2)", async () => {
    const t = await setup();
    const v = await visitorOf(t);
    const first = await v.say("openingstijden");
    await routeConversation({ customerId: t.customer.id, conversationId: v.conversationId, trigger: "started" });
    await ownerDb().customer.update({ where: { id: t.customer.id }, data: { status: "TERMINATED" } });
    const before = (await botMessages(v.conversationId)).length;
    expect(await runBot({ customerId: t.customer.id, conversationId: v.conversationId, messageId: first.id })).toBe(
      "skipped",
    );
    expect(await botMessages(v.conversationId)).toHaveLength(before);
  });
});

describe("webhook bots", () => {
  it("get each message as a signed POST, and hand off through the API's use case", async () => {
    const t = await setup("WEBHOOK");
    expect(t.bot.secret).toMatch(/^whsec_/);
    const v = await visitorOf(t, "en");
    const first = await v.say("I want to trade in my Golf");
    await routeConversation({ customerId: t.customer.id, conversationId: v.conversationId, trigger: "started" });
    expect(await runBot({ customerId: t.customer.id, conversationId: v.conversationId, messageId: first.id })).toBe(
      "posted",
    );
    const [hit] = await receiver.waitFor((all) => all.some((r) => r.path === `/bot-${t.customer.id}`));
    const mine = receiver.received.filter((r) => r.path === `/bot-${t.customer.id}`);
    expect(mine).toHaveLength(1);
    const payload = new Webhook(t.bot.secret!).verify(mine[0]!.body, mine[0]!.headers) as {
      data: { message: { body: string } };
    };
    expect(payload.data.message.body).toBe("I want to trade in my Golf");
    expect(mine[0]!.headers["webhook-id"]).toBe(first.id);
    expect(hit).toBeDefined();
    // A tampered body fails verification (the receiver's check is on the raw bytes).
    expect(() => new Webhook(t.bot.secret!).verify(mine[0]!.body.replace("Golf", "Polo"), mine[0]!.headers)).toThrow();

    await handOffConversation({
      agent: t.agent,
      input: { conversationId: v.conversationId, reason: "wants a valuation" },
    });
    const activity = await ownerDb().conversationActivity.findFirst({
      where: { conversationId: v.conversationId, action: "handed_off" },
    });
    expect(activity?.data).toMatchObject({ botName: "Outside bot", reason: "wants a valuation" });
    await expect(handOffConversation({ agent: t.agent, input: { conversationId: v.conversationId } })).rejects.toThrow(
      /No bot/,
    );
  });

  it("a failing bot is retried, then the conversation goes to a person", async () => {
    const t = await setup("WEBHOOK");
    receiver.script(`/bot-${t.customer.id}`, [500]);
    const v = await visitorOf(t, "en");
    const first = await v.say("Hello?");
    await routeConversation({ customerId: t.customer.id, conversationId: v.conversationId, trigger: "started" });
    const job = { customerId: t.customer.id, conversationId: v.conversationId, messageId: first.id };
    await expect(runBot(job, { attempt: 1, maxAttempts: 3 })).rejects.toThrow(/HTTP 500/);
    expect(await runBot(job, { attempt: 3, maxAttempts: 3 })).toBe("handed_off");
    expect((await ownerDb().conversation.findUniqueOrThrow({ where: { id: v.conversationId } })).botId).toBeNull();
  });

  it("a rule cannot hand conversations to another dealer's bot", async () => {
    const t = await setup();
    const other = await setup();
    await expect(
      saveRoutingRule({
        actor: t.admin,
        input: { dealerId: t.dealer.id, name: "x", conditions: {}, actions: { botId: other.bot.id } },
      }),
    ).rejects.toThrow(/bot/);
  });
});
