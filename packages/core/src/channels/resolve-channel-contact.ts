import type { TIdentity, TInboundMessage } from "@forecourt/channels";
import { randomUUID } from "node:crypto";
import type { Prisma, TTx } from "@forecourt/db";
import type { TChannelPrincipal, TExternalChannelType } from "../principal";
import { recordWebhookEvents } from "../webhooks/record-webhook-event";

/** The channel's name in the legal-basis note a new contact gets. */
const CHANNEL_LABEL: Record<TExternalChannelType, string> = {
  WHATSAPP: "WhatsApp",
  MESSENGER: "Messenger",
  TWILIO_SMS: "SMS",
  EMAIL: "e-mail",
  TELEGRAM: "Telegram",
};

/** How an identity is stored in ContactIdentity.externalId (channelType is the channel's). */
export const identityKey = (identity: TIdentity) => `${identity.kind}:${identity.value}`;

/**
 * Advisory locks on a batch's sender identities, in sorted order (so two batches cannot
 * deadlock), held to the end of the transaction: concurrent first messages of one person
 * create one contact and one conversation, and a redelivery racing its original finds it.
 */
export async function lockIdentities(tx: TTx, principal: TChannelPrincipal, keys: string[]): Promise<void> {
  const lockKeys = [...new Set(keys)].sort().map((key) => `${principal.customerId}|${principal.channelType}|${key}`);
  if (lockKeys.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${lockKeys}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`;
}

export type TChannelTarget = {
  contactId: string;
  conversationId: string;
  /** The contact was created by this batch without a name (its channel may look one up). */
  namelessNew: boolean;
};

/**
 * The contact and conversation of each message of a batch (by external id), created on first
 * contact. Contacts are keyed on every identity the channel gives (WhatsApp: phone number and
 * BSUID, so a username user without a phone number is still one contact); identities seen for
 * the first time are added. A handful of queries per batch, not per message. The caller holds
 * the identities' locks (lockIdentities).
 */
export async function resolveChannelContacts(
  tx: TTx,
  principal: TChannelPrincipal,
  messages: Pick<TInboundMessage, "externalId" | "identities" | "profileName" | "phone" | "sentAt">[],
): Promise<Map<string, TChannelTarget>> {
  const { customerId, channelType } = principal;
  const allKeys = [...new Set(messages.flatMap((m) => m.identities.map(identityKey)))];
  const known = await tx.contactIdentity.findMany({
    where: { customerId, channelType, externalId: { in: allKeys } },
    select: { contactId: true, externalId: true },
  });
  const contactOfKey = new Map(known.map((i) => [i.externalId, i.contactId]));
  const newIdentities: { externalId: string; contactId: string }[] = [];
  // New contacts and conversations get their ids here and are inserted with one statement
  // each (createMany), not one round trip per first-time sender.
  const newContacts: Prisma.ContactCreateManyInput[] = [];
  for (const message of messages) {
    const keys = message.identities.map(identityKey);
    let contactId = keys.map((k) => contactOfKey.get(k)).find(Boolean);
    if (!contactId) {
      contactId = randomUUID();
      newContacts.push({
        id: contactId,
        customerId,
        name: message.profileName,
        phone: message.phone ? `+${message.phone}` : null,
        // T 7.1/7.2: the customer wrote to the dealer first; answering is a step at their request.
        legalBasis: "CONTRACT",
        legalBasisNote: `The customer wrote first on ${CHANNEL_LABEL[channelType]}; replying is a step at their request (GDPR Art. 6(1)(b)).`,
        legalBasisRecordedAt: new Date(),
        lastEngagedAt: message.sentAt,
      });
    }
    for (const key of keys)
      if (!contactOfKey.has(key)) {
        contactOfKey.set(key, contactId);
        newIdentities.push({ externalId: key, contactId });
      }
  }
  if (newContacts.length > 0) await tx.contact.createMany({ data: newContacts });
  if (newIdentities.length > 0)
    await tx.contactIdentity.createMany({
      data: newIdentities.map((i) => ({ customerId, channelType, ...i })),
      skipDuplicates: true,
    });

  // Only contacts that existed before this batch can have a conversation already.
  const created = new Set(newContacts.map((c) => c.id));
  const contactIds = [...new Set(messages.map((m) => contactOfKey.get(identityKey(m.identities[0]!))!))].filter(
    (id) => !created.has(id),
  );
  const conversations =
    contactIds.length === 0
      ? []
      : await tx.conversation.findMany({
          where: { customerId, channelId: principal.channelId, contactId: { in: contactIds } },
          orderBy: { createdAt: "desc" },
          select: { id: true, contactId: true },
        });
  const conversationOf = new Map<string, string>();
  for (const c of conversations) if (!conversationOf.has(c.contactId)) conversationOf.set(c.contactId, c.id);
  const targets = new Map<string, TChannelTarget>();
  const newConversations: Prisma.ConversationCreateManyInput[] = [];
  for (const message of messages) {
    const contactId = contactOfKey.get(identityKey(message.identities[0]!))!;
    let conversationId = conversationOf.get(contactId);
    if (!conversationId) {
      conversationId = randomUUID();
      newConversations.push({
        id: conversationId,
        customerId,
        dealerId: principal.dealerId,
        channelId: principal.channelId,
        contactId,
        status: "OPEN",
        lastInboundAt: message.sentAt,
      });
      conversationOf.set(contactId, conversationId);
    }
    targets.set(message.externalId, {
      contactId,
      conversationId,
      namelessNew: created.has(contactId) && !newContacts.find((c) => c.id === contactId)?.name,
    });
  }
  if (newConversations.length > 0) await tx.conversation.createMany({ data: newConversations });
  await recordWebhookEvents(tx, customerId, [
    ...newContacts.map((c) => ({ type: "contact.created" as const, contactId: c.id! })),
    ...newConversations.map((c) => ({
      type: "conversation.created" as const,
      conversationId: c.id!,
      contactId: c.contactId,
    })),
  ]);
  return targets;
}
