import { z } from "zod";
import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";

export const ZSaveCustomer = z.object({
  name: z.string().trim().min(2).max(160),
  kind: z.enum(["OEM", "NSC", "DEALER_GROUP", "DEALER"]),
  tier: z.enum(["STANDARD", "PLUS"]),
  /** An OEM / NSC / dealer group above this customer. */
  parentId: z.uuid().nullable().default(null),
});
export type TSaveCustomer = z.input<typeof ZSaveCustomer>;

/** Which kinds may hold which (T 1.2): an OEM or NSC holds groups and dealers; a group holds dealers. */
const MAY_HOLD: Record<string, string[]> = {
  OEM: ["NSC", "DEALER_GROUP", "DEALER"],
  NSC: ["DEALER_GROUP", "DEALER"],
  DEALER_GROUP: ["DEALER"],
  DEALER: [],
};

/** Creates (no id) or edits a customer: name, kind, tier, place in the hierarchy. */
export async function saveCustomer(options: { actor: TUserPrincipal; customerId?: string; input: TSaveCustomer }) {
  const { actor } = options;
  assertProvider(actor, "provider.customers.manage");
  const input = ZSaveCustomer.parse(options.input);
  return withProviderAccess(
    { actorUserId: actor.userId, reason: options.customerId ? "edit customer" : "create customer", ip: actor.ip },
    async (tx) => {
      if (input.parentId) {
        if (input.parentId === options.customerId) throw new RuleError("parent_is_self");
        const parent = await tx.customer.findFirst({ where: { id: input.parentId } });
        if (!parent) throw new NotFoundError("parent");
        if (!MAY_HOLD[parent.kind]?.includes(input.kind)) throw new RuleError("parent_cannot_hold_kind");
      }
      if (options.customerId) {
        const before = await tx.customer.findFirst({ where: { id: options.customerId } });
        if (!before) throw new NotFoundError("customer");
        const customer = await tx.customer.update({ where: { id: before.id }, data: input });
        await recordAuditEvent(tx, actor, {
          customerId: customer.id,
          action: "customer.updated",
          targetType: "Customer",
          targetId: customer.id,
          data: {
            from: { name: before.name, kind: before.kind, tier: before.tier, parentId: before.parentId },
            to: input,
          },
        });
        return customer;
      }
      const customer = await tx.customer.create({ data: { ...input, status: "ACTIVE" } });
      await recordAuditEvent(tx, actor, {
        customerId: customer.id,
        action: "customer.created",
        targetType: "Customer",
        targetId: customer.id,
        data: input,
      });
      return customer;
    },
  );
}
