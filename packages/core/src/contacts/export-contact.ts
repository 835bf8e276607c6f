import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantPrincipal } from "../principal";
import { contactScopeWhere, conversationScopeWhere, isDealerScoped } from "./contact-scope";
import { vehicleView } from "./vehicle-fields";

export const CONTACT_EXPORT_FORMAT = "forecourt.contact-export/v1";

/**
 * A data-subject access request (T 6.7.3): everything held about one contact, as plain JSON
 * (machine-readable): personal data, the legal-basis record, channel identities, vehicles,
 * visitor sessions, and every conversation with all its messages (incl. form answers) and a
 * list of attachments (name, type, size, checksum; the files themselves are downloaded from
 * the conversation). Audited. Null when the contact does not exist in this tenant.
 *
 * A dealer-scoped member exports only what their dealers hold: null for a contact without a
 * conversation in those dealers, and only those dealers' conversations and visitor sessions
 * otherwise (`scope` in the file says so; a complete export needs an all-dealers member).
 */
export async function exportContact(options: { actor: TTenantPrincipal; contactId: string; now: Date }) {
  const { actor } = options;
  assertMay(actor, "contacts.export");
  return withTenant(
    actor.tenant.customerId,
    async (tx) => {
      const contact = await tx.contact.findFirst({
        where: { id: options.contactId, customerId: actor.tenant.customerId, ...contactScopeWhere(actor) },
        include: { vehicles: true, identities: true },
      });
      if (!contact) return null;
      const customer = await tx.customer.findUniqueOrThrow({
        where: { id: actor.tenant.customerId },
        select: { id: true, name: true },
      });
      // A visitor session belongs to a channel, and a channel to a dealer.
      const scopedChannelIds = isDealerScoped(actor)
        ? (
            await tx.channel.findMany({
              where: { customerId: actor.tenant.customerId, dealerId: { in: actor.tenant.dealerIds } },
              select: { id: true },
            })
          ).map((c) => c.id)
        : null;
      const sessions = await tx.visitorSession.findMany({
        where: {
          customerId: actor.tenant.customerId,
          contactId: contact.id,
          ...(scopedChannelIds ? { channelId: { in: scopedChannelIds } } : {}),
        },
        select: { channelId: true, createdAt: true, lastSeenAt: true },
        orderBy: { createdAt: "asc" },
      });
      const conversations = await tx.conversation.findMany({
        where: { customerId: actor.tenant.customerId, contactId: contact.id, ...conversationScopeWhere(actor) },
        orderBy: { createdAt: "asc" },
        include: {
          dealer: { select: { name: true } },
          channel: { select: { type: true, name: true } },
          messages: {
            orderBy: { seq: "asc" },
            include: {
              attachments: {
                select: { fileName: true, mimeType: true, sizeBytes: true, sha256: true, createdAt: true },
              },
            },
          },
        },
      });
      await tx.auditEvent.create({
        data: {
          customerId: actor.tenant.customerId,
          actorUserId: actor.userId,
          action: "contact.exported",
          targetType: "Contact",
          targetId: contact.id,
          data: { conversations: conversations.length, dealerScoped: isDealerScoped(actor) },
        },
      });
      return {
        format: CONTACT_EXPORT_FORMAT,
        exportedAt: options.now.toISOString(),
        controller: { customerId: customer.id, name: customer.name },
        /** "tenant": everything held; "dealers": only what the exporting member's dealers hold. */
        scope: isDealerScoped(actor) ? ("dealers" as const) : ("tenant" as const),
        contact: {
          id: contact.id,
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          createdAt: contact.createdAt.toISOString(),
          lastEngagedAt: contact.lastEngagedAt?.toISOString() ?? null,
          legalBasis: {
            basis: contact.legalBasis,
            note: contact.legalBasisNote,
            recordedAt: contact.legalBasisRecordedAt?.toISOString() ?? null,
          },
        },
        identities: contact.identities.map((i) => ({
          channelType: i.channelType,
          externalId: i.externalId,
          createdAt: i.createdAt.toISOString(),
        })),
        vehicles: contact.vehicles.map((v) => ({
          ...vehicleView(v),
          serviceNotes: v.serviceNotes,
          createdAt: v.createdAt.toISOString(),
        })),
        visitorSessions: sessions.map((s) => ({
          channelId: s.channelId,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
        })),
        conversations: conversations.map((c) => ({
          id: c.id,
          dealer: c.dealer.name,
          channel: { type: c.channel.type, name: c.channel.name },
          status: c.status,
          createdAt: c.createdAt.toISOString(),
          closedAt: c.closedAt?.toISOString() ?? null,
          /** The car the visitor looked at (the widget's setVehicle). */
          vehicleOfInterest: c.vehicleOfInterest ?? null,
          messages: c.messages.map((m) => ({
            seq: m.seq,
            authorType: m.authorType,
            kind: m.kind,
            body: m.body,
            data: m.data,
            createdAt: m.createdAt.toISOString(),
            attachments: m.attachments.map((a) => ({
              fileName: a.fileName,
              mimeType: a.mimeType,
              sizeBytes: a.sizeBytes,
              sha256: a.sha256,
              createdAt: a.createdAt.toISOString(),
            })),
          })),
        })),
      };
    },
    { userId: actor.userId },
  );
}

export type TContactExport = NonNullable<Awaited<ReturnType<typeof exportContact>>>;
