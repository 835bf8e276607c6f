import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "./dealer-scope";
import { assertMay, type TTenantActor } from "../principal";

/** Colleagues and departments the agent can assign a conversation to, for the agent's dealers. */
export async function listTeammates(options: { agent: TTenantActor }) {
  const { agent } = options;
  assertMay(agent, "inbox.view");
  return withTenant(agent.tenant.customerId, async (tx) => {
    const [memberships, dealers] = await Promise.all([
      tx.membership.findMany({
        where: { customerId: agent.tenant.customerId, status: "ACTIVE" },
        include: { user: { select: { id: true, name: true, status: true } }, dealerScope: true },
      }),
      tx.dealer.findMany({
        where: { customerId: agent.tenant.customerId },
        include: { departments: { orderBy: { name: "asc" } } },
        orderBy: { name: "asc" },
      }),
    ]);
    return {
      users: memberships
        .filter((m) => m.user.status === "ACTIVE")
        .map((m) => ({ id: m.user.id, name: m.user.name, dealerIds: m.dealerScope.map((d) => d.dealerId) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      dealers: dealers
        .filter((d) => agentMaySeeDealer(agent, d.id))
        .map((d) => ({ id: d.id, name: d.name, departments: d.departments.map((x) => ({ id: x.id, name: x.name })) })),
    };
  });
}
