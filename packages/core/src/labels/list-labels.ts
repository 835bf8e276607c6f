import type { z } from "zod";
import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import { assertMay, type TTenantActor } from "../principal";
import { labelView, ZListLabels, type TLabelView } from "./label-input";

/**
 * The labels an agent may see and use: the customer's shared labels and those of the dealers in
 * the agent's scope (with `dealerId`: that dealer's and the shared ones), by name.
 */
export async function listLabels(options: {
  agent: TTenantActor;
  input?: z.input<typeof ZListLabels>;
}): Promise<TLabelView[]> {
  const { agent } = options;
  assertMay(agent, "inbox.view");
  const input = ZListLabels.parse(options.input ?? {});
  if (input.dealerId && !agentMaySeeDealer(agent, input.dealerId)) throw new NotFoundError("dealer");
  const { customerId, dealerIds } = agent.tenant;
  const dealers = input.dealerId ? [input.dealerId] : dealerIds;
  return withTenant(customerId, async (tx) => {
    if (input.dealerId) {
      const dealer = await tx.dealer.findFirst({ where: { id: input.dealerId, customerId }, select: { id: true } });
      if (!dealer) throw new NotFoundError("dealer");
    }
    const rows = await tx.label.findMany({
      where: {
        customerId,
        ...(dealers.length > 0 ? { OR: [{ dealerId: null }, { dealerId: { in: dealers } }] } : {}),
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return rows.map(labelView);
  });
}
