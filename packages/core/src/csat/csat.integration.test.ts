import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { ownerDb, SmtpSink } from "@forecourt/testing";
import { sendMessage } from "../chat/send-message";
import { setConversationStatus } from "../chat/set-conversation-status";
import { startVisitorConversation } from "../chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN, visitorOf } from "../chat/test-helpers";
import { emailTranscript } from "./email-transcript";
import { rateConversation } from "./rate-conversation";
import { getRatingPage } from "./rating-page";
import { ratingToken } from "./rating-link";

/*
 * Closing tells the contact (with the rating and transcript link), the public rating page, CSAT,
 * and the transcript e-mail to the SMTP sink. Real PostgreSQL (row-level security on), real SMTP.
 */

const sink = new SmtpSink();
beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
});
afterAll(async () => {
  await sink.close();
});

async function closedChat(locale: "en" | "nl" | "da" | "de" = "en", email?: string) {
  const t = await createChatTenant("CSAT");
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Cas Customer", email, consent: true },
    extras: { locale },
  });
  const visitor = visitorOf(t, started.contactId);
  await sendMessage({
    sender: { visitor },
    input: { conversationId: started.conversationId, clientId: "q-000001", body: "Is the XC40 red?" },
  });
  await sendMessage({
    sender: { agent: t.agent },
    input: { conversationId: started.conversationId, clientId: "a-000001", body: "Yes, ruby red." },
  });
  await sendMessage({
    sender: { agent: t.agent },
    input: {
      conversationId: started.conversationId,
      clientId: "n-000001",
      body: "Secret note: cheap trade-in",
      kind: "NOTE",
    },
  });
  await setConversationStatus({ agent: t.agent, input: { conversationId: started.conversationId, action: "close" } });
  return { ...t, conversationId: started.conversationId };
}

const closing = (conversationId: string) =>
  ownerDb().message.findMany({ where: { conversationId, authorType: "BOT" }, orderBy: { seq: "asc" } });

describe("closing a conversation", () => {
  it("tells the contact in their language, with the rating link, once", async () => {
    const t = await closedChat("nl");
    await setConversationStatus({ agent: t.agent, input: { conversationId: t.conversationId, action: "close" } });
    const sent = await closing(t.conversationId);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatch(/^Bedankt voor je gesprek met .*\/rate\/[\w-]+\.[\w-]+$/);
    expect((sent[0]?.data as { source?: string }).source).toBe("closing");
  });

  it("a customer rates it from the link; a second rating replaces the first; the activity shows it", async () => {
    const t = await closedChat();
    const token = ratingToken(t.customer.id, t.conversationId);
    expect(await getRatingPage({ token })).toMatchObject({ score: null, dealerName: t.dealer.name });
    await rateConversation({ token, score: 2, comment: "Slow" });
    await rateConversation({ token, score: 5, comment: "Actually great" });
    const rating = await ownerDb().conversationRating.findUniqueOrThrow({
      where: { conversationId: t.conversationId },
    });
    expect(rating).toMatchObject({ score: 5, comment: "Actually great", customerId: t.customer.id });
    expect(
      await ownerDb().conversationActivity.count({ where: { conversationId: t.conversationId, action: "rated" } }),
    ).toBe(2);
    await expect(rateConversation({ token, score: 9 })).rejects.toThrow(/1 to 5/);
  });

  it("refuses tampered, expired and cross-tenant links alike", async () => {
    const t = await closedChat();
    const other = await closedChat();
    const token = ratingToken(t.customer.id, t.conversationId);
    const [payload] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ cid: t.customer.id, conv: other.conversationId, exp: 9e9 })).toString("base64url")}.${token.split(".")[1]}`;
    await expect(rateConversation({ token: forged, score: 1 })).rejects.toThrow(/not found/i);
    const expired = ratingToken(t.customer.id, t.conversationId, Date.now() - 40 * 86_400_000);
    await expect(getRatingPage({ token: expired })).rejects.toThrow(/not found/i);
    // A genuine token of tenant A naming B's conversation cannot exist; a token naming B's conversation with A's id finds nothing.
    const mixed = ratingToken(t.customer.id, other.conversationId);
    await expect(rateConversation({ token: mixed, score: 1 })).rejects.toThrow(/not found/i);
    expect(payload).toBeTruthy();
    expect(await ownerDb().conversationRating.count({ where: { conversationId: other.conversationId } })).toBe(0);
  });

  it("e-mails the transcript without private notes, at most once per ten minutes", async () => {
    const t = await closedChat("en", "cas@customer.test");
    const token = ratingToken(t.customer.id, t.conversationId);
    const results = await Promise.allSettled([
      emailTranscript({ token }),
      emailTranscript({ token }),
      emailTranscript({ token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const mail = await sink.waitFor("cas@customer.test");
    expect(mail.subject).toBe(`Your conversation with ${t.dealer.name}`);
    expect(mail.text).toContain("Cas Customer: Is the XC40 red?");
    expect(mail.text).toContain("Yes, ruby red.");
    expect(mail.text).not.toContain("Secret note");
    expect(mail.html).toContain("Is the XC40 red?");
    expect(mail.html).not.toContain("Secret note");
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.mails.filter((m) => m.to.includes("cas@customer.test"))).toHaveLength(1);
  });

  it("asks for an address when none is on file, and sends to the one given", async () => {
    const t = await closedChat("de");
    const token = ratingToken(t.customer.id, t.conversationId);
    await expect(emailTranscript({ token })).rejects.toThrow(/e-mail address/);
    await emailTranscript({ token, email: "given@customer.test" });
    const mail = await sink.waitFor("given@customer.test");
    expect(mail.subject).toBe(`Ihr Gespräch mit ${t.dealer.name}`);
    expect(mail.text).toContain(`Hier ist Ihr Gespräch mit ${t.dealer.name}, wie gewünscht.`);
    expect(mail.html).toContain('<html lang="de">');
  });
});
