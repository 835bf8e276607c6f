import type { TSendFailure, TStatusEvent, TWatermarkEvent } from "@forecourt/channels";
import { withTenant, type TTx } from "@forecourt/db";
import type { TDeliveryStatus, TMessageEvent } from "@forecourt/protocol";
import { messageEventById } from "../chat/message-event";
import { publishMessageUpdate } from "../chat/realtime";
import { redis, redisKey } from "../infra/redis";
import type { TChannelPrincipal } from "../principal";
import { identityKey } from "./resolve-channel-contact";

/**
 * Delivery statuses move only forward: QUEUED < SENT < DELIVERED < READ < PLAYED. Meta sends
 * them out of order and may skip `delivered`, so a late `delivered` after `read` changes nothing.
 * FAILED replaces only QUEUED or SENT (a message the customer has, stays delivered).
 */
const RANK_SQL = `CASE "deliveryStatus" WHEN 'QUEUED' THEN 0 WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 WHEN 'READ' THEN 3 WHEN 'PLAYED' THEN 4 ELSE 99 END`;
export const DELIVERY_RANK: Record<Exclude<TDeliveryStatus, "FAILED">, number> = {
  QUEUED: 0,
  SENT: 1,
  DELIVERED: 2,
  READ: 3,
  PLAYED: 4,
};

/** Statuses of a send whose external id we have not stored yet (Meta can be faster than our commit). */
const EARLY_STATUS_SECONDS = 15 * 60;
const earlyKey = (customerId: string, externalId: string) => redisKey("early-status", customerId, externalId);

export async function recordDeliveryStatus(principal: TChannelPrincipal, event: TStatusEvent): Promise<void> {
  const updated = await withTenant(principal.customerId, (tx) =>
    applyStatus(tx, principal, event.externalId, event.status, event.at, event.error),
  );
  if (typeof updated === "object") publishMessageUpdate(updated);
  if (updated === "unknown") {
    // Kept briefly (ids and status only) and applied when the delivery job stores the id.
    const key = earlyKey(principal.customerId, event.externalId);
    await redis().rpush(key, JSON.stringify({ status: event.status, at: event.at.toISOString(), error: event.error }));
    await redis().expire(key, EARLY_STATUS_SECONDS);
  }
}

/** After the delivery job stored the external id: statuses that arrived before it. */
export async function applyEarlyStatuses(principal: TChannelPrincipal, externalId: string): Promise<void> {
  const key = earlyKey(principal.customerId, externalId);
  const early = await redis().lrange(key, 0, -1);
  if (early.length === 0) return;
  await redis().del(key);
  for (const raw of early) {
    const e = JSON.parse(raw) as { status: TStatusEvent["status"]; at: string; error: TSendFailure | null };
    const updated = await withTenant(principal.customerId, (tx) =>
      applyStatus(tx, principal, externalId, e.status, new Date(e.at), e.error),
    );
    if (typeof updated === "object") publishMessageUpdate(updated);
  }
}

async function applyStatus(
  tx: TTx,
  principal: TChannelPrincipal,
  externalId: string,
  status: TStatusEvent["status"],
  at: Date,
  error: TSendFailure | null,
): Promise<TMessageEvent | "stale" | "unknown"> {
  const condition =
    status === "FAILED" ? `"deliveryStatus" IN ('QUEUED', 'SENT')` : `(${RANK_SQL}) < ${DELIVERY_RANK[status]}`;
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "Message" SET "deliveryStatus" = $1::"DeliveryStatus", "deliveryAt" = $2, "deliveryError" = $3::jsonb
      WHERE "customerId" = $4::uuid AND "externalId" = $5
        AND "conversationId" IN (SELECT "id" FROM "Conversation" WHERE "customerId" = $4::uuid AND "channelId" = $6::uuid)
        AND ${condition}
      RETURNING "id"`,
    status,
    at,
    error ? JSON.stringify(error) : null,
    principal.customerId,
    externalId,
    principal.channelId,
  );
  const updated = rows[0];
  // Read inside the transaction, published by the caller after commit.
  if (updated) return (await messageEventById(tx, updated.id)) ?? "stale";
  const exists = await tx.message.findUnique({
    where: { customerId_externalId: { customerId: principal.customerId, externalId } },
    select: { id: true },
  });
  return exists ? "stale" : "unknown";
}

/**
 * Messenger receipts: everything we sent this person on this page before the watermark is
 * delivered (or read). Only messages that were sent move; at most 500 per receipt.
 */
export async function recordWatermark(principal: TChannelPrincipal, event: TWatermarkEvent): Promise<void> {
  const keys = event.identities.map(identityKey);
  const changed = await withTenant(principal.customerId, async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "Message" SET "deliveryStatus" = $1::"DeliveryStatus", "deliveryAt" = $2
        WHERE "id" IN (
          SELECT m."id" FROM "Message" m
            JOIN "Conversation" c ON c."id" = m."conversationId"
            JOIN "ContactIdentity" ci ON ci."contactId" = c."contactId"
           WHERE m."customerId" = $3::uuid AND c."customerId" = $3::uuid AND c."channelId" = $4::uuid
             AND ci."customerId" = $3::uuid AND ci."channelType" = 'MESSENGER' AND ci."externalId" = ANY($5::text[])
             AND m."authorType" <> 'CONTACT' AND m."deliveryStatus" IN ('SENT', 'DELIVERED')
             AND (m."deliveryAt" IS NULL OR m."deliveryAt" <= $2) AND m."createdAt" <= $2
             AND (${RANK_SQL.replaceAll('"deliveryStatus"', 'm."deliveryStatus"')}) < $6
           LIMIT 500)
        RETURNING "id"`,
      event.status,
      event.upTo,
      principal.customerId,
      principal.channelId,
      keys,
      DELIVERY_RANK[event.status],
    );
    const events: TMessageEvent[] = [];
    for (const row of rows) {
      const message = await messageEventById(tx, row.id);
      if (message) events.push(message);
    }
    return events;
  });
  for (const message of changed) publishMessageUpdate(message);
}
