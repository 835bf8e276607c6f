import { describe, expect, it } from "vitest";
import { ownerDb } from "@forecourt/testing";
import { InvalidInputError, RuleError } from "../errors";
import { listConversations } from "./list-conversations";
import { resolveVisitorSession } from "./resolve-visitor-session";
import { sendMessage } from "./send-message";
import { setConversationStatus } from "./set-conversation-status";
import { startVisitorConversation } from "./start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN } from "./test-helpers";
import { wakeSnoozedConversations } from "./wake-snoozed-conversations";

/*
 * Snooze until a chosen time: the conversation leaves the working views for "Snoozed", the
 * wake-up job (on a simulated clock) reopens it at its time and not before, and a customer
 * writing wakes it at once. Real PostgreSQL, row-level security on.
 */

async function snoozable(timeZone = "Europe/Copenhagen") {
  const t = await createChatTenant("Snooze");
  await ownerDb().dealer.update({ where: { id: t.dealer.id }, data: { timeZone } });
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Sam Snooze", consent: true },
  });
  const visitor = (await resolveVisitorSession({ token: started.token }))!;
  return { ...t, conversationId: started.conversationId, visitor };
}

const ids = async (t: Awaited<ReturnType<typeof snoozable>>, view: "open" | "mine" | "unassigned" | "snoozed") =>
  (await listConversations({ agent: t.agent, input: { view } })).map((r) => r.id);

describe("snooze", () => {
  it("moves the conversation from the working views to Snoozed, with its wake-up time", async () => {
    const t = await snoozable();
    expect(await ids(t, "open")).toContain(t.conversationId);
    // Far ahead, so the wake-up test below (real clock) never wakes this one.
    const now = new Date("2099-12-02T10:00:00Z");
    await setConversationStatus({
      agent: t.agent,
      input: { conversationId: t.conversationId, action: "snooze", until: "tomorrow" },
      now,
    });
    expect(await ids(t, "open")).not.toContain(t.conversationId);
    expect(await ids(t, "unassigned")).not.toContain(t.conversationId);
    const [row] = await listConversations({ agent: t.agent, input: { view: "snoozed" } });
    // Tomorrow 09:00 at the dealer (Copenhagen, CET) = 08:00 UTC.
    expect(row).toMatchObject({ id: t.conversationId, status: "SNOOZED", snoozedUntil: "2099-12-03T08:00:00.000Z" });
  });

  it("wakes it at its time, not before, and says so in the audit log", async () => {
    const t = await snoozable();
    const until = new Date(Date.now() + 3_600_000);
    await setConversationStatus({
      agent: t.agent,
      input: { conversationId: t.conversationId, action: "snooze", until: until.toISOString() },
    });
    await wakeSnoozedConversations(new Date(until.getTime() - 1_000));
    expect(await ids(t, "snoozed")).toContain(t.conversationId);
    await wakeSnoozedConversations(new Date(until.getTime() + 1_000));
    expect(await ids(t, "open")).toContain(t.conversationId);
    const c = await ownerDb().conversation.findUniqueOrThrow({ where: { id: t.conversationId } });
    expect(c).toMatchObject({ status: "OPEN", snoozedUntil: null });
    const audit = await ownerDb().auditEvent.findMany({
      where: { targetId: t.conversationId, action: { in: ["conversation.snooze", "conversation.woke"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ["conversation.snooze", t.user.id],
      ["conversation.woke", null],
    ]);
  });

  it("wakes at once when the customer writes", async () => {
    const t = await snoozable();
    await setConversationStatus({
      agent: t.agent,
      input: { conversationId: t.conversationId, action: "snooze", until: "next_week" },
    });
    await sendMessage({
      sender: { visitor: t.visitor },
      input: { conversationId: t.conversationId, clientId: "snoozed-1", body: "Any news about my car?" },
    });
    expect(await ids(t, "open")).toContain(t.conversationId);
    expect(await ids(t, "snoozed")).not.toContain(t.conversationId);
  });

  it("refuses a time in the past or beyond a year, and snoozing a closed conversation", async () => {
    const t = await snoozable();
    const snooze = (until: string) =>
      setConversationStatus({ agent: t.agent, input: { conversationId: t.conversationId, action: "snooze", until } });
    await expect(snooze(new Date(Date.now() - 60_000).toISOString())).rejects.toBeInstanceOf(InvalidInputError);
    await expect(snooze(new Date(Date.now() + 400 * 86_400_000).toISOString())).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(snooze("whenever")).rejects.toMatchObject({ name: "ZodError" });
    await setConversationStatus({ agent: t.agent, input: { conversationId: t.conversationId, action: "close" } });
    await expect(snooze("tomorrow")).rejects.toBeInstanceOf(RuleError);
    expect((await ownerDb().conversation.findUniqueOrThrow({ where: { id: t.conversationId } })).status).toBe("CLOSED");
  });
});
