import { z } from "zod";
import { ZTimeZone } from "@forecourt/protocol";
import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";

export const ZSaveDealer = z.object({
  name: z.string().trim().min(2).max(160),
  city: z.string().trim().max(120).nullable().default(null),
  timeZone: ZTimeZone.default("Europe/Amsterdam"),
});

/** Adds (no dealerId) or edits a dealer (rooftop) of a customer. */
export async function saveDealer(options: {
  actor: TUserPrincipal;
  customerId: string;
  dealerId?: string;
  input: z.input<typeof ZSaveDealer>;
}) {
  const { actor, customerId } = options;
  assertProvider(actor, "provider.customers.manage");
  const input = ZSaveDealer.parse(options.input);
  return withProviderAccess({ actorUserId: actor.userId, reason: "save dealer", ip: actor.ip }, async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: customerId } });
    if (!customer) throw new NotFoundError("customer");
    const clash = await tx.dealer.findFirst({
      where: { customerId, name: input.name, ...(options.dealerId ? { id: { not: options.dealerId } } : {}) },
    });
    if (clash) throw new RuleError("dealer_name_taken");
    if (options.dealerId) {
      const existing = await tx.dealer.findFirst({ where: { id: options.dealerId, customerId } });
      if (!existing) throw new NotFoundError("dealer");
      const dealer = await tx.dealer.update({ where: { id: existing.id }, data: input });
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "dealer.updated",
        targetType: "Dealer",
        targetId: dealer.id,
        data: input,
      });
      return dealer;
    }
    const dealer = await tx.dealer.create({ data: { ...input, customerId } });
    await recordAuditEvent(tx, actor, {
      customerId,
      action: "dealer.created",
      targetType: "Dealer",
      targetId: dealer.id,
      data: input,
    });
    return dealer;
  });
}
