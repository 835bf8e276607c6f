import { withTenant } from "@forecourt/db";
import {
  ZCreateWebhookEndpoint,
  type TCreateWebhookEndpoint,
  type TWebhookEndpointWithSecret,
} from "@forecourt/protocol";
import { RuleError } from "../errors";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks, assertWebhookUrl, auditWebhook, toWebhookEndpoint } from "./webhook-access";
import { newWebhookSecret } from "./webhook-secret";

/** More than this many endpoints per customer is refused (each event fans out to every one). */
export const MAX_WEBHOOK_ENDPOINTS = 20;

/** Adds an endpoint (audited). Answers with its signing secret, once: only the sealed form is stored. */
export async function createWebhookEndpoint(options: {
  actor: TTenantActor;
  input: TCreateWebhookEndpoint;
}): Promise<TWebhookEndpointWithSecret> {
  const { actor } = options;
  assertMayManageWebhooks(actor);
  const input = ZCreateWebhookEndpoint.parse(options.input);
  assertWebhookUrl(input.url);
  const { customerId } = actor.tenant;
  const { secret, sealed } = newWebhookSecret();
  const row = await withTenant(customerId, async (tx) => {
    const count = await tx.webhookEndpoint.count({ where: { customerId } });
    if (count >= MAX_WEBHOOK_ENDPOINTS)
      throw new RuleError(
        "too_many_endpoints",
        `A customer can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints.`,
      );
    const created = await tx.webhookEndpoint.create({
      data: {
        customerId,
        url: input.url,
        description: input.description || null,
        events: [...new Set(input.events)],
        secretEncrypted: sealed,
      },
    });
    await auditWebhook(tx, actor, {
      action: "webhook_endpoint.created",
      targetType: "WebhookEndpoint",
      targetId: created.id,
      data: { url: created.url, events: created.events },
    });
    return created;
  });
  return { endpoint: toWebhookEndpoint(row), secret };
}
