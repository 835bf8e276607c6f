import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { assertMay, auditActor, type TTenantActor } from "../principal";
import { labelView, ZCreateLabel, type TCreateLabel, type TLabelView } from "./label-input";

const taken = () =>
  new InvalidInputError("There is already a label with that name.", [{ path: "name", message: "Already used." }]);

/**
 * Creates a label (the inbox's label picker does it inline). A dealer's label needs that dealer
 * in the agent's scope; a shared one (dealerId null) reaches every dealer, so only staff who work
 * for all of them may create it. Names are unique per dealer, and among the shared labels.
 */
export async function createLabel(options: { agent: TTenantActor; input: TCreateLabel }): Promise<TLabelView> {
  const { agent } = options;
  assertMay(agent, "conversations.assign");
  const input = ZCreateLabel.parse(options.input);
  const { customerId, dealerIds } = agent.tenant;
  if (input.dealerId === null && dealerIds.length > 0)
    throw new ForbiddenError("forbidden", "Only staff who work for every dealer may create shared labels.");
  if (input.dealerId && !agentMaySeeDealer(agent, input.dealerId)) throw new NotFoundError("dealer");
  try {
    return await withTenant(customerId, async (tx) => {
      if (input.dealerId) {
        const dealer = await tx.dealer.findFirst({ where: { id: input.dealerId, customerId }, select: { id: true } });
        if (!dealer) throw new NotFoundError("dealer");
      }
      // Same name (case-insensitively) among the labels this dealer sees: refused, never a lookalike.
      const clash = await tx.label.findFirst({
        where: {
          customerId,
          name: { equals: input.name, mode: "insensitive" },
          ...(input.dealerId ? { OR: [{ dealerId: null }, { dealerId: input.dealerId }] } : {}),
        },
        select: { id: true },
      });
      if (clash) throw taken();
      const label = await tx.label.create({
        data: { customerId, dealerId: input.dealerId, name: input.name, color: input.color },
      });
      const { actorUserId, keyData } = auditActor(agent);
      await tx.auditEvent.create({
        data: {
          customerId,
          actorUserId,
          action: "label.created",
          targetType: "Label",
          targetId: label.id,
          data: { name: label.name, color: label.color, dealerId: label.dealerId, ...keyData },
        },
      });
      return labelView(label);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
