import { withTenant } from "@forecourt/db";
import { ZLeadFormFields } from "@forecourt/protocol";
import { assertMay, type TTenantPrincipal } from "../principal";

/** How many deliveries the log shows per dealer (newest first). */
export const LEAD_DELIVERY_LOG_SIZE = 50;

/**
 * Settings → Lead forms: the dealers the actor manages, each with its forms (on or off), where
 * its leads go (CRM e-mail, CRM URL, whether a signing secret is set; never the secret) and the
 * delivery log (per lead and target: status, attempts, last error, times).
 */
export async function listLeadFormsForSettings(options: { actor: TTenantPrincipal }) {
  const { actor } = options;
  assertMay(actor, "settings.lead_forms.manage");
  const { customerId, dealerIds } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    const dealers = await tx.dealer.findMany({
      where: { customerId, ...(dealerIds.length > 0 ? { id: { in: dealerIds } } : {}) },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        city: true,
        leadForms: { orderBy: { kind: "asc" } },
        leadExportTarget: { select: { crmEmail: true, crmUrl: true, secretEncrypted: true } },
      },
    });
    // One after the other: a transaction runs one statement at a time.
    const logOf = (dealerId: string) =>
      tx.leadDelivery.findMany({
        where: { customerId, lead: { dealerId } },
        orderBy: { createdAt: "desc" },
        take: LEAD_DELIVERY_LOG_SIZE,
        include: { lead: { select: { id: true, kind: true, createdAt: true } } },
      });
    const deliveries: Awaited<ReturnType<typeof logOf>>[] = [];
    for (const d of dealers) deliveries.push(await logOf(d.id));
    return {
      dealers: dealers.map((d, i) => ({
        id: d.id,
        name: d.name,
        city: d.city,
        forms: d.leadForms.map((f) => ({
          id: f.id,
          kind: f.kind,
          name: f.name,
          active: f.active,
          fields: ZLeadFormFields.parse(f.fields).map((field) => ({
            key: field.key,
            label: field.label,
            type: field.type,
            required: field.required,
          })),
        })),
        target: {
          crmEmail: d.leadExportTarget?.crmEmail ?? null,
          crmUrl: d.leadExportTarget?.crmUrl ?? null,
          hasSecret: Boolean(d.leadExportTarget?.secretEncrypted),
        },
        deliveries: deliveries[i]!.map((r) => ({
          id: r.id,
          leadId: r.lead.id,
          kind: r.lead.kind,
          target: r.target,
          destination: r.destination,
          status: r.status,
          attempts: r.attempts,
          lastError: r.lastError,
          lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
          deliveredAt: r.deliveredAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
      })),
    };
  });
}
