import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import type { TCertificateSummary } from "./get-data-protection-overview";

/**
 * Provider console → Deletions: every tenant's certificates, newest first, with the customer's
 * name and status (the Customer row survives deletion as the provider's record). Audited.
 */
export async function listDeletionCertificates(options: { actor: TUserPrincipal; kind?: string; take?: number }) {
  assertProvider(options.actor, "provider.console");
  assertProvider(options.actor, "deletion_certificates.view");
  return withProviderAccess(
    { actorUserId: options.actor.userId, reason: "provider console: deletion certificates", ip: options.actor.ip },
    async (tx) => {
      const certificates = await tx.deletionCertificate.findMany({
        where: options.kind ? { kind: options.kind } : {},
        orderBy: { startedAt: "desc" },
        take: options.take ?? 200,
      });
      const customers = await tx.customer.findMany({
        where: { id: { in: [...new Set(certificates.map((c) => c.customerId))] } },
        select: { id: true, name: true, status: true, deletedAt: true },
      });
      const byId = new Map(customers.map((c) => [c.id, c]));
      return certificates.map((c) => ({
        ...({
          id: c.id,
          kind: c.kind,
          cutoff: c.cutoff,
          counts: (c.counts ?? {}) as Record<string, number | string>,
          startedAt: c.startedAt,
          finishedAt: c.finishedAt,
        } satisfies TCertificateSummary),
        customerId: c.customerId,
        customer: byId.get(c.customerId) ?? null,
      }));
    },
  );
}
