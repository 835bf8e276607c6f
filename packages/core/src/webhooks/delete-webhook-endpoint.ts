import { withTenant } from "@forecourt/db";
import { ZWebhookEndpointRef } from "@forecourt/protocol";
import type { z } from "zod";
import { NotFoundError } from "../errors";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks, auditWebhook } from "./webhook-access";

/** Deletes an endpoint and its delivery log (audited); its queued jobs then find nothing and send nothing. */
export async function deleteWebhookEndpoint(options: {
  actor: TTenantActor;
  input: z.input<typeof ZWebhookEndpointRef>;
}): Promise<{ ok: true }> {
  const { actor } = options;
  assertMayManageWebhooks(actor);
  const { endpointId } = ZWebhookEndpointRef.parse(options.input);
  const { customerId } = actor.tenant;
  await withTenant(customerId, async (tx) => {
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, customerId } });
    if (deleted.count === 0) throw new NotFoundError("webhook endpoint");
    await auditWebhook(tx, actor, {
      action: "webhook_endpoint.deleted",
      targetType: "WebhookEndpoint",
      targetId: endpointId,
    });
  });
  return { ok: true };
}
