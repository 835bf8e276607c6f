import { withSystemAccess } from "@forecourt/db";
import { queue } from "@forecourt/jobs";
import { deliverWebhookJob, webhookJobId } from "@forecourt/jobs/webhook-jobs";
import { enqueueWebhookDeliveries, type TDeliveryRef } from "./enqueue-webhook-delivery";

/** Events older than this are not fanned out any more (the worker was down that long). */
const GIVE_UP_AFTER = "3 days";
const BATCH = 1000;
/** A PENDING delivery untouched this long without a job is assumed lost and enqueued again. */
const STALE_AFTER_MS = 60_000;

/**
 * Fans the outbox out (docs/webhooks.md): every undispatched event becomes one PENDING
 * WebhookDelivery per ACTIVE endpoint of the same tenant subscribed to its type, in one
 * statement that also marks the events dispatched (FOR UPDATE SKIP LOCKED: two workers never
 * fan out one event twice, and the unique (endpoint, event) pair backs that). After commit, one
 * job per delivery. A platform job across tenants; it reads and writes ids only.
 */
export async function dispatchWebhookEvents(): Promise<{ events: number; deliveries: number }> {
  let events = 0;
  let deliveries = 0;
  for (;;) {
    const batch = await withSystemAccess({ job: "webhooks.dispatch" }, async (tx) => {
      const rows = await tx.$queryRaw<{ events: number; deliveries: TDeliveryRef[] | null }[]>`
        WITH ev AS (
          SELECT "id", "customerId", "type" FROM "WebhookEvent"
           WHERE "dispatchedAt" IS NULL AND "createdAt" > now() - ${GIVE_UP_AFTER}::interval
           ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
        ), del AS (
          INSERT INTO "WebhookDelivery" ("id", "customerId", "endpointId", "eventId")
          SELECT gen_random_uuid(), ev."customerId", e."id", ev."id"
            FROM ev JOIN "WebhookEndpoint" e
              ON e."customerId" = ev."customerId" AND e."status" = 'ACTIVE' AND ev."type" = ANY(e."events")
          ON CONFLICT ("endpointId", "eventId") DO NOTHING
          RETURNING "id", "customerId"
        ), done AS (
          UPDATE "WebhookEvent" w SET "dispatchedAt" = now() FROM ev WHERE w."id" = ev."id" RETURNING 1
        )
        SELECT (SELECT count(*)::int FROM done) AS "events",
               (SELECT json_agg(json_build_object('customerId', "customerId", 'deliveryId', "id")) FROM del) AS "deliveries"`;
      return rows[0] ?? { events: 0, deliveries: null };
    });
    await enqueueWebhookDeliveries(batch.deliveries ?? []);
    events += batch.events;
    deliveries += batch.deliveries?.length ?? 0;
    if (batch.events < BATCH) return { events, deliveries };
  }
}

/**
 * The sweep's second half: PENDING deliveries whose job is gone (Redis lost it, or the
 * enqueue after commit failed) are enqueued again under the same job id.
 */
export async function requeueLostWebhookDeliveries(now = new Date()): Promise<{ requeued: number }> {
  const pending = await withSystemAccess(
    { job: "webhooks.dispatch" },
    (tx) =>
      tx.$queryRaw<TDeliveryRef[]>`
      SELECT "id" AS "deliveryId", "customerId" FROM "WebhookDelivery"
       WHERE "status" = 'PENDING'
         AND COALESCE("lastAttemptAt", "createdAt") < ${new Date(now.getTime() - STALE_AFTER_MS)}
         AND "createdAt" > now() - interval '3 days'
       ORDER BY "createdAt" LIMIT 500`,
  );
  const lost: TDeliveryRef[] = [];
  for (const ref of pending) {
    const job = await queue(deliverWebhookJob.queue).getJob(webhookJobId(ref.deliveryId));
    const state = job ? await job.getState() : "missing";
    if (state === "waiting" || state === "delayed" || state === "active" || state === "prioritized") continue;
    await job?.remove().catch(() => undefined);
    lost.push(ref);
  }
  await enqueueWebhookDeliveries(lost);
  return { requeued: lost.length };
}

/** The delivery log is kept this long; older events go, and their deliveries with them (cascade). */
export const WEBHOOK_LOG_DAYS = 30;

/** Deletes the outbox and delivery log older than WEBHOOK_LOG_DAYS, in batches (ids and answers only). */
export async function pruneWebhookLog(): Promise<{ deleted: number }> {
  let deleted = 0;
  for (;;) {
    const n = await withSystemAccess(
      { job: "webhooks.dispatch" },
      (tx) =>
        tx.$executeRaw`
        DELETE FROM "WebhookEvent" WHERE "id" IN (
          SELECT "id" FROM "WebhookEvent"
           WHERE "createdAt" < now() - make_interval(days => ${WEBHOOK_LOG_DAYS}) LIMIT 1000)`,
    );
    deleted += n;
    if (n < 1000) return { deleted };
  }
}
