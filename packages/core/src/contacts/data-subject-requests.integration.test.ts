import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { ForbiddenError } from "../errors";
import { createContact, createConversation, createRetentionTenant } from "../retention/testing/fixtures";
import { readAttachment } from "../storage/attachments";
import { eraseContact } from "./erase-contact";
import { exportContact } from "./export-contact";
import { exportLegalBasisRegister } from "./export-legal-basis-register";
import { searchContacts } from "./search-contacts";

const NOW = new Date("2026-11-21T10:00:00Z");

afterAll(async () => {
  await ownerDb().$disconnect();
});

async function setup() {
  const t = await createRetentionTenant("DSR");
  const admin = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  const agent = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
  const actor = { userId: admin.user.id, customerId: t.customer.id, role: "ADMIN" as const, dealerIds: [] as string[] };
  const agentActor = {
    userId: agent.user.id,
    customerId: t.customer.id,
    role: "AGENT" as const,
    dealerIds: [] as string[],
  };
  const subject = await createContact(t.customer.id, {
    name: "Sanne de Vries",
    email: "sanne@example.nl",
    phone: "+31 6 1111 2222",
    lastEngagedAt: NOW,
  });
  const bystander = await createContact(t.customer.id, { name: "Piet Bakker", email: "piet@example.nl" });
  const conv = await createConversation(t, subject.id, [
    { at: new Date("2026-11-01T10:00:00Z"), kind: "FORM" },
    { at: new Date("2026-11-01T10:05:00Z"), author: "AGENT", body: "We have a Golf for you" },
    { at: new Date("2026-11-01T10:06:00Z"), attachment: true },
  ]);
  const otherConv = await createConversation(t, bystander.id, [
    { at: new Date("2026-11-01T10:00:00Z"), attachment: true },
  ]);
  return { t, actor, agentActor, subject, bystander, conv, otherConv };
}

describe("data-subject requests", () => {
  it("finds a contact by name, e-mail or phone, within the tenant only", async () => {
    const { actor, subject } = await setup();
    const other = await setup();
    for (const q of ["sanne", "SANNE@example", "+31 6 1111", "+3161111222", "de vries"]) {
      const found = await searchContacts({ actor, q });
      expect(found.map((c) => c.id)).toEqual([subject.id]);
    }
    const all = await searchContacts({ actor, q: "" });
    expect(all.map((c) => c.id)).not.toContain(other.subject.id);
  });

  it("exports everything held about a contact as JSON, with messages and an attachment list, audited", async () => {
    const { actor, agentActor, subject, conv } = await setup();
    await expect(exportContact({ actor: agentActor, contactId: subject.id, now: NOW })).rejects.toThrow(ForbiddenError);
    const data = await exportContact({ actor, contactId: subject.id, now: NOW });
    expect(data).not.toBeNull();
    const parsed = JSON.parse(JSON.stringify(data));
    expect(parsed.format).toBe("forecourt.contact-export/v1");
    expect(parsed.contact).toMatchObject({
      name: "Sanne de Vries",
      email: "sanne@example.nl",
      legalBasis: { basis: "CONSENT", note: "Ticked the consent box on the contact form" },
    });
    expect(parsed.vehicles).toEqual([expect.objectContaining({ vin: "WVWZZZ1JZXW000001", plate: "AB-123-C" })]);
    expect(parsed.identities).toHaveLength(1);
    expect(parsed.conversations).toHaveLength(1);
    const messages = parsed.conversations[0].messages;
    expect(messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3]);
    expect(messages[0]).toMatchObject({ kind: "FORM", data: { question: "Test drive?" } });
    expect(messages[1].body).toBe("We have a Golf for you");
    expect(messages[2].attachments).toEqual([
      expect.objectContaining({ fileName: "offer.pdf", mimeType: "application/pdf" }),
    ]);
    expect(JSON.stringify(parsed)).not.toContain(conv.storageKeys[0]);
    expect(JSON.stringify(parsed)).not.toContain("Piet");
    const audit = await ownerDb().auditEvent.findFirst({ where: { action: "contact.exported", targetId: subject.id } });
    expect(audit?.actorUserId).toBe(actor.userId);
  });

  it("erases a contact with conversations, messages, attachments and personal data; audited and certified", async () => {
    const { t, actor, agentActor, subject, bystander, conv, otherConv } = await setup();
    await expect(eraseContact({ actor: agentActor, contactId: subject.id })).rejects.toThrow(ForbiddenError);
    const result = await eraseContact({ actor, contactId: subject.id, batchSize: 2 });
    expect(result?.counts).toMatchObject({
      conversations: 1,
      messages: 2,
      formResults: 1,
      attachments: 1,
      attachmentFiles: 1,
      vehicles: 1,
      contactIdentities: 1,
      contactsDeleted: 1,
    });
    expect(await ownerDb().contact.findUnique({ where: { id: subject.id } })).toBeNull();
    expect(await ownerDb().conversation.count({ where: { contactId: subject.id } })).toBe(0);
    expect(await ownerDb().message.count({ where: { conversationId: conv.conversation.id } })).toBe(0);
    expect(await readAttachment(conv.storageKeys[0]!)).toBeNull();
    // The bystander keeps everything.
    expect(await ownerDb().contact.findUnique({ where: { id: bystander.id } })).not.toBeNull();
    expect(await readAttachment(otherConv.storageKeys[0]!)).not.toBeNull();

    const certificate = await ownerDb().deletionCertificate.findUniqueOrThrow({ where: { id: result!.certificateId } });
    expect(certificate).toMatchObject({ customerId: t.customer.id, kind: "DSR_ERASURE" });
    expect(JSON.stringify(certificate)).not.toMatch(/Sanne|sanne|Golf/);
    const audit = await ownerDb().auditEvent.findFirst({ where: { action: "contact.erased", targetId: subject.id } });
    expect(audit).toMatchObject({ actorUserId: actor.userId, customerId: t.customer.id });
    expect(JSON.stringify(audit)).not.toMatch(/Sanne|sanne/);

    // A second request for the same id finds nothing.
    expect(await eraseContact({ actor, contactId: subject.id })).toBeNull();
  });

  it("cannot reach another tenant's contact", async () => {
    const a = await setup();
    const b = await setup();
    expect(await exportContact({ actor: a.actor, contactId: b.subject.id, now: NOW })).toBeNull();
    expect(await eraseContact({ actor: a.actor, contactId: b.subject.id })).toBeNull();
    expect(await ownerDb().contact.findUnique({ where: { id: b.subject.id } })).not.toBeNull();
  });

  it("exports every contact's legal-basis record", async () => {
    const { actor, subject, bystander } = await setup();
    const register = await exportLegalBasisRegister({ actor, now: NOW });
    expect(register.contacts.map((c) => c.id).sort()).toEqual([subject.id, bystander.id].sort());
    expect(register.contacts[0]).toMatchObject({ legalBasis: "CONSENT", recordedAt: expect.any(String) });
  });
});
