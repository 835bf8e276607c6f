import { withTenant } from "@forecourt/db";
import { ForbiddenError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { CertificateRecorder, type TDeletionCounts } from "../retention/certificate";
import { deleteConversationsInBatches } from "../retention/purge-steps";
import { DEFAULT_PURGE_BATCH_SIZE } from "../retention/purge-tenant";
import { contactScopeWhere, isDealerScoped } from "./contact-scope";

/** Refusal code: a dealer-scoped member may not erase a contact other dealers also talk to. */
export const ERASE_OUTSIDE_SCOPE = "contact_outside_scope";

/**
 * A data-subject erasure request (T 6.7.5): the contact's conversations, messages, form results
 * and attachments (rows and files), vehicles, channel identities, visitor sessions and the
 * contact itself are deleted permanently, in batches. A certificate records the counts; the
 * audit log records who erased which contact id and when (no personal data). Anonymised daily
 * statistics already computed stay. Returns null when the contact is not in this tenant.
 *
 * A dealer-scoped member: null for a contact without a conversation in their dealers; and
 * since erasure deletes the person everywhere, a contact that also has conversations with other
 * dealers is refused (ForbiddenError ERASE_OUTSIDE_SCOPE): an all-dealers member must do it.
 */
export async function eraseContact(options: {
  actor: TTenantPrincipal;
  contactId: string;
  batchSize?: number;
}): Promise<{ certificateId: string; counts: TDeletionCounts } | null> {
  const { actor, contactId } = options;
  assertMay(actor, "contacts.erase");
  const customerId = actor.tenant.customerId;
  const { exists, outside } = await withTenant(customerId, async (tx) => ({
    exists: await tx.contact.count({ where: { id: contactId, customerId, ...contactScopeWhere(actor) } }),
    outside: isDealerScoped(actor)
      ? await tx.conversation.count({ where: { customerId, contactId, dealerId: { notIn: actor.tenant.dealerIds } } })
      : 0,
  }));
  if (exists === 0) return null;
  if (outside > 0) throw new ForbiddenError(ERASE_OUTSIDE_SCOPE);

  const certificate = await CertificateRecorder.start({ customerId, kind: "DSR_ERASURE", cutoff: null });
  await deleteConversationsInBatches({
    customerId,
    batchSize: options.batchSize ?? DEFAULT_PURGE_BATCH_SIZE,
    certificate,
    filter: { contactId },
  });
  await withTenant(
    customerId,
    async (tx) => {
      const visitorSessions = await tx.visitorSession.deleteMany({ where: { customerId, contactId } });
      const vehicles = await tx.vehicle.deleteMany({ where: { customerId, contactId } });
      const identities = await tx.contactIdentity.deleteMany({ where: { customerId, contactId } });
      const contacts = await tx.contact.deleteMany({ where: { customerId, id: contactId } });
      await certificate.add(tx, {
        visitorSessions: visitorSessions.count,
        vehicles: vehicles.count,
        contactIdentities: identities.count,
        contactsDeleted: contacts.count,
      });
      await certificate.finish(tx);
      await tx.auditEvent.create({
        data: {
          customerId,
          actorUserId: actor.userId,
          action: "contact.erased",
          targetType: "Contact",
          targetId: contactId,
          data: { certificateId: certificate.id },
        },
      });
    },
    { userId: actor.userId },
  );
  return { certificateId: certificate.id, counts: certificate.totals() };
}
