import { describe, expect, it } from "vitest";
import { ownerDb } from "@forecourt/testing";
import { ForbiddenError, NotFoundError } from "../errors";
import { listMessagesAfter, listMessagesBefore } from "./list-messages";
import { resolveVisitorSession } from "./resolve-visitor-session";
import { sendMessage } from "./send-message";
import { startVisitorConversation } from "./start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN } from "./test-helpers";

async function startChat() {
  const t = await createChatTenant();
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Vera Visitor", consent: true },
  });
  const visitor = await resolveVisitorSession({ token: started.token });
  if (!visitor) throw new Error("no visitor");
  return { ...t, ...started, visitor };
}

describe("live chat use cases", () => {
  it("records the contact with its legal basis and refuses other origins and missing consent", async () => {
    const { contactId, channel } = await startChat();
    const contact = await ownerDb().contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(contact.legalBasis).toBe("CONSENT");
    expect(contact.legalBasisRecordedAt).not.toBeNull();
    expect(contact.legalBasisNote).toContain(TEST_ORIGIN);
    await expect(
      startVisitorConversation({
        input: { key: channel.publicKey, origin: "https://evil.test", name: "x", consent: true },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      startVisitorConversation({ input: { key: channel.publicKey, origin: TEST_ORIGIN, name: "x", consent: false } }),
    ).rejects.toThrow(/privacy/);
  });

  it("assigns gap-free seqs and makes a resend idempotent, even when copies race", async () => {
    const { visitor, conversationId, agent } = await startChat();
    const first = await sendMessage({
      sender: { visitor },
      input: { conversationId, clientId: "client-0001", body: "Hi" },
    });
    const again = await sendMessage({
      sender: { visitor },
      input: { conversationId, clientId: "client-0001", body: "Hi" },
    });
    expect(again).toMatchObject({ id: first.id, seq: 1, duplicate: true });

    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        sendMessage({
          sender: { agent },
          input: { conversationId, clientId: `race-${i % 3}-abcdef`, body: `r${i % 3}` },
        }),
      ),
    );
    expect(new Set(racing.map((r) => r.id)).size).toBe(3);
    const rows = await ownerDb().message.findMany({ where: { conversationId }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const conversation = await ownerDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.lastSeq).toBe(4);
  });

  it("never shows a private note to the visitor", async () => {
    const { visitor, conversationId, agent } = await startChat();
    await sendMessage({ sender: { visitor }, input: { conversationId, clientId: "v-msg-0001", body: "Question" } });
    await sendMessage({
      sender: { agent },
      input: { conversationId, clientId: "a-note-0001", body: "secret", kind: "NOTE" },
    });
    await sendMessage({ sender: { agent }, input: { conversationId, clientId: "a-msg-00001", body: "Answer" } });
    const forVisitor = await listMessagesAfter({ reader: { visitor }, conversationId, afterSeq: 0 });
    expect(forVisitor.map((m) => m.body)).toEqual(["Question", "Answer"]);
    const forAgent = await listMessagesBefore({ reader: { agent }, conversationId });
    expect(forAgent.map((m) => m.body)).toEqual(["Question", "secret", "Answer"]);
    await expect(
      sendMessage({ sender: { visitor }, input: { conversationId, clientId: "v-note-0001", body: "x", kind: "NOTE" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses agents of another tenant or dealer", async () => {
    const { conversationId, dealer } = await startChat();
    const other = await createChatTenant("Other");
    await expect(
      sendMessage({ sender: { agent: other.agent }, input: { conversationId, clientId: "foreign-0001", body: "x" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const mine = await createChatTenant("Mine");
    const scoped = { ...mine.agent, customerId: dealer.customerId, dealerIds: [mine.dealer.id] };
    await expect(listMessagesAfter({ reader: { agent: scoped }, conversationId, afterSeq: 0 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
