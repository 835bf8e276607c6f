import { withTenant } from "@forecourt/db";
import { ZWebhookEndpointRef, type TWebhookEndpoint } from "@forecourt/protocol";
import type { z } from "zod";
import { NotFoundError } from "../errors";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks, toWebhookEndpoint } from "./webhook-access";

export async function getWebhookEndpoint(options: {
  actor: TTenantActor;
  input: z.input<typeof ZWebhookEndpointRef>;
}): Promise<TWebhookEndpoint> {
  const { actor } = options;
  assertMayManageWebhooks(actor);
  const { endpointId } = ZWebhookEndpointRef.parse(options.input);
  const { customerId } = actor.tenant;
  const row = await withTenant(customerId, (tx) =>
    tx.webhookEndpoint.findFirst({ where: { id: endpointId, customerId } }),
  );
  if (!row) throw new NotFoundError("webhook endpoint");
  return toWebhookEndpoint(row);
}
