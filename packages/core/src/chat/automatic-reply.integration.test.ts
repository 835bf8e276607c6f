import { describe, expect, it } from "vitest";
import { ownerDb } from "@forecourt/testing";
import { listMessagesAfter } from "./list-messages";
import { sendAutomaticReply } from "./send-automatic-reply";
import { startVisitorConversation } from "./start-visitor-conversation";
import { setConversationStatus } from "./set-conversation-status";
import { createChatTenant, TEST_ORIGIN } from "./test-helpers";
import { wakeSnoozedConversations } from "./wake-snoozed-conversations";

/*
 * The platform answering by itself (away messages, greetings, keyword answers, bots) and the
 * conversation's activity written beside the audit log. Real PostgreSQL, row-level security on.
 */

async function conversation() {
  const t = await createChatTenant("Automatic");
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Ava Auto", consent: true },
  });
  return { ...t, conversationId: started.conversationId };
}

describe("automatic replies", () => {
  it("are written once per clientId as BOT, named for the agent, and reach the thread", async () => {
    const t = await conversation();
    const reply = {
      customerId: t.customer.id,
      conversationId: t.conversationId,
      body: "We are closed now; we answer from 09:00.",
      source: "away" as const,
      name: "Away message",
      clientId: `away:${t.conversationId}:test`,
    };
    const first = await sendAutomaticReply(reply);
    const again = await sendAutomaticReply(reply);
    expect(first?.duplicate).toBe(false);
    expect(again).toMatchObject({ id: first?.id, duplicate: true });
    const thread = await listMessagesAfter({
      reader: { agent: t.agent },
      conversationId: t.conversationId,
      afterSeq: 0,
    });
    const bot = thread.filter((m) => m.authorType === "BOT");
    expect(bot).toHaveLength(1);
    expect(bot[0]).toMatchObject({
      body: reply.body,
      author: { name: "Away message" },
      content: { type: "automated", source: "away" },
    });
  });

  it("refuse another tenant's conversation", async () => {
    const t = await conversation();
    const other = await createChatTenant("Automatic other");
    await expect(
      sendAutomaticReply({
        customerId: other.customer.id,
        conversationId: t.conversationId,
        body: "x",
        source: "bot",
        name: "Bot",
        clientId: "cross-tenant",
      }),
    ).rejects.toThrow();
    expect(await ownerDb().message.count({ where: { conversationId: t.conversationId, authorType: "BOT" } })).toBe(0);
  });
});

describe("conversation activity", () => {
  it("records who closed and the wake-up job's reopening", async () => {
    const t = await conversation();
    await setConversationStatus({ agent: t.agent, input: { conversationId: t.conversationId, action: "close" } });
    const snoozedUntil = new Date(Date.now() - 1000);
    await ownerDb().conversation.update({ where: { id: t.conversationId }, data: { status: "SNOOZED", snoozedUntil } });
    await wakeSnoozedConversations(new Date());
    const activity = await ownerDb().conversationActivity.findMany({
      where: { conversationId: t.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(activity.map((a) => [a.action, a.actorType, a.actorUserId])).toEqual(
      expect.arrayContaining([
        ["close", "AGENT", t.agent.userId],
        ["woke", "SYSTEM", null],
      ]),
    );
  });
});
