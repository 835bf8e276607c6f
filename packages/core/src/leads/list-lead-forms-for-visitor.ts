import { withTenant } from "@forecourt/db";
import type { TVisitorPrincipal } from "../principal";

/** The widget's form menu during a chat: the active forms of the visitor's dealer (kind and name only). */
export async function listLeadFormsForVisitor(options: { visitor: TVisitorPrincipal }) {
  const { visitor } = options;
  return withTenant(visitor.customerId, async (tx) => ({
    forms: await tx.leadForm.findMany({
      where: { customerId: visitor.customerId, dealerId: visitor.dealerId, active: true },
      orderBy: { kind: "asc" },
      select: { id: true, kind: true, name: true },
    }),
  }));
}
