import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantPrincipal } from "../principal";

/** Settings → Canned replies: the replies the actor manages (their dealers', and shared ones if unscoped) and those dealers. */
export async function listCannedRepliesForSettings(options: { actor: TTenantPrincipal }) {
  const { actor } = options;
  assertMay(actor, "canned_replies.manage");
  const scoped = actor.tenant.dealerIds.length > 0;
  return withTenant(actor.tenant.customerId, async (tx) => {
    const [replies, dealers] = await Promise.all([
      tx.cannedReply.findMany({
        where: {
          customerId: actor.tenant.customerId,
          ...(scoped ? { dealerId: { in: actor.tenant.dealerIds } } : {}),
        },
        orderBy: [{ shortcut: "asc" }],
      }),
      tx.dealer.findMany({
        where: { customerId: actor.tenant.customerId, ...(scoped ? { id: { in: actor.tenant.dealerIds } } : {}) },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      }),
    ]);
    return {
      mayShare: !scoped,
      dealers,
      replies: replies.map((r) => ({
        id: r.id,
        dealerId: r.dealerId,
        shortcut: r.shortcut,
        title: r.title,
        body: r.body,
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  });
}
