import { withTenant } from "@forecourt/db";
import { parseBusinessHours, parseHolidays } from "../chat/business-hours";
import { assertMay, type TTenantPrincipal } from "../principal";
import { parseRules } from "./evaluate-routing-rules";

/**
 * Settings → Routing: per dealer the actor manages, its bots, its rules in order (unreadable ones are
 * listed as such so they can be deleted), its hours, holidays, zone and away message, its
 * departments (with their own hours) and labels, and its teammates for the rule editor.
 */
export async function listRoutingSettings(options: { actor: TTenantPrincipal }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const { customerId, dealerIds } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    const dealers = await tx.dealer.findMany({
      where: { customerId, ...(dealerIds.length > 0 ? { id: { in: dealerIds } } : {}) },
      orderBy: { name: "asc" },
      include: {
        departments: { orderBy: { name: "asc" }, select: { id: true, name: true, businessHours: true } },
        routingRules: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
        bots: {
          orderBy: { name: "asc" },
          select: {
            id: true,
            name: true,
            kind: true,
            enabled: true,
            config: true,
            _count: { select: { conversations: true } },
          },
        },
      },
    });
    const labels = await tx.label.findMany({
      where: { customerId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, color: true, dealerId: true },
    });
    return {
      dealers: dealers.map((d) => {
        const parsed = new Map(parseRules(d.routingRules).map((r) => [r.id, r]));
        return {
          id: d.id,
          name: d.name,
          timeZone: d.timeZone,
          businessHours: parseBusinessHours(d.businessHours),
          holidays: parseHolidays(d.holidays),
          awayMessage: d.awayMessage,
          departments: d.departments.map((dep) => ({
            id: dep.id,
            name: dep.name,
            businessHours: dep.businessHours === null ? null : parseBusinessHours(dep.businessHours),
          })),
          labels: labels.filter((l) => l.dealerId === null || l.dealerId === d.id),
          // Config holds answers and a URL, never the secret (only its encrypted form is stored, and not read here).
          bots: d.bots.map((b) => ({
            id: b.id,
            name: b.name,
            kind: b.kind,
            enabled: b.enabled,
            config: b.config,
            activeConversations: b._count.conversations,
          })),
          rules: d.routingRules.map((r) => ({
            id: r.id,
            name: r.name,
            enabled: r.enabled,
            readable: parsed.has(r.id),
            conditions: parsed.get(r.id)?.conditions ?? {},
            actions: parsed.get(r.id)?.actions ?? {},
          })),
        };
      }),
    };
  });
}
