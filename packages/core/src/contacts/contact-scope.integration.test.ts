/**
 * Dealer scope on the contact paths: a member scoped to dealer A of a tenant sees, exports and
 * erases only contacts with a conversation in A, and only A's conversations of them; contacts of
 * dealer B alone are "not found" (null), exactly like another tenant's.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { updateContact } from "../chat/update-contact";
import { ForbiddenError } from "../errors";
import { createContact, createConversation, createRetentionTenant } from "../retention/testing/fixtures";
import { testMemberPrincipal } from "../test-principals";
import { ERASE_OUTSIDE_SCOPE, eraseContact } from "./erase-contact";
import { exportContact } from "./export-contact";
import { exportLegalBasisRegister } from "./export-legal-basis-register";
import { getContactRecord } from "./get-contact-record";
import { searchContacts } from "./search-contacts";

const NOW = new Date("2026-11-21T10:00:00Z");
const AT = new Date("2026-11-01T10:00:00Z");
const created: string[] = [];

afterAll(async () => {
  await ownerDb().customer.deleteMany({ where: { id: { in: created } } });
  await ownerDb().$disconnect();
});

async function setup() {
  const t = await createRetentionTenant("Scope");
  created.push(t.customer.id);
  const dealerB = await ownerDb().dealer.create({ data: { customerId: t.customer.id, name: "Dealer B" } });
  const channelB = await ownerDb().channel.create({
    data: {
      customerId: t.customer.id,
      dealerId: dealerB.id,
      type: "WIDGET",
      name: "B Website",
      publicKey: randomUUID(),
    },
  });
  const tb = { customer: t.customer, dealer: dealerB, channel: channelB };
  const alice = await createContact(t.customer.id, {
    name: "Alice Aonly",
    email: "alice@a.test",
    phone: "+31 6 1000 0001",
  });
  const bob = await createContact(t.customer.id, { name: "Bob Bonly", email: "bob@b.test", phone: "+31 6 2000 0002" });
  const shared = await createContact(t.customer.id, { name: "Sam Shared", email: "sam@ab.test" });
  await createConversation(t, alice.id, [{ at: AT, body: "alice at A" }]);
  const bobConv = await createConversation(tb, bob.id, [
    { at: AT, body: "bob secret at B" },
    { at: AT, attachment: true },
  ]);
  const sharedA = await createConversation(t, shared.id, [{ at: AT, body: "sam at A" }]);
  const sharedB = await createConversation(tb, shared.id, [
    { at: AT, body: "sam secret at B" },
    { at: AT, attachment: true },
  ]);
  const admin = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  const scoped = testMemberPrincipal(admin.user.id, t.customer.id, "ADMIN", { dealerIds: [t.dealer.id] });
  const all = testMemberPrincipal(admin.user.id, t.customer.id, "ADMIN");
  return { t, dealerB, alice, bob, shared, bobConv, sharedA, sharedB, scoped, all };
}

describe("dealer scope on contacts", () => {
  it("search finds only contacts with a conversation in the member's dealers", async () => {
    const { scoped, all, alice, bob, shared } = await setup();
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(await searchContacts({ actor: scoped, q: "" }))).toEqual([alice.id, shared.id].sort());
    for (const q of ["bob", "bob@b.test", "+31 6 2000", "+31620000002"]) {
      expect(await searchContacts({ actor: scoped, q }), q).toEqual([]);
    }
    const sam = (await searchContacts({ actor: scoped, q: "sam" }))[0]!;
    expect(sam._count.conversations).toBe(1);
    expect(ids(await searchContacts({ actor: all, q: "" }))).toEqual([alice.id, bob.id, shared.id].sort());
    expect((await searchContacts({ actor: all, q: "sam" }))[0]!._count.conversations).toBe(2);
  });

  it("the record is null for another dealer's contact and shows only the member's dealers' conversations", async () => {
    const { scoped, all, bob, shared, sharedA } = await setup();
    expect(await getContactRecord({ actor: scoped, contactId: bob.id })).toBeNull();
    const record = (await getContactRecord({ actor: scoped, contactId: shared.id }))!;
    expect(record.contact.conversations.map((c) => c.id)).toEqual([sharedA.conversation.id]);
    expect(record.held).toEqual({ conversations: 1, messages: 1, attachments: 0 });
    expect((await getContactRecord({ actor: all, contactId: bob.id }))?.contact.id).toBe(bob.id);
    expect((await getContactRecord({ actor: all, contactId: shared.id }))!.held).toEqual({
      conversations: 2,
      messages: 3,
      attachments: 1,
    });
  });

  it("the export is null for another dealer's contact and carries none of the other dealers' messages", async () => {
    const { scoped, all, bob, shared } = await setup();
    expect(await exportContact({ actor: scoped, contactId: bob.id, now: NOW })).toBeNull();
    const data = (await exportContact({ actor: scoped, contactId: shared.id, now: NOW }))!;
    expect(data.scope).toBe("dealers");
    expect(data.conversations).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("secret at B");
    const full = (await exportContact({ actor: all, contactId: shared.id, now: NOW }))!;
    expect(full.scope).toBe("tenant");
    expect(full.conversations).toHaveLength(2);
  });

  it("the legal-basis register lists only the member's dealers' contacts", async () => {
    const { scoped, all, alice, bob, shared } = await setup();
    const ids = (r: { contacts: { id: string }[] }) => r.contacts.map((c) => c.id).sort();
    expect(ids(await exportLegalBasisRegister({ actor: scoped, now: NOW }))).toEqual([alice.id, shared.id].sort());
    expect(ids(await exportLegalBasisRegister({ actor: all, now: NOW }))).toEqual([alice.id, bob.id, shared.id].sort());
  });

  it("erasure: another dealer's contact is not found, a shared one is refused, B's rows stay", async () => {
    const { t, scoped, alice, bob, shared, bobConv, sharedB } = await setup();
    expect(await eraseContact({ actor: scoped, contactId: bob.id })).toBeNull();
    await expect(eraseContact({ actor: scoped, contactId: shared.id })).rejects.toThrow(
      new ForbiddenError(ERASE_OUTSIDE_SCOPE),
    );
    expect(await ownerDb().contact.count({ where: { id: { in: [bob.id, shared.id] } } })).toBe(2);
    expect(
      await ownerDb().message.count({
        where: { conversationId: { in: [bobConv.conversation.id, sharedB.conversation.id] } },
      }),
    ).toBe(4);
    // A's own contact: erased as before.
    expect(await eraseContact({ actor: scoped, contactId: alice.id })).not.toBeNull();
    expect(await ownerDb().contact.count({ where: { customerId: t.customer.id } })).toBe(2);
  });

  it("the inbox contact panel refuses another dealer's contact", async () => {
    const { scoped, bob } = await setup();
    const agent = { ...scoped, name: "Scoped", providerRole: null };
    await expect(updateContact({ agent, input: { contactId: bob.id, name: "Hijacked" } })).rejects.toThrow("Not found");
    expect((await ownerDb().contact.findUniqueOrThrow({ where: { id: bob.id } })).name).toBe("Bob Bonly");
  });
});
