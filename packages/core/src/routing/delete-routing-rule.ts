import { withTenant } from "@forecourt/db";
import type { z } from "zod";
import { assertMay, type TTenantPrincipal } from "../principal";
import { ZRoutingRuleRef } from "./routing-rule-input";
import { auditRouting } from "./routing-audit";
import { ruleOf } from "./routing-rule-of";

/** Deletes a rule; conversations it routed keep what it decided. */
export async function deleteRoutingRule(options: { actor: TTenantPrincipal; input: z.input<typeof ZRoutingRuleRef> }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZRoutingRuleRef.parse(options.input);
  return withTenant(actor.tenant.customerId, async (tx) => {
    const rule = await ruleOf(tx, actor, input.id);
    await tx.routingRule.delete({ where: { id: rule.id } });
    await auditRouting(tx, actor, "routing_rule.deleted", rule.id, { name: rule.name, dealerId: rule.dealerId });
    return { id: rule.id };
  });
}
