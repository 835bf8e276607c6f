import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantPrincipal } from "../principal";
import { contactScopeWhere, isDealerScoped } from "./contact-scope";

/**
 * T 7.1/7.2: the customer must be able to show, on request, the legal basis it recorded for
 * each consumer. This is that register for the whole tenant, machine-readable. Audited.
 * A dealer-scoped member gets the register of their dealers' contacts only (contact-scope.ts).
 */
export async function exportLegalBasisRegister(options: { actor: TTenantPrincipal; now: Date }) {
  const { actor } = options;
  assertMay(actor, "contacts.export");
  return withTenant(
    actor.tenant.customerId,
    async (tx) => {
      const contacts = await tx.contact.findMany({
        where: { customerId: actor.tenant.customerId, ...contactScopeWhere(actor) },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          legalBasis: true,
          legalBasisNote: true,
          legalBasisRecordedAt: true,
          createdAt: true,
        },
      });
      await tx.auditEvent.create({
        data: {
          customerId: actor.tenant.customerId,
          actorUserId: actor.userId,
          action: "contact.legal_basis_exported",
          data: { contacts: contacts.length, dealerScoped: isDealerScoped(actor) },
        },
      });
      return {
        format: "forecourt.legal-basis-register/v1",
        exportedAt: options.now.toISOString(),
        scope: isDealerScoped(actor) ? ("dealers" as const) : ("tenant" as const),
        contacts: contacts.map((c) => ({
          id: c.id,
          name: c.name,
          email: c.email,
          phone: c.phone,
          legalBasis: c.legalBasis,
          note: c.legalBasisNote,
          recordedAt: c.legalBasisRecordedAt?.toISOString() ?? null,
          contactSince: c.createdAt.toISOString(),
        })),
      };
    },
    { userId: actor.userId },
  );
}
