/**
 * Test data for the retention tests, written straight through the owner client (the chat use
 * cases live in another branch). Used by *.integration.test.ts only.
 */
import { randomUUID } from "node:crypto";
import { createTestTenant, ownerDb } from "@forecourt/testing";
import { storeAttachment } from "../../storage/attachments";

export async function createRetentionTenant(label = "Retention", retentionMonths = 18) {
  const { customer, dealer } = await createTestTenant(label);
  await ownerDb().customer.update({ where: { id: customer.id }, data: { retentionMonths } });
  const channel = await ownerDb().channel.create({
    data: { customerId: customer.id, dealerId: dealer.id, type: "WIDGET", name: "Website", publicKey: randomUUID() },
  });
  return { customer, dealer, channel };
}

export async function createContact(
  customerId: string,
  data: { name?: string; email?: string; phone?: string; lastEngagedAt?: Date | null; createdAt?: Date } = {},
) {
  const contact = await ownerDb().contact.create({
    data: {
      customerId,
      name: data.name ?? "Jan Jansen",
      email: data.email ?? `jan-${randomUUID().slice(0, 6)}@example.com`,
      phone: data.phone ?? "+31612345678",
      legalBasis: "CONSENT",
      legalBasisNote: "Ticked the consent box on the contact form",
      legalBasisRecordedAt: data.createdAt ?? new Date("2024-01-01T00:00:00Z"),
      lastEngagedAt: data.lastEngagedAt ?? null,
      createdAt: data.createdAt ?? new Date("2024-01-01T00:00:00Z"),
    },
  });
  await ownerDb().vehicle.create({
    data: { customerId, contactId: contact.id, vin: "WVWZZZ1JZXW000001", plate: "AB-123-C", make: "VW", model: "Golf" },
  });
  await ownerDb().contactIdentity.create({
    data: { customerId, contactId: contact.id, channelType: "WIDGET", externalId: randomUUID() },
  });
  return contact;
}

type TFixtureMessage = {
  at: Date;
  author?: "CONTACT" | "AGENT";
  kind?: "TEXT" | "FORM" | "ATTACHMENT" | "NOTE";
  body?: string;
  attachment?: boolean;
};

/** A conversation with messages at the given times (seq in order); returns ids and storage keys. */
export async function createConversation(
  tenant: { customer: { id: string }; dealer: { id: string }; channel: { id: string } },
  contactId: string,
  messages: TFixtureMessage[],
  options: { closedAt?: Date } = {},
) {
  const customerId = tenant.customer.id;
  const first = messages[0]!.at;
  const last = messages[messages.length - 1]!.at;
  const conversation = await ownerDb().conversation.create({
    data: {
      customerId,
      dealerId: tenant.dealer.id,
      channelId: tenant.channel.id,
      contactId,
      createdAt: first,
      lastMessageAt: last,
      lastSeq: messages.length,
      status: options.closedAt ? "CLOSED" : "OPEN",
      closedAt: options.closedAt ?? null,
    },
  });
  const storageKeys: string[] = [];
  const messageIds: string[] = [];
  for (const [i, m] of messages.entries()) {
    const kind = m.kind ?? (m.attachment ? "ATTACHMENT" : "TEXT");
    const row = await ownerDb().message.create({
      data: {
        customerId,
        conversationId: conversation.id,
        seq: i + 1,
        clientId: randomUUID(),
        authorType: m.author ?? "CONTACT",
        kind,
        body: m.body ?? `message ${i + 1}`,
        data: kind === "FORM" ? { name: "Jan Jansen", email: "jan@example.com", question: "Test drive?" } : undefined,
        createdAt: m.at,
      },
    });
    messageIds.push(row.id);
    if (m.attachment) {
      const bytes = new TextEncoder().encode(`%PDF-1.4 fixture ${i}`);
      const storageKey = await storeAttachment(customerId, bytes);
      await ownerDb().attachment.create({
        data: {
          customerId,
          messageId: row.id,
          fileName: "offer.pdf",
          mimeType: "application/pdf",
          sizeBytes: bytes.byteLength,
          sha256: "0".repeat(64),
          storageKey,
          createdAt: m.at,
        },
      });
      storageKeys.push(storageKey);
    }
  }
  return { conversation, messageIds, storageKeys };
}
