import type { Prisma, TTx } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTenantPrincipal } from "../principal";

/** What an audited routing action names: a rule, a bot, or (hours) the dealer itself. */
const targetTypeOf = (action: string) =>
  action.startsWith("routing_rule.") ? "RoutingRule" : action.startsWith("bot.") ? "Bot" : "Dealer";

/** Every change to routing, bots or hours is in the audit log (who changed how conversations are handled). */
export function auditRouting(tx: TTx, actor: TTenantPrincipal, action: string, targetId: string, data: object) {
  return recordAuditEvent(tx, actor, {
    customerId: actor.tenant.customerId,
    action,
    targetType: targetTypeOf(action),
    targetId,
    data: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue,
  });
}
