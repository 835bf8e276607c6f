import type { TTx } from "@forecourt/db";
import { ForbiddenError, NotFoundError } from "../errors";
import type { TTenantPrincipal } from "../principal";
import { agentMaySeeDealer } from "../chat/dealer-scope";

/**
 * Who may manage which canned replies: a supervisor of some dealers manages those dealers'
 * replies; the shared ones (every dealer) only someone who works for every dealer.
 */
export function assertMayManageDealer(actor: TTenantPrincipal, dealerId: string | null): void {
  if (dealerId === null ? actor.tenant.dealerIds.length > 0 : !agentMaySeeDealer(actor, dealerId))
    throw new ForbiddenError(
      "forbidden",
      dealerId === null
        ? "Only an administrator of every dealer manages replies shared by all dealers."
        : "You do not manage this dealer's replies.",
    );
}

/** The dealer must be the customer's (RLS hides another tenant's; a guessed id is not found). */
export async function assertDealerExists(tx: TTx, dealerId: string | null): Promise<void> {
  if (dealerId && !(await tx.dealer.findUnique({ where: { id: dealerId }, select: { id: true } })))
    throw new NotFoundError("dealer");
}
