import { withTenant } from "@forecourt/db";
import { ZUpdateWebhookEndpoint, type TUpdateWebhookEndpoint, type TWebhookEndpoint } from "@forecourt/protocol";
import { NotFoundError } from "../errors";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks, assertWebhookUrl, auditWebhook, toWebhookEndpoint } from "./webhook-access";

/**
 * Changes an endpoint's URL, description, events, or turns it on or off (audited). Turning it
 * on clears why the platform turned it off; a disabled endpoint receives nothing (no deliveries
 * are fanned out to it, and queued ones are skipped).
 */
export async function updateWebhookEndpoint(options: {
  actor: TTenantActor;
  input: TUpdateWebhookEndpoint;
}): Promise<TWebhookEndpoint> {
  const { actor } = options;
  assertMayManageWebhooks(actor);
  const input = ZUpdateWebhookEndpoint.parse(options.input);
  if (input.url !== undefined) assertWebhookUrl(input.url);
  const { customerId } = actor.tenant;
  const row = await withTenant(customerId, async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, customerId } });
    if (!current) throw new NotFoundError("webhook endpoint");
    const enabling = input.enabled === true && current.status !== "ACTIVE";
    const disabling = input.enabled === false && current.status === "ACTIVE";
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
        ...(enabling ? { status: "ACTIVE", disabledReason: null, disabledAt: null } : {}),
        ...(disabling ? { status: "DISABLED", disabledReason: null, disabledAt: new Date() } : {}),
      },
    });
    await auditWebhook(tx, actor, {
      action: "webhook_endpoint.updated",
      targetType: "WebhookEndpoint",
      targetId: current.id,
      data: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.events !== undefined ? { events: updated.events } : {}),
        ...(enabling || disabling ? { enabled: enabling } : {}),
      },
    });
    return updated;
  });
  return toWebhookEndpoint(row);
}
