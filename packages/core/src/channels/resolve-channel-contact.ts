import type { TIdentity } from "@forecourt/channels";
import type { TTx } from "@forecourt/db";
import type { TChannelPrincipal } from "../principal";

/** How an identity is stored in ContactIdentity.externalId (channelType is the channel's). */
export const identityKey = (identity: TIdentity) => `${identity.kind}:${identity.value}`;

/**
 * The contact and conversation an inbound channel message belongs to, created on first contact.
 * Contacts are keyed on every identity the channel gives (WhatsApp: phone number and BSUID, so
 * a username user without a phone number is still one contact); identities seen for the first
 * time are added. Advisory locks on the identities serialise concurrent first messages of one
 * person, so a burst of webhooks creates one contact and one conversation, not several.
 */
export async function resolveChannelContact(
  tx: TTx,
  principal: TChannelPrincipal,
  message: { identities: TIdentity[]; profileName: string | null; phone: string | null; sentAt: Date },
): Promise<{ contactId: string; conversationId: string }> {
  const keys = [...new Set(message.identities.map(identityKey))].sort();
  for (const key of keys)
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${principal.customerId}|${principal.channelType}|${key}`}, 0))`;

  const known = await tx.contactIdentity.findMany({
    where: { customerId: principal.customerId, channelType: principal.channelType, externalId: { in: keys } },
    select: { contactId: true, externalId: true },
  });
  let contactId = known[0]?.contactId;
  if (!contactId) {
    const contact = await tx.contact.create({
      data: {
        customerId: principal.customerId,
        name: message.profileName,
        phone: message.phone ? `+${message.phone}` : null,
        // T 7.1/7.2: the customer wrote to the dealer first; answering is a step at their request.
        legalBasis: "CONTRACT",
        legalBasisNote: `The customer wrote first on ${principal.channelType === "WHATSAPP" ? "WhatsApp" : "Messenger"}; replying is a step at their request (GDPR Art. 6(1)(b)).`,
        legalBasisRecordedAt: new Date(),
        lastEngagedAt: message.sentAt,
      },
      select: { id: true },
    });
    contactId = contact.id;
  }
  const missing = keys.filter((k) => !known.some((i) => i.externalId === k));
  if (missing.length > 0)
    await tx.contactIdentity.createMany({
      data: missing.map((externalId) => ({
        customerId: principal.customerId,
        contactId: contactId,
        channelType: principal.channelType,
        externalId,
      })),
      skipDuplicates: true,
    });

  const existing = await tx.conversation.findFirst({
    where: { customerId: principal.customerId, channelId: principal.channelId, contactId },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (existing) return { contactId, conversationId: existing.id };
  const created = await tx.conversation.create({
    data: {
      customerId: principal.customerId,
      dealerId: principal.dealerId,
      channelId: principal.channelId,
      contactId,
      status: "OPEN",
      lastInboundAt: message.sentAt,
    },
    select: { id: true },
  });
  return { contactId, conversationId: created.id };
}
