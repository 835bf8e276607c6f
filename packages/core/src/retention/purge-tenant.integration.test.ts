import { afterAll, describe, expect, it } from "vitest";
import { ownerDb } from "@forecourt/testing";
import { readAttachment } from "../storage/attachments";
import { retentionCutoff } from "./cutoff";
import { purgeTenant } from "./purge-tenant";
import { createContact, createConversation, createRetentionTenant } from "./testing/fixtures";

// The simulated clock: the purge runs "on" this day; 18 months earlier is the cutoff.
const NOW = new Date("2026-11-21T03:00:00Z");
const CUTOFF = retentionCutoff(NOW, 18); // 2025-05-21T00:00:00Z
const ms = (delta: number) => new Date(CUTOFF.getTime() + delta);
const DAY = 86_400_000;

afterAll(async () => {
  await ownerDb().$disconnect();
});

describe("retention purge", () => {
  it("deletes exactly what is older than the cutoff and keeps what is at or after it", async () => {
    const t = await createRetentionTenant();
    const contact = await createContact(t.customer.id, { lastEngagedAt: ms(DAY) });
    const old = await createConversation(t, contact.id, [
      { at: ms(-30 * DAY) },
      { at: ms(-30 * DAY + 60_000), author: "AGENT" },
      { at: ms(-1), kind: "FORM" },
    ]);
    const spanning = await createConversation(t, contact.id, [
      { at: ms(-DAY), body: "old" },
      { at: ms(-1), body: "one millisecond too old" },
      { at: ms(0), body: "exactly at the cutoff" },
      { at: ms(DAY), body: "new" },
    ]);

    const result = await purgeTenant({ customerId: t.customer.id, now: NOW, batchSize: 2 });
    expect(result.cutoff).toEqual(CUTOFF);

    expect(await ownerDb().conversation.findUnique({ where: { id: old.conversation.id } })).toBeNull();
    const left = await ownerDb().message.findMany({
      where: { conversationId: spanning.conversation.id },
      orderBy: { seq: "asc" },
    });
    expect(left.map((m) => m.body)).toEqual(["exactly at the cutoff", "new"]);
    expect(result.counts).toMatchObject({ messages: 4, formResults: 1, conversations: 1 });

    const certificate = await ownerDb().deletionCertificate.findUniqueOrThrow({ where: { id: result.certificateId } });
    expect(certificate).toMatchObject({ customerId: t.customer.id, kind: "RETENTION", cutoff: CUTOFF });
    expect(certificate.counts).toMatchObject({ state: "completed", messages: 4, formResults: 1, conversations: 1 });
    expect(JSON.stringify(certificate)).not.toMatch(/too old|message 1|Jan/);
    const audit = await ownerDb().auditEvent.findFirst({
      where: { customerId: t.customer.id, action: "retention.purged" },
    });
    expect(audit?.targetId).toBe(result.certificateId);
  });

  it("deletes lead-form leads with their FORM message (and their delivery log), keeps newer ones", async () => {
    const t = await createRetentionTenant();
    const contact = await createContact(t.customer.id, { lastEngagedAt: ms(DAY) });
    const old = await createConversation(t, contact.id, [{ at: ms(-DAY), kind: "FORM" }]);
    const spanning = await createConversation(t, contact.id, [
      { at: ms(-DAY), kind: "FORM" },
      { at: ms(DAY), kind: "FORM" },
    ]);
    const lead = async (conversationId: string, messageId: string) => {
      const row = await ownerDb().lead.create({
        data: {
          customerId: t.customer.id,
          dealerId: t.dealer.id,
          conversationId,
          messageId,
          kind: "TEST_DRIVE",
          data: { formName: "Test drive", answers: [] },
        },
      });
      await ownerDb().leadDelivery.create({
        data: { customerId: t.customer.id, leadId: row.id, target: "EMAIL", destination: "crm@example.com" },
      });
      return row.id;
    };
    const inOld = await lead(old.conversation.id, old.messageIds[0]!);
    const oldInSpanning = await lead(spanning.conversation.id, spanning.messageIds[0]!);
    const newInSpanning = await lead(spanning.conversation.id, spanning.messageIds[1]!);

    await purgeTenant({ customerId: t.customer.id, now: NOW });

    const left = await ownerDb().lead.findMany({ where: { customerId: t.customer.id }, select: { id: true } });
    expect(left.map((l) => l.id)).toEqual([newInSpanning]);
    expect(await ownerDb().leadDelivery.count({ where: { leadId: { in: [inOld, oldInSpanning] } } })).toBe(0);
    expect(await ownerDb().leadDelivery.count({ where: { leadId: newInSpanning } })).toBe(1);
  });

  it("deletes attachments from disk together with their rows", async () => {
    const t = await createRetentionTenant();
    const contact = await createContact(t.customer.id, { lastEngagedAt: ms(DAY) });
    const old = await createConversation(t, contact.id, [{ at: ms(-DAY), attachment: true }]);
    const keep = await createConversation(t, contact.id, [{ at: ms(DAY), attachment: true }]);
    expect(await readAttachment(old.storageKeys[0]!)).not.toBeNull();

    const result = await purgeTenant({ customerId: t.customer.id, now: NOW });
    expect(await readAttachment(old.storageKeys[0]!)).toBeNull();
    expect(await ownerDb().attachment.count({ where: { storageKey: old.storageKeys[0]! } })).toBe(0);
    expect(await readAttachment(keep.storageKeys[0]!)).not.toBeNull();
    expect(result.counts).toMatchObject({ attachments: 1, attachmentFiles: 1 });
  });

  it("wipes contact-form data of a contact who has not engaged since the cutoff, keeps it for one who re-engaged", async () => {
    const t = await createRetentionTenant();
    const gone = await createContact(t.customer.id, { name: "Gone", lastEngagedAt: ms(-DAY) });
    await createConversation(t, gone.id, [{ at: ms(-DAY), kind: "FORM" }]);
    const quiet = await createContact(t.customer.id, { name: "Quiet", lastEngagedAt: ms(-1) });
    // The dealer wrote after the cutoff, the contact did not: the conversation stays, their data goes.
    await createConversation(t, quiet.id, [{ at: ms(-DAY) }, { at: ms(DAY), author: "AGENT" }]);
    const back = await createContact(t.customer.id, { name: "Back", lastEngagedAt: ms(0) });
    const backConversation = await createConversation(t, back.id, [
      { at: ms(-DAY), kind: "FORM", body: "old form" },
      { at: ms(0), body: "re-engaged exactly at the cutoff" },
    ]);
    const fresh = await createContact(t.customer.id, { name: "Fresh", createdAt: ms(DAY), lastEngagedAt: null });

    const result = await purgeTenant({ customerId: t.customer.id, now: NOW });

    expect(await ownerDb().contact.findUnique({ where: { id: gone.id } })).toBeNull();
    expect(await ownerDb().vehicle.count({ where: { contactId: gone.id } })).toBe(0);
    const wiped = await ownerDb().contact.findUniqueOrThrow({ where: { id: quiet.id } });
    expect(wiped).toMatchObject({ name: null, email: null, phone: null, legalBasisNote: null });
    expect(await ownerDb().vehicle.count({ where: { contactId: quiet.id } })).toBe(0);
    expect(await ownerDb().contactIdentity.count({ where: { contactId: quiet.id } })).toBe(0);

    const kept = await ownerDb().contact.findUniqueOrThrow({ where: { id: back.id } });
    expect(kept).toMatchObject({ name: "Back", phone: "+31612345678" });
    expect(await ownerDb().vehicle.count({ where: { contactId: back.id } })).toBe(1);
    // …but their messages older than the cutoff (the old form result) are deleted either way.
    const backMessages = await ownerDb().message.findMany({
      where: { conversationId: backConversation.conversation.id },
    });
    expect(backMessages.map((m) => m.body)).toEqual(["re-engaged exactly at the cutoff"]);

    expect((await ownerDb().contact.findUniqueOrThrow({ where: { id: fresh.id } })).name).toBe("Fresh");
    expect(result.counts).toMatchObject({ contactsDeleted: 1, contactsWiped: 1, formResults: 2 });
  });

  it("is idempotent: a second run on the same day deletes nothing more", async () => {
    const t = await createRetentionTenant();
    const contact = await createContact(t.customer.id, { lastEngagedAt: ms(DAY) });
    await createConversation(t, contact.id, [{ at: ms(-DAY) }, { at: ms(DAY) }]);
    const first = await purgeTenant({ customerId: t.customer.id, now: NOW });
    expect(first.counts.messages).toBe(1);
    const before = await ownerDb().message.count({ where: { customerId: t.customer.id } });
    const second = await purgeTenant({ customerId: t.customer.id, now: NOW });
    // Nothing deleted, but the file counts are always recorded, zero included (issue 17).
    expect(second.counts).toEqual({ attachmentFiles: 0, attachmentFilesMissing: 0 });
    expect(await ownerDb().message.count({ where: { customerId: t.customer.id } })).toBe(before);
    const certificate = await ownerDb().deletionCertificate.findUniqueOrThrow({ where: { id: second.certificateId } });
    expect(certificate.counts).toEqual({ state: "completed", attachmentFiles: 0, attachmentFilesMissing: 0 });
  });

  it("resumes after a crash mid-run and ends where an uninterrupted run would", async () => {
    const t = await createRetentionTenant();
    const contact = await createContact(t.customer.id, { lastEngagedAt: ms(-DAY) });
    const messages = Array.from({ length: 7 }, (_, i) => ({ at: ms(-(i + 1) * 3_600_000), attachment: i % 2 === 0 }));
    const old = await createConversation(t, contact.id, messages.reverse());

    let batches = 0;
    await expect(
      purgeTenant({
        customerId: t.customer.id,
        now: NOW,
        batchSize: 2,
        onBatch: () => {
          batches += 1;
          if (batches === 2) throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    const crashed = await ownerDb().deletionCertificate.findFirstOrThrow({
      where: { customerId: t.customer.id },
      orderBy: { startedAt: "asc" },
    });
    expect(crashed.counts).toMatchObject({ state: "running", messages: 4 });
    expect(await ownerDb().message.count({ where: { conversationId: old.conversation.id } })).toBe(3);

    const resumed = await purgeTenant({ customerId: t.customer.id, now: NOW, batchSize: 2 });
    expect(resumed.counts).toMatchObject({ messages: 3, conversations: 1, contactsDeleted: 1 });
    expect(await ownerDb().conversation.count({ where: { customerId: t.customer.id } })).toBe(0);
    for (const key of old.storageKeys) expect(await readAttachment(key)).toBeNull();
  });

  it("never touches another tenant's rows", async () => {
    const a = await createRetentionTenant("A");
    const b = await createRetentionTenant("B");
    const contactA = await createContact(a.customer.id, { lastEngagedAt: ms(-DAY) });
    const contactB = await createContact(b.customer.id, { lastEngagedAt: ms(-DAY) });
    await createConversation(a, contactA.id, [{ at: ms(-DAY), attachment: true }]);
    const convB = await createConversation(b, contactB.id, [{ at: ms(-DAY), attachment: true }]);

    await purgeTenant({ customerId: a.customer.id, now: NOW });

    expect(await ownerDb().message.count({ where: { customerId: a.customer.id } })).toBe(0);
    expect(await ownerDb().message.count({ where: { customerId: b.customer.id } })).toBe(1);
    expect(await ownerDb().contact.findUnique({ where: { id: contactB.id } })).not.toBeNull();
    expect(await readAttachment(convB.storageKeys[0]!)).not.toBeNull();
  });

  it("uses the tenant's own retention period", async () => {
    const t = await createRetentionTenant("Short", 6);
    const contact = await createContact(t.customer.id, { lastEngagedAt: NOW });
    const cutoff6 = retentionCutoff(NOW, 6);
    await createConversation(t, contact.id, [{ at: new Date(cutoff6.getTime() - 1) }, { at: cutoff6 }]);
    const result = await purgeTenant({ customerId: t.customer.id, now: NOW });
    expect(result.cutoff).toEqual(cutoff6);
    expect(result.counts.messages).toBe(1);
  });

  it("aggregates anonymised statistics before purging, and they survive the purge", async () => {
    const t = await createRetentionTenant();
    const contact = await createContact(t.customer.id, { lastEngagedAt: ms(-DAY) });
    const start = new Date("2025-03-10T09:00:00Z");
    await createConversation(
      t,
      contact.id,
      [
        { at: start },
        { at: new Date(start.getTime() + 120_000), author: "AGENT" },
        { at: new Date(start.getTime() + 180_000) },
        { at: new Date(start.getTime() + 240_000), author: "AGENT", kind: "NOTE" },
      ],
      { closedAt: new Date(start.getTime() + 3_600_000) },
    );
    await purgeTenant({ customerId: t.customer.id, now: NOW });
    expect(await ownerDb().message.count({ where: { customerId: t.customer.id } })).toBe(0);
    const stats = await ownerDb().dailyStat.findMany({ where: { customerId: t.customer.id } });
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({
      dealerId: t.dealer.id,
      channelType: "WIDGET",
      conversationsStarted: 1,
      conversationsClosed: 1,
      messagesIn: 2,
      messagesOut: 1,
      firstResponseCount: 1,
      firstResponseSecondsSum: 120n,
      resolutionCount: 1,
      resolutionSecondsSum: 3600n,
    });
    expect(stats[0]!.day.toISOString().slice(0, 10)).toBe("2025-03-10");
  });
});
