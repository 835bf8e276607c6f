import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError, RuleError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { enqueueLeadRedelivery } from "./enqueue-lead-deliveries";
import { ZRetryLeadDelivery } from "./lead-form-input";

/** Settings → Lead forms: a failed delivery goes out again (back to PENDING, attempts kept, a new job). */
export async function retryLeadDelivery(options: { actor: TTenantPrincipal; input: { deliveryId: string } }) {
  const { actor } = options;
  assertMay(actor, "settings.lead_forms.manage");
  const input = ZRetryLeadDelivery.parse(options.input);
  const { customerId } = actor.tenant;
  await withTenant(customerId, async (tx) => {
    const row = await tx.leadDelivery.findFirst({
      where: { id: input.deliveryId, customerId },
      select: { status: true, lead: { select: { dealerId: true } } },
    });
    if (!row || !agentMaySeeDealer(actor, row.lead.dealerId)) throw new NotFoundError("delivery");
    if (row.status !== "FAILED") throw new RuleError("not_failed", "Only a failed delivery can be sent again.");
    await tx.leadDelivery.update({ where: { id: input.deliveryId }, data: { status: "PENDING" } });
  });
  await enqueueLeadRedelivery(customerId, input.deliveryId);
  return { id: input.deliveryId, status: "PENDING" as const };
}
