import { withTenant } from "@forecourt/db";
import { ZRotateWebhookSecret, type TWebhookEndpointWithSecret } from "@forecourt/protocol";
import type { z } from "zod";
import { NotFoundError } from "../errors";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks, auditWebhook, toWebhookEndpoint } from "./webhook-access";
import { newWebhookSecret } from "./webhook-secret";

/**
 * A new signing secret, shown once (audited). The old one keeps signing next to it for
 * `overlapHours` (default 24; Standard Webhooks allows several signatures in one header), so a
 * receiver can deploy the new secret without a delivery failing verification in between.
 */
export async function rotateWebhookSecret(options: {
  actor: TTenantActor;
  input: z.input<typeof ZRotateWebhookSecret>;
  now?: Date;
}): Promise<TWebhookEndpointWithSecret> {
  const { actor, now = new Date() } = options;
  assertMayManageWebhooks(actor);
  const input = ZRotateWebhookSecret.parse(options.input);
  const { customerId } = actor.tenant;
  const { secret, sealed } = newWebhookSecret();
  const row = await withTenant(customerId, async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id: input.endpointId, customerId } });
    if (!current) throw new NotFoundError("webhook endpoint");
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        secretEncrypted: sealed,
        previousSecretEncrypted: input.overlapHours > 0 ? current.secretEncrypted : null,
        previousSecretExpiresAt:
          input.overlapHours > 0 ? new Date(now.getTime() + input.overlapHours * 3_600_000) : null,
      },
    });
    await auditWebhook(tx, actor, {
      action: "webhook_endpoint.secret_rotated",
      targetType: "WebhookEndpoint",
      targetId: current.id,
      data: { overlapHours: input.overlapHours },
    });
    return updated;
  });
  return { endpoint: toWebhookEndpoint(row), secret };
}
