import { withTenant } from "@forecourt/db";
import { ZRedeliverWebhook } from "@forecourt/protocol";
import type { z } from "zod";
import { NotFoundError, RuleError } from "../errors";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks, auditWebhook } from "./webhook-access";
import { enqueueWebhookRedelivery } from "./enqueue-webhook-delivery";

/**
 * "Redeliver": the delivery goes out again with the same webhook-id (receivers deduplicate on
 * it), a fresh payload built from the database and a fresh round of retries. Refused while the
 * endpoint is disabled or the delivery is still being tried.
 */
export async function redeliverWebhook(options: {
  actor: TTenantActor;
  input: z.input<typeof ZRedeliverWebhook>;
}): Promise<{ ok: true }> {
  const { actor } = options;
  assertMayManageWebhooks(actor);
  const { deliveryId } = ZRedeliverWebhook.parse(options.input);
  const { customerId } = actor.tenant;
  const previous = await withTenant(customerId, async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, customerId },
      include: { endpoint: { select: { status: true } } },
    });
    if (!delivery) throw new NotFoundError("webhook delivery");
    if (delivery.endpoint.status !== "ACTIVE")
      throw new RuleError("endpoint_disabled", "Enable the endpoint before redelivering.");
    if (delivery.status === "PENDING") throw new RuleError("delivery_pending", "This delivery is still being tried.");
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "PENDING" } });
    await auditWebhook(tx, actor, {
      action: "webhook_delivery.redelivered",
      targetType: "WebhookDelivery",
      targetId: delivery.id,
    });
    return delivery.status;
  });
  const queued = await enqueueWebhookRedelivery({ customerId, deliveryId }).catch((error: unknown) => {
    console.error(`[webhooks] could not enqueue redelivery ${deliveryId}; the sweep will: ${String(error)}`);
    return "queued" as const;
  });
  if (queued === "busy") {
    await withTenant(customerId, (tx) =>
      tx.webhookDelivery.updateMany({ where: { id: deliveryId, status: "PENDING" }, data: { status: previous } }),
    );
    throw new RuleError("delivery_pending", "This delivery is still being tried.");
  }
  return { ok: true };
}
