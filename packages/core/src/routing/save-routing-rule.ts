import { withTenant, type TTx } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { InvalidInputError, NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { auditRouting } from "./routing-audit";
import { ZSaveRoutingRule, type TSaveRoutingRule } from "./routing-rule-input";

/** Departments and labels a rule names must be the dealer's own (or, for labels, the customer's shared ones). */
async function checkReferences(
  tx: TTx,
  customerId: string,
  dealerId: string,
  input: ReturnType<typeof ZSaveRoutingRule.parse>,
) {
  const departmentIds = [
    ...(input.conditions.departmentIds ?? []),
    ...(input.actions.departmentId ? [input.actions.departmentId] : []),
  ];
  if (departmentIds.length > 0) {
    const found = await tx.department.count({ where: { id: { in: departmentIds }, dealerId } });
    if (found !== new Set(departmentIds).size)
      throw new InvalidInputError("That department is not one of this dealer's.", [
        { path: "actions.departmentId", message: "Not a department of this dealer." },
      ]);
  }
  if (input.actions.botId) {
    const bot = await tx.bot.findFirst({ where: { id: input.actions.botId, dealerId } });
    if (!bot)
      throw new InvalidInputError("That bot is not one of this dealer's.", [
        { path: "actions.botId", message: "Not a bot of this dealer." },
      ]);
  }
  if (input.actions.labelId) {
    const label = await tx.label.findFirst({
      where: { id: input.actions.labelId, customerId, OR: [{ dealerId: null }, { dealerId }] },
    });
    if (!label)
      throw new InvalidInputError("That label is not available at this dealer.", [
        { path: "actions.labelId", message: "Not a label of this dealer." },
      ]);
  }
}

/** Creates a rule (last in the dealer's order) or changes one; audited. */
export async function saveRoutingRule(options: { actor: TTenantPrincipal; input: TSaveRoutingRule }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZSaveRoutingRule.parse(options.input);
  if (!agentMaySeeDealer(actor, input.dealerId)) throw new NotFoundError("dealer");
  const { customerId } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    const dealer = await tx.dealer.findUnique({ where: { id: input.dealerId }, select: { id: true } });
    if (!dealer) throw new NotFoundError("dealer");
    await checkReferences(tx, customerId, dealer.id, input);
    const fields = { name: input.name, enabled: input.enabled, conditions: input.conditions, actions: input.actions };
    let id = input.id;
    if (id) {
      const existing = await tx.routingRule.findUnique({ where: { id } });
      if (!existing || existing.dealerId !== dealer.id) throw new NotFoundError("routing rule");
      await tx.routingRule.update({ where: { id }, data: fields });
    } else {
      // Serialise positions per dealer: two rules added at once do not share a place.
      await tx.$executeRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${dealer.id}::uuid FOR UPDATE`;
      const last = await tx.routingRule.aggregate({ where: { dealerId: dealer.id }, _max: { position: true } });
      id = (
        await tx.routingRule.create({
          data: { customerId, dealerId: dealer.id, position: (last._max.position ?? 0) + 1, ...fields },
          select: { id: true },
        })
      ).id;
    }
    await auditRouting(tx, actor, input.id ? "routing_rule.updated" : "routing_rule.created", id, {
      dealerId: dealer.id,
      ...fields,
    });
    return { id };
  });
}
