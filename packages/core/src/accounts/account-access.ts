import { withUser } from "@forecourt/db";

/**
 * Whether a customer user may sign in at all: a user whose every membership belongs to a
 * suspended customer (non-payment, T 4.3) is refused, and nothing is deleted. Provider staff
 * and users with at least one usable tenant pass.
 */
export async function customerSuspensionBlocks(user: { id: string; providerRole: string | null }): Promise<boolean> {
  if (user.providerRole) return false;
  const memberships = await withUser(user.id, (tx) =>
    tx.membership.findMany({
      where: { userId: user.id, status: "ACTIVE" },
      select: { customer: { select: { status: true } } },
    }),
  );
  if (memberships.length === 0) return false;
  return memberships.every((m) => m.customer.status === "SUSPENDED");
}
