import { withTenant } from "@forecourt/db";
import type { z } from "zod";
import { assertMay, type TTenantPrincipal } from "../principal";
import { ZMoveRoutingRule } from "./routing-rule-input";
import { auditRouting } from "./routing-audit";
import { ruleOf } from "./routing-rule-of";

/** Moves a rule one place up or down in its dealer's order (renumbering the dealer's rules 1…n). */
export async function moveRoutingRule(options: { actor: TTenantPrincipal; input: z.input<typeof ZMoveRoutingRule> }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZMoveRoutingRule.parse(options.input);
  return withTenant(actor.tenant.customerId, async (tx) => {
    const rule = await ruleOf(tx, actor, input.id);
    const rules = await tx.routingRule.findMany({
      where: { dealerId: rule.dealerId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const ids = rules.map((r) => r.id);
    const from = ids.indexOf(rule.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return { moved: false };
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    for (const [i, id] of ids.entries()) await tx.routingRule.update({ where: { id }, data: { position: i + 1 } });
    await auditRouting(tx, actor, "routing_rule.moved", rule.id, { direction: input.direction, position: to + 1 });
    return { moved: true };
  });
}
