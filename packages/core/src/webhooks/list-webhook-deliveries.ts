import { withTenant } from "@forecourt/db";
import { ZListWebhookDeliveries, type TWebhookDelivery, type TWebhookEventType } from "@forecourt/protocol";
import type { z } from "zod";
import { NotFoundError } from "../errors";
import type { TTenantActor } from "../principal";
import { assertMayManageWebhooks } from "./webhook-access";

/** An endpoint's delivery log, newest first, a page at a time (cursor: the last id of the previous page). */
export async function listWebhookDeliveries(options: {
  actor: TTenantActor;
  input: z.input<typeof ZListWebhookDeliveries>;
}): Promise<{ deliveries: TWebhookDelivery[]; nextCursor: string | null }> {
  const { actor } = options;
  assertMayManageWebhooks(actor);
  const input = ZListWebhookDeliveries.parse(options.input);
  const { customerId } = actor.tenant;
  const rows = await withTenant(customerId, async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: input.endpointId, customerId },
      select: { id: true },
    });
    if (!endpoint) throw new NotFoundError("webhook endpoint");
    return tx.webhookDelivery.findMany({
      where: { customerId, endpointId: endpoint.id },
      include: { event: { select: { type: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    });
  });
  const page = rows.slice(0, input.limit);
  return {
    deliveries: page.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.event.type as TWebhookEventType,
      status: d.status,
      attempts: d.attempts,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      responseStatus: d.responseStatus,
      durationMs: d.durationMs,
      responseExcerpt: d.responseExcerpt,
      createdAt: d.createdAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
