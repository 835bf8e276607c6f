import { withTenant } from "@forecourt/db";
import type { TWebhookEndpoint } from "@forecourt/protocol";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks, toWebhookEndpoint } from "./webhook-access";

/** The customer's endpoints, oldest first (never their secrets). */
export async function listWebhookEndpoints(options: { actor: TTenantActor }): Promise<TWebhookEndpoint[]> {
  const { actor } = options;
  assertMayManageWebhooks(actor);
  const { customerId } = actor.tenant;
  const rows = await withTenant(customerId, (tx) =>
    tx.webhookEndpoint.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } }),
  );
  return rows.map(toWebhookEndpoint);
}
