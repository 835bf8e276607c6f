import { withTenant, type TTx } from "@forecourt/db";
import { getConfig } from "@forecourt/config";
import { buildWebhookPayload } from "./build-webhook-payload";
import { disableFailingEndpoint } from "./disable-failing-endpoint";
import { postWebhook, type TPostOutcome } from "./post-webhook";
import { signWebhook } from "./webhook-secret";

export type TWebhookAttempt = { attempt: number; maxAttempts: number };
export type TWebhookOutcome = "delivered" | "skipped" | "failed" | "disabled";

/** Thrown for BullMQ to retry with the webhook backoff (a 5xx, 429, any other non-2xx, a time-out). */
export class WebhookRetryError extends Error {
  override name = "WebhookRetryError";
}

/**
 * The delivery job (DESIGN.md "Outbound deliveries"; docs/webhooks.md). Reads the delivery, its
 * endpoint and event; builds the payload from the database now (an erased or purged object is
 * never sent: the delivery is SKIPPED and logged); signs it (Standard Webhooks, both secrets
 * during a rotation); POSTs it to the SSRF-checked address. 2xx: DELIVERED. 410: the endpoint is
 * disabled and nothing is retried. A refused target: FAILED, never retried. Anything else
 * throws for the backoff, until the last attempt: then FAILED and the endpoint is disabled and
 * its administrators mailed. A delivery that is not PENDING (done, or the endpoint deleted)
 * is skipped, so a duplicate job sends nothing.
 */
export async function deliverWebhook(
  options: { customerId: string; deliveryId: string } & TWebhookAttempt & {
      /** Defaults from the configuration (WEBHOOK_ALLOW_PRIVATE_TARGETS, WEBHOOK_TIMEOUT_MS). */
      allowPrivateTargets?: boolean;
      timeoutMs?: number;
    },
): Promise<TWebhookOutcome> {
  const config = getConfig();
  const { customerId, deliveryId } = options;
  const loaded = await withTenant(customerId, async (tx) => {
    const delivery = await loadDelivery(tx, customerId, deliveryId);
    if (!delivery || delivery.status !== "PENDING") return null;
    if (delivery.endpoint.status !== "ACTIVE") return { delivery, payload: null, reason: "endpoint disabled" };
    const payload = await buildWebhookPayload(tx, delivery.event);
    return { delivery, payload, reason: payload ? null : "the object no longer exists (erased, purged or deleted)" };
  });
  if (!loaded) return "skipped";
  const { delivery } = loaded;
  if (!loaded.payload) {
    await record(customerId, deliveryId, "SKIPPED", { excerpt: loaded.reason, countAttempt: false });
    console.info(`[webhooks] delivery ${deliveryId} (${delivery.event.type}) skipped: ${loaded.reason}`);
    return "skipped";
  }
  const body = JSON.stringify(loaded.payload);
  const timestamp = new Date();
  const msgId = delivery.eventId;
  const outcome = await postWebhook({
    url: delivery.endpoint.url,
    body,
    timeoutMs: options.timeoutMs ?? config.WEBHOOK_TIMEOUT_MS,
    allowPrivateTargets: options.allowPrivateTargets ?? config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    headers: {
      "content-type": "application/json",
      "user-agent": "Forecourt-Webhooks/1",
      "webhook-id": msgId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": signWebhook(delivery.endpoint, { id: msgId, timestamp, body }, timestamp),
    },
  });
  const last = options.attempt >= options.maxAttempts;
  if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) {
    await record(customerId, deliveryId, "DELIVERED", outcomeFields(outcome));
    return "delivered";
  }
  if (outcome.kind === "response" && outcome.status === 410) {
    // Off first, so whoever sees the failed delivery also sees the endpoint off.
    await disableFailingEndpoint({ customerId, endpointId: delivery.endpointId, reason: "gone" });
    await record(customerId, deliveryId, "FAILED", outcomeFields(outcome));
    return "disabled";
  }
  if (outcome.kind === "refused") {
    await record(customerId, deliveryId, "FAILED", {
      ...outcomeFields(outcome),
      excerpt: `refused: ${outcome.reason}`,
    });
    return "failed";
  }
  if (!last) {
    await record(customerId, deliveryId, "PENDING", outcomeFields(outcome));
    throw new WebhookRetryError(describe(outcome));
  }
  await disableFailingEndpoint({ customerId, endpointId: delivery.endpointId, reason: "failing" });
  await record(customerId, deliveryId, "FAILED", outcomeFields(outcome));
  return "disabled";
}

function describe(outcome: TPostOutcome) {
  return outcome.kind === "response" ? `HTTP ${outcome.status}` : outcome.reason;
}

function outcomeFields(outcome: TPostOutcome) {
  return {
    responseStatus: outcome.kind === "response" ? outcome.status : null,
    durationMs: outcome.durationMs,
    excerpt: outcome.kind === "response" ? outcome.excerpt : outcome.reason,
    countAttempt: true,
  };
}

/** The delivery with its endpoint and event: one statement (the job's hot path; Prisma's include would be three). */
async function loadDelivery(tx: TTx, customerId: string, deliveryId: string) {
  const [row] = await tx.$queryRaw<TLoadedRow[]>`
    SELECT d."status", d."endpointId", d."eventId",
           json_build_object('url', e."url", 'status', e."status", 'secretEncrypted', e."secretEncrypted",
                             'previousSecretEncrypted', e."previousSecretEncrypted",
                             'previousSecretExpiresAt', e."previousSecretExpiresAt") AS "endpoint",
           json_build_object('id', v."id", 'type', v."type", 'conversationId', v."conversationId",
                             'messageId', v."messageId", 'contactId', v."contactId", 'createdAt', v."createdAt") AS "event"
      FROM "WebhookDelivery" d
      JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
      JOIN "WebhookEvent" v ON v."id" = d."eventId"
     WHERE d."id" = ${deliveryId}::uuid AND d."customerId" = ${customerId}::uuid`;
  if (!row) return null;
  const { endpoint, event } = row;
  return {
    ...row,
    endpoint: {
      ...endpoint,
      previousSecretExpiresAt: endpoint.previousSecretExpiresAt ? new Date(endpoint.previousSecretExpiresAt) : null,
    },
    event: { ...event, createdAt: new Date(event.createdAt) },
  };
}

type TLoadedRow = {
  status: "PENDING" | "DELIVERED" | "FAILED" | "SKIPPED";
  endpointId: string;
  eventId: string;
  endpoint: {
    url: string;
    status: "ACTIVE" | "DISABLED";
    secretEncrypted: string;
    previousSecretEncrypted: string | null;
    previousSecretExpiresAt: string | null;
  };
  event: {
    id: string;
    type: string;
    conversationId: string | null;
    messageId: string | null;
    contactId: string | null;
    createdAt: string;
  };
};

async function record(
  customerId: string,
  deliveryId: string,
  status: "PENDING" | "DELIVERED" | "FAILED" | "SKIPPED",
  fields: { responseStatus?: number | null; durationMs?: number | null; excerpt: string | null; countAttempt: boolean },
) {
  const attempted = fields.countAttempt;
  await withTenant(
    customerId,
    (tx) =>
      tx.$executeRaw`
      UPDATE "WebhookDelivery"
         SET "status" = ${status}::"WebhookDeliveryStatus",
             "attempts" = "attempts" + ${attempted ? 1 : 0},
             "lastAttemptAt" = CASE WHEN ${attempted} THEN now() ELSE "lastAttemptAt" END,
             "responseStatus" = ${fields.responseStatus ?? null}::int,
             "durationMs" = ${fields.durationMs ?? null}::int,
             "responseExcerpt" = ${fields.excerpt}
       WHERE "id" = ${deliveryId}::uuid AND "customerId" = ${customerId}::uuid AND "status" = 'PENDING'`,
  );
}
