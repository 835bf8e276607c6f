import type { WebhookEndpointModel as WebhookEndpoint } from "@forecourt/db";
import { getConfig } from "@forecourt/config";
import type { TWebhookEndpoint, TWebhookEventType } from "@forecourt/protocol";
import { ForbiddenError, InvalidInputError } from "../errors";
import type { Prisma, TTx } from "@forecourt/db";
import { recordAuditEvent, type TAuditEntry } from "../audit/record-audit-event";
import { assertMay, type TTenantActor } from "../principal";
import { targetProblem } from "./post-webhook";

/**
 * Webhook endpoints receive the events of every dealer of the customer, so only members without
 * a dealer scope manage them (a dealer-scoped administrator would otherwise read other dealers'
 * conversations through their own endpoint).
 */
export function assertMayManageWebhooks(actor: TTenantActor): void {
  assertMay(actor, "settings.integrations.manage");
  if (actor.tenant.dealerIds.length > 0)
    throw new ForbiddenError(
      "tenant_wide_only",
      "Webhooks carry every dealer's events: ask an administrator without a dealer scope.",
    );
}

/** The URL a webhook may be saved with (the address itself is checked again at every send). */
export function assertWebhookUrl(url: string): void {
  const problem = targetProblem(url, getConfig().WEBHOOK_ALLOW_PRIVATE_TARGETS);
  if (problem)
    throw new InvalidInputError(`This URL cannot receive webhooks: ${problem}`, [{ path: "url", message: problem }]);
}

export function toWebhookEndpoint(row: WebhookEndpoint): TWebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as TWebhookEventType[],
    enabled: row.status === "ACTIVE",
    disabledReason: row.disabledReason === "gone" || row.disabledReason === "failing" ? row.disabledReason : null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date()
        ? row.previousSecretExpiresAt.toISOString()
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An audit entry for a webhook change by a person (their id) or an API key (its id in data). */
export function auditWebhook(tx: TTx, actor: TTenantActor, entry: Omit<TAuditEntry, "customerId">) {
  const byKey = actor.kind === "api_key";
  return recordAuditEvent(tx, byKey ? null : actor, {
    ...entry,
    customerId: actor.tenant.customerId,
    data: byKey
      ? { ...((entry.data as Prisma.JsonObject | undefined) ?? {}), apiKeyId: actor.keyId, ip: actor.ip }
      : entry.data,
  });
}
