import { describe, expect, it } from "vitest";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { createChatTenant } from "../chat/test-helpers";
import { getConversation } from "../chat/get-conversation";
import { listConversations } from "../chat/list-conversations";
import { assignConversation } from "../chat/assign-conversation";
import { setConversationPriority } from "../chat/set-conversation-priority";
import { setConversationStatus } from "../chat/set-conversation-status";
import { testMemberPrincipal } from "../test-principals";
import { recordSystemActivity } from "../chat/record-event";
import { withTenant } from "@forecourt/db";
import { createLabel } from "./create-label";
import { listLabels } from "./list-labels";
import { setConversationLabel } from "./set-conversation-label";

/*
 * The inbox workflow with real rows (PostgreSQL, row-level security on): labels per dealer and
 * shared, kept inside the tenant and the agent's dealer scope; priority; the activity lines the
 * timeline shows; and the SLA target the list counts down to.
 */

/** A conversation written directly (as a channel leaves it), with messages at given times. */
async function conversationAt(
  t: { customer: { id: string }; channel: { id: string } },
  dealerId: string,
  options: {
    departmentId?: string;
    createdAt?: Date;
    messages?: { authorType: "CONTACT" | "AGENT"; at: Date; kind?: "TEXT" | "NOTE" }[];
  } = {},
) {
  const db = ownerDb();
  const contact = await db.contact.create({ data: { customerId: t.customer.id, name: "Wendy Workflow" } });
  const messages = options.messages ?? [];
  const conversation = await db.conversation.create({
    data: {
      customerId: t.customer.id,
      dealerId,
      channelId: t.channel.id,
      contactId: contact.id,
      departmentId: options.departmentId ?? null,
      createdAt: options.createdAt ?? new Date(),
      lastSeq: messages.length,
    },
  });
  for (const [i, m] of messages.entries()) {
    await db.message.create({
      data: {
        customerId: t.customer.id,
        conversationId: conversation.id,
        seq: i + 1,
        clientId: `wf-${conversation.id}-${i}`,
        authorType: m.authorType,
        kind: m.kind ?? "TEXT",
        body: `message ${i + 1}`,
        createdAt: m.at,
      },
    });
  }
  return conversation;
}

async function arrange() {
  const t = await createChatTenant("Workflow");
  const sibling = await ownerDb().dealer.create({ data: { customerId: t.customer.id, name: "Sibling dealer" } });
  const { user } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
  const scoped = testMemberPrincipal(user.id, t.customer.id, "AGENT", { dealerIds: [t.dealer.id], name: user.name });
  return { ...t, sibling, scoped };
}

describe("labels", () => {
  it("lists shared labels and those of the agent's dealers, never another dealer's or tenant's", async () => {
    const a = await arrange();
    const b = await arrange();
    const shared = await createLabel({ agent: a.agent, input: { dealerId: null, name: "VIP", color: "violet" } });
    const own = await createLabel({
      agent: a.scoped,
      input: { dealerId: a.dealer.id, name: "Trade-in", color: "blue" },
    });
    const siblings = await createLabel({ agent: a.agent, input: { dealerId: a.sibling.id, name: "Finance" } });
    const foreign = await createLabel({ agent: b.agent, input: { dealerId: null, name: "Other tenant" } });

    expect((await listLabels({ agent: a.agent })).map((l) => l.id).sort()).toEqual(
      [shared.id, own.id, siblings.id].sort(),
    );
    expect((await listLabels({ agent: a.scoped })).map((l) => l.name)).toEqual(["Trade-in", "VIP"]);
    expect((await listLabels({ agent: a.agent, input: { dealerId: a.sibling.id } })).map((l) => l.name)).toEqual([
      "Finance",
      "VIP",
    ]);
    await expect(listLabels({ agent: a.scoped, input: { dealerId: a.sibling.id } })).rejects.toMatchObject({
      code: "not_found",
    });
    // A tenant never sees another tenant's labels, even by naming its dealer.
    expect((await listLabels({ agent: b.agent })).map((l) => l.id)).toEqual([foreign.id]);
    await expect(listLabels({ agent: b.agent, input: { dealerId: a.dealer.id } })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listLabels({ agent: a.agent })).map((l) => l.id)).not.toContain(foreign.id);
  });

  it("refuses a duplicate name as a field error, shared labels for scoped agents, and foreign dealers", async () => {
    const a = await arrange();
    await createLabel({ agent: a.agent, input: { dealerId: null, name: "Finance" } });
    await expect(
      createLabel({ agent: a.agent, input: { dealerId: a.dealer.id, name: "finance" } }),
    ).rejects.toMatchObject({ code: "invalid_input", issues: [{ path: "name" }] });
    await expect(createLabel({ agent: a.scoped, input: { dealerId: null, name: "Mine" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      createLabel({ agent: a.scoped, input: { dealerId: a.sibling.id, name: "Sneaky" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    // Core parses with its own schema (the web wrapper turns the same issues into field errors).
    await expect(
      createLabel({ agent: a.agent, input: { dealerId: a.dealer.id, name: " ", color: "red" } }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      createLabel({ agent: a.agent, input: { dealerId: a.dealer.id, name: "Odd", color: "#ff0000" as "red" } }),
    ).rejects.toMatchObject({ name: "ZodError" });
    const b = await arrange();
    await expect(
      createLabel({ agent: b.agent, input: { dealerId: a.dealer.id, name: "Hijack" } }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("labels and unlabels a conversation once each, with activity; the list and the detail show it", async () => {
    const a = await arrange();
    const label = await createLabel({
      agent: a.agent,
      input: { dealerId: a.dealer.id, name: "Trade-in", color: "blue" },
    });
    const c = await conversationAt(a, a.dealer.id);
    const input = { conversationId: c.id, labelId: label.id };
    expect(await setConversationLabel({ agent: a.scoped, input: { ...input, action: "add" } })).toEqual({
      changed: true,
    });
    expect(await setConversationLabel({ agent: a.scoped, input: { ...input, action: "add" } })).toEqual({
      changed: false,
    });
    const [row] = (await listConversations({ agent: a.agent, input: {} })).filter((r) => r.id === c.id);
    expect(row?.labels).toEqual([{ id: label.id, dealerId: a.dealer.id, name: "Trade-in", color: "blue" }]);
    expect((await getConversation({ agent: a.agent, conversationId: c.id })).labels.map((l) => l.name)).toEqual([
      "Trade-in",
    ]);
    await setConversationLabel({ agent: a.agent, input: { ...input, action: "remove" } });
    const detail = await getConversation({ agent: a.agent, conversationId: c.id });
    expect(detail.labels).toEqual([]);
    expect(detail.activity.map((x) => [x.action, x.actorName, x.data.name])).toEqual([
      ["labelled", a.scoped.name, "Trade-in"],
      ["unlabelled", a.agent.name, "Trade-in"],
    ]);
  });

  it("keeps labels to their dealer: an agent of dealer A cannot label dealer B's conversation", async () => {
    const a = await arrange();
    const siblingConversation = await conversationAt(a, a.sibling.id);
    const ownConversation = await conversationAt(a, a.dealer.id);
    const shared = await createLabel({ agent: a.agent, input: { dealerId: null, name: "VIP" } });
    const siblingLabel = await createLabel({ agent: a.agent, input: { dealerId: a.sibling.id, name: "Finance" } });
    // The sibling dealer's conversation is "not found" for an agent scoped to dealer A…
    await expect(
      setConversationLabel({
        agent: a.scoped,
        input: { conversationId: siblingConversation.id, labelId: shared.id, action: "add" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    // …and the sibling's label does not exist on dealer A's conversation, even for unscoped staff.
    await expect(
      setConversationLabel({
        agent: a.agent,
        input: { conversationId: ownConversation.id, labelId: siblingLabel.id, action: "add" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    // Nor does another tenant's label.
    const b = await arrange();
    const foreign = await createLabel({ agent: b.agent, input: { dealerId: null, name: "Foreign" } });
    await expect(
      setConversationLabel({
        agent: a.agent,
        input: { conversationId: ownConversation.id, labelId: foreign.id, action: "add" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setConversationLabel({
        agent: b.agent,
        input: { conversationId: ownConversation.id, labelId: foreign.id, action: "add" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(
      await ownerDb().conversationLabel.count({
        where: { conversationId: { in: [siblingConversation.id, ownConversation.id] } },
      }),
    ).toBe(0);
  });
});

describe("priority and activity", () => {
  it("sets the priority (recorded once per change) and shows who did what in the timeline", async () => {
    const a = await arrange();
    const c = await conversationAt(a, a.dealer.id);
    expect(
      await setConversationPriority({ agent: a.agent, input: { conversationId: c.id, priority: "URGENT" } }),
    ).toEqual({
      changed: true,
    });
    expect(
      await setConversationPriority({ agent: a.agent, input: { conversationId: c.id, priority: "URGENT" } }),
    ).toEqual({
      changed: false,
    });
    await assignConversation({ agent: a.agent, input: { conversationId: c.id, assigneeId: a.scoped.userId } });
    await setConversationStatus({ agent: a.agent, input: { conversationId: c.id, action: "close" } });
    const [row] = (await listConversations({ agent: a.agent, input: { view: "closed" } })).filter((r) => r.id === c.id);
    expect(row?.priority).toBe("URGENT");
    const detail = await getConversation({ agent: a.agent, conversationId: c.id });
    expect(detail.priority).toBe("URGENT");
    expect(detail.activity.map((x) => x.action)).toEqual(["prioritised", "assigned", "close"]);
    expect(detail.activity[0]).toMatchObject({
      actorType: "AGENT",
      actorName: a.agent.name,
      data: { priority: "URGENT", from: "NORMAL" },
    });
    expect(detail.activity[1]).toMatchObject({ assigneeName: a.scoped.name });
    await expect(
      setConversationPriority({ agent: a.agent, input: { conversationId: c.id, priority: "HUGE" as "HIGH" } }),
    ).rejects.toMatchObject({ name: "ZodError" });
    const sibling = await conversationAt(a, a.sibling.id);
    await expect(
      setConversationPriority({ agent: a.scoped, input: { conversationId: sibling.id, priority: "HIGH" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await ownerDb().conversation.findUniqueOrThrow({ where: { id: sibling.id } })).priority).toBe("NORMAL");
  });
});

describe("routing in the timeline", () => {
  it("names the department, assignee and label a rule chose", async () => {
    const a = await arrange();
    const c = await conversationAt(a, a.dealer.id);
    const department = await ownerDb().department.create({
      data: { customerId: a.customer.id, dealerId: a.dealer.id, name: "Service" },
    });
    const label = await createLabel({ agent: a.agent, input: { dealerId: null, name: "VIP" } });
    await withTenant(a.customer.id, (tx) =>
      recordSystemActivity(tx, {
        customerId: a.customer.id,
        conversationId: c.id,
        action: "routed",
        data: {
          ruleName: "Service mornings",
          departmentId: department.id,
          assigneeId: a.scoped.userId,
          labelId: label.id,
        },
      }),
    );
    const [line] = (await getConversation({ agent: a.agent, conversationId: c.id })).activity;
    expect(line).toMatchObject({
      action: "routed",
      actorType: "SYSTEM",
      actorName: null,
      departmentName: "Service",
      assigneeName: a.scoped.name,
      labelName: "VIP",
      data: { ruleName: "Service mornings" },
    });
  });
});

describe("SLA in the inbox list", () => {
  it("runs first response from the first inbound message until an agent replies, then resolution", async () => {
    const a = await arrange();
    const department = await ownerDb().department.create({
      data: {
        customerId: a.customer.id,
        dealerId: a.dealer.id,
        name: "Sales",
        firstResponseMinutes: 15,
        resolutionMinutes: 240,
      },
    });
    const created = new Date(Date.now() - 30 * 60_000);
    const inbound = new Date(created.getTime() + 60_000);
    const waiting = await conversationAt(a, a.dealer.id, {
      departmentId: department.id,
      createdAt: created,
      messages: [
        { authorType: "AGENT", at: created },
        { authorType: "CONTACT", at: inbound },
        // A private note is no reply.
        { authorType: "AGENT", at: new Date(inbound.getTime() + 60_000), kind: "NOTE" },
      ],
    });
    const answered = await conversationAt(a, a.dealer.id, {
      departmentId: department.id,
      createdAt: created,
      messages: [
        { authorType: "CONTACT", at: inbound },
        { authorType: "AGENT", at: new Date(inbound.getTime() + 60_000) },
      ],
    });
    const noTarget = await conversationAt(a, a.dealer.id, { messages: [{ authorType: "CONTACT", at: inbound }] });
    // Came outside business hours: the clock starts at the opening it waits for.
    const opening = new Date(Date.now() + 8 * 3_600_000);
    const overnight = await conversationAt(a, a.dealer.id, {
      departmentId: department.id,
      createdAt: created,
      messages: [{ authorType: "CONTACT", at: inbound }],
    });
    await ownerDb().conversation.update({ where: { id: overnight.id }, data: { waitingUntil: opening } });
    const rows = await listConversations({ agent: a.agent, input: {} });
    const sla = (id: string) => rows.find((r) => r.id === id)?.sla;
    expect(sla(waiting.id)).toEqual({
      kind: "firstResponse",
      dueAt: new Date(inbound.getTime() + 15 * 60_000).toISOString(),
    });
    expect(sla(answered.id)).toEqual({
      kind: "resolution",
      dueAt: new Date(created.getTime() + 240 * 60_000).toISOString(),
    });
    expect(sla(noTarget.id)).toBeNull();
    expect(sla(overnight.id)).toEqual({
      kind: "firstResponse",
      dueAt: new Date(opening.getTime() + 15 * 60_000).toISOString(),
    });
  });
});
