import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import { NotFoundError } from "../errors";

/** One customer in the provider console: details, children, dealers with departments, order forms. */
export async function getCustomer(options: { actor: TUserPrincipal; customerId: string }) {
  assertProvider(options.actor, "provider.console");
  const { customerId } = options;
  return withProviderAccess(
    { actorUserId: options.actor.userId, reason: "provider console: open customer", ip: options.actor.ip },
    async (tx) => {
      const customer = await tx.customer.findFirst({
        where: { id: customerId },
        include: {
          parent: { select: { id: true, name: true } },
          children: { select: { id: true, name: true, kind: true, status: true }, orderBy: { name: "asc" } },
          dealers: {
            orderBy: { name: "asc" },
            include: { departments: { orderBy: { name: "asc" } } },
          },
        },
      });
      if (!customer) throw new NotFoundError("customer");
      const subscriptions = await tx.subscription.findMany({
        where: { customerId },
        orderBy: { createdAt: "desc" },
      });
      return {
        ...customer,
        subscriptions: subscriptions.map((s) => ({
          ...s,
          setupFee: s.setupFee.toFixed(2),
          serviceFees: s.serviceFees.toFixed(2),
          monthlyFee: s.monthlyFee.toFixed(2),
        })),
      };
    },
  );
}
