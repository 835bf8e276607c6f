import type { TTx } from "@forecourt/db";
import type { TWebhookEventType } from "@forecourt/protocol";

/** The Postgres channel the worker LISTENs on to fan out new events at once (docs/webhooks.md). */
export const WEBHOOK_NOTIFY_CHANNEL = "forecourt_webhook_events";

export type TWebhookEventRecord = {
  type: TWebhookEventType;
  conversationId?: string | null;
  messageId?: string | null;
  contactId?: string | null;
};

/**
 * The outbox (DESIGN.md "Outbound deliveries"): records events in the caller's transaction, so an
 * event exists exactly when its change committed. Ids only, never the payload (built when sent).
 * One statement, and nothing is written unless an active endpoint of the tenant subscribes to
 * the type, so tenants without webhooks pay one indexed lookup. NOTIFY is transactional: the
 * worker hears of the event only after commit (and a sweep catches what it missed).
 */
export async function recordWebhookEvents(tx: TTx, customerId: string, events: TWebhookEventRecord[]): Promise<void> {
  if (events.length === 0) return;
  const types = events.map((e) => e.type);
  const conversations = events.map((e) => e.conversationId ?? null);
  const messages = events.map((e) => e.messageId ?? null);
  const contacts = events.map((e) => e.contactId ?? null);
  await tx.$queryRaw`
    WITH wanted AS (
      SELECT DISTINCT unnest(e."events") AS "type" FROM "WebhookEndpoint" e
       WHERE e."customerId" = ${customerId}::uuid AND e."status" = 'ACTIVE'
    ), ins AS (
      INSERT INTO "WebhookEvent" ("id", "customerId", "type", "conversationId", "messageId", "contactId")
      SELECT gen_random_uuid(), ${customerId}::uuid, x."type", x."conversationId", x."messageId", x."contactId"
        FROM unnest(${types}::text[], ${conversations}::uuid[], ${messages}::uuid[], ${contacts}::uuid[])
             AS x("type", "conversationId", "messageId", "contactId")
       WHERE x."type" IN (SELECT "type" FROM wanted)
      RETURNING 1
    )
    SELECT pg_notify(${WEBHOOK_NOTIFY_CHANNEL}, ${customerId})::text AS "notified" FROM (SELECT 1 FROM ins LIMIT 1) AS any_row`;
}

/** One event (the common case). */
export function recordWebhookEvent(tx: TTx, customerId: string, event: TWebhookEventRecord): Promise<void> {
  return recordWebhookEvents(tx, customerId, [event]);
}
