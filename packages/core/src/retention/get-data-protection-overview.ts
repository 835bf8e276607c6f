import { appDb, withTenant } from "@forecourt/db";
import { assertMay, principalMay, type TTenantPrincipal } from "../principal";
import { RETENTION_MONTHS_DEFAULT, retentionCutoff } from "./cutoff";

export type TCertificateSummary = {
  id: string;
  kind: string;
  cutoff: Date | null;
  counts: Record<string, number | string>;
  startedAt: Date;
  finishedAt: Date;
};

/** Settings → Data protection: the period, its history of instructions, and the certificates. */
export async function getDataProtectionOverview(options: { actor: TTenantPrincipal; now: Date }) {
  const { actor } = options;
  assertMay(actor, "settings.data_protection.manage");
  const showCertificates = principalMay(actor, "deletion_certificates.view");
  const data = await withTenant(actor.tenant.customerId, async (tx) => {
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: actor.tenant.customerId },
      select: { retentionMonths: true },
    });
    const instructions = await tx.processingInstruction.findMany({
      where: { customerId: actor.tenant.customerId },
      orderBy: { createdAt: "desc" },
      take: 100,
    });
    const certificates = showCertificates
      ? await tx.deletionCertificate.findMany({
          where: { customerId: actor.tenant.customerId },
          orderBy: { startedAt: "desc" },
          take: 100,
        })
      : [];
    return { customer, instructions, certificates };
  });
  // User is global (no tenant column): names of who gave each instruction.
  const userIds = [...new Set(data.instructions.map((i) => i.createdById).filter((id): id is string => !!id))];
  const users = userIds.length
    ? await appDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    retentionMonths: data.customer.retentionMonths,
    defaultMonths: RETENTION_MONTHS_DEFAULT,
    currentCutoff: retentionCutoff(options.now, data.customer.retentionMonths),
    instructions: data.instructions.map((i) => ({
      id: i.id,
      kind: i.kind,
      oldValue: i.oldValue,
      newValue: i.newValue,
      createdAt: i.createdAt,
      createdBy: i.createdById ? (byId.get(i.createdById) ?? null) : null,
    })),
    certificates: data.certificates.map((c): TCertificateSummary => ({
      id: c.id,
      kind: c.kind,
      cutoff: c.cutoff,
      counts: (c.counts ?? {}) as Record<string, number | string>,
      startedAt: c.startedAt,
      finishedAt: c.finishedAt,
    })),
  };
}
