import { describe, expect, it } from "vitest";
import { ownerDb } from "@forecourt/testing";
import { NotFoundError } from "../errors";
import { testMemberPrincipal } from "../test-principals";
import { getConversation } from "./get-conversation";
import { listChannelTypes } from "./list-channel-types";
import { listConversations } from "./list-conversations";
import { newWidgetKey } from "./keys";
import { createChatTenant } from "./test-helpers";

/**
 * The inbox across channels: the list filtered by channel type (inside the dealer scope), the
 * channel types offered for the filter, and the conversation's channel and reply window.
 */
async function channelTenant() {
  const t = await createChatTenant("Channels");
  const db = ownerDb();
  const sibling = await db.dealer.create({ data: { customerId: t.customer.id, name: "Sibling dealer" } });
  const channel = (dealerId: string, type: "WHATSAPP" | "MESSENGER", name: string) =>
    db.channel.create({
      data: { customerId: t.customer.id, dealerId, type, name, publicKey: newWidgetKey(t.customer.id) },
    });
  const whatsapp = await channel(t.dealer.id, "WHATSAPP", "WhatsApp");
  const siblingWhatsapp = await channel(sibling.id, "WHATSAPP", "Sibling WhatsApp");
  const siblingMessenger = await channel(sibling.id, "MESSENGER", "Sibling Messenger");
  const conversation = async (channelId: string, dealerId: string, name: string, lastInboundAt: Date | null = null) => {
    const contact = await db.contact.create({ data: { customerId: t.customer.id, name } });
    return db.conversation.create({
      data: { customerId: t.customer.id, dealerId, channelId, contactId: contact.id, lastInboundAt },
    });
  };
  const web = await conversation(t.channel.id, t.dealer.id, "Web Visitor");
  const wa = await conversation(whatsapp.id, t.dealer.id, "Wanda WhatsApp", new Date(Date.now() - 2 * 3_600_000));
  const siblingWa = await conversation(siblingWhatsapp.id, sibling.id, "Sibling WhatsApp Customer");
  const siblingFb = await conversation(siblingMessenger.id, sibling.id, "Sibling Messenger Customer");
  const scoped = testMemberPrincipal(t.user.id, t.customer.id, "AGENT", { dealerIds: [t.dealer.id] });
  return { ...t, sibling, web, wa, siblingWa, siblingFb, scoped };
}

describe("the inbox by channel", () => {
  it("filters the list by channel type; without the filter it lists every channel", async () => {
    const t = await channelTenant();
    const ids = async (channelType?: "WIDGET" | "WHATSAPP" | "MESSENGER" | "EMAIL") =>
      (await listConversations({ agent: t.agent, input: { channelType } })).map((r) => r.id).sort();
    expect(await ids()).toEqual([t.web.id, t.wa.id, t.siblingWa.id, t.siblingFb.id].sort());
    expect(await ids("WHATSAPP")).toEqual([t.wa.id, t.siblingWa.id].sort());
    expect(await ids("MESSENGER")).toEqual([t.siblingFb.id]);
    expect(await ids("WIDGET")).toEqual([t.web.id]);
    expect(await ids("EMAIL")).toEqual([]);
    const rows = await listConversations({ agent: t.agent, input: { channelType: "WHATSAPP" } });
    expect(rows.every((r) => r.channelType === "WHATSAPP")).toBe(true);
  });

  it("keeps the dealer scope: a scoped agent's filter never reaches the sibling dealer's channels", async () => {
    const t = await channelTenant();
    const list = (channelType?: "WHATSAPP" | "MESSENGER") =>
      listConversations({ agent: t.scoped, input: { channelType } }).then((rows) => rows.map((r) => r.id).sort());
    expect(await list()).toEqual([t.web.id, t.wa.id].sort());
    expect(await list("WHATSAPP")).toEqual([t.wa.id]);
    expect(await list("MESSENGER")).toEqual([]);
    // The filter offers only the types of the agent's own dealers.
    expect(await listChannelTypes({ agent: t.scoped })).toEqual(["WIDGET", "WHATSAPP"]);
    expect(await listChannelTypes({ agent: t.agent })).toEqual(["WIDGET", "WHATSAPP", "MESSENGER"]);
  });

  it("refuses an unknown channel type as invalid input", async () => {
    const t = await channelTenant();
    await expect(
      listConversations({ agent: t.agent, input: { channelType: "SIGNAL" as never } }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });

  it("never lists another tenant's conversations of the same channel type", async () => {
    const t = await channelTenant();
    const other = await channelTenant();
    const rows = await listConversations({ agent: t.agent, input: { channelType: "WHATSAPP" } });
    expect(rows.map((r) => r.id)).not.toContain(other.wa.id);
    expect(rows.map((r) => r.id)).not.toContain(other.siblingWa.id);
  });

  it("returns the conversation's channel and reply window", async () => {
    const t = await channelTenant();
    const web = await getConversation({ agent: t.agent, conversationId: t.web.id });
    expect(web).toMatchObject({ channelType: "WIDGET", replyWindow: { state: "always", closesAt: null } });
    const wa = await getConversation({ agent: t.agent, conversationId: t.wa.id });
    expect(wa.channelType).toBe("WHATSAPP");
    expect(wa.replyWindow).toMatchObject({ state: "open", templates: true });
    const closesIn = Date.parse(wa.replyWindow.closesAt!) - Date.now();
    expect(closesIn).toBeGreaterThan(21 * 3_600_000);
    expect(closesIn).toBeLessThanOrEqual(22 * 3_600_000);
    // No inbound message yet: only a template may open the conversation.
    const silent = await getConversation({ agent: t.agent, conversationId: t.siblingWa.id });
    expect(silent.replyWindow).toMatchObject({ state: "closed", templates: true });
    await expect(getConversation({ agent: t.scoped, conversationId: t.siblingWa.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("a website chat with only its pre-chat form", () => {
  it("stays out of the inbox's lists until the visitor writes; the API lists it", async () => {
    const { startVisitorConversation } = await import("./start-visitor-conversation");
    const { sendMessage } = await import("./send-message");
    const { TEST_ORIGIN, visitorOf } = await import("./test-helpers");
    const t = await createChatTenant("Pre-chat only");
    const started = await startVisitorConversation({
      input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Paula Prechat", consent: true },
    });
    const ids = async (hideUnstarted: boolean) =>
      (await listConversations({ agent: t.agent, input: { view: "open" }, hideUnstarted })).map((c) => c.id);
    expect(await ids(true)).not.toContain(started.conversationId);
    expect(await ids(false)).toContain(started.conversationId);
    await sendMessage({
      sender: { visitor: visitorOf(t, started.contactId) },
      input: { conversationId: started.conversationId, clientId: "first-words", body: "Hello?" },
    });
    expect(await ids(true)).toContain(started.conversationId);
  });
});
