import { withTenant } from "@forecourt/db";
import type { z } from "zod";
import { assertMay, type TTenantPrincipal } from "../principal";
import { ZToggleRoutingRule } from "./routing-rule-input";
import { auditRouting } from "./routing-audit";
import { ruleOf } from "./routing-rule-of";

/** Switches a rule on or off. */
export async function toggleRoutingRule(options: {
  actor: TTenantPrincipal;
  input: z.input<typeof ZToggleRoutingRule>;
}) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZToggleRoutingRule.parse(options.input);
  return withTenant(actor.tenant.customerId, async (tx) => {
    const rule = await ruleOf(tx, actor, input.id);
    await tx.routingRule.update({ where: { id: rule.id }, data: { enabled: input.enabled } });
    await auditRouting(tx, actor, input.enabled ? "routing_rule.enabled" : "routing_rule.disabled", rule.id, {});
    return { id: rule.id };
  });
}
