import type { TTx } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import type { TTenantPrincipal } from "../principal";

/**
 * A rule of one of the actor's dealers, with that dealer's row locked, so changes to its rules'
 * order are serialised (two moves at once cannot swap into the same place).
 */
export async function ruleOf(tx: TTx, actor: TTenantPrincipal, id: string) {
  const rule = await tx.routingRule.findUnique({ where: { id } });
  if (!rule || !agentMaySeeDealer(actor, rule.dealerId)) throw new NotFoundError("routing rule");
  await tx.$executeRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${rule.dealerId}::uuid FOR UPDATE`;
  return rule;
}
