import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "./dealer-scope";
import { assertMay, type TTenantPrincipal } from "../principal";

/** Canned replies the agent may use: the customer's shared ones and those of the agent's dealers. */
export async function listCannedReplies(options: { agent: TTenantPrincipal; dealerId?: string }) {
  const { agent } = options;
  assertMay(agent, "inbox.view");
  const rows = await withTenant(agent.tenant.customerId, (tx) =>
    tx.cannedReply.findMany({ where: { customerId: agent.tenant.customerId }, orderBy: { shortcut: "asc" } }),
  );
  return rows
    .filter(
      (r) =>
        r.dealerId === null ||
        (agentMaySeeDealer(agent, r.dealerId) && (!options.dealerId || r.dealerId === options.dealerId)),
    )
    .map((r) => ({ id: r.id, dealerId: r.dealerId, shortcut: r.shortcut, title: r.title, body: r.body }));
}
