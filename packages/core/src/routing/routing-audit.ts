import type { TTx } from "@forecourt/db";
import type { TTenantPrincipal } from "../principal";

/** Every change to routing or hours is in the audit log (who changed how conversations are handled). */
export function auditRouting(tx: TTx, actor: TTenantPrincipal, action: string, targetId: string, data: object) {
  return tx.auditEvent.create({
    data: {
      customerId: actor.tenant.customerId,
      actorUserId: actor.userId,
      action,
      targetType: action.startsWith("routing_rule") ? "RoutingRule" : "Dealer",
      targetId,
      data: JSON.parse(JSON.stringify(data)),
    },
  });
}
