import { parseMetaWebhook, verifyMetaSignature, type TRoutedEvents } from "@forecourt/channels";
import { appDb, withTenant } from "@forecourt/db";
import { InvalidInputError, UnauthenticatedError } from "../errors";
import type { TChannelPrincipal } from "../principal";
import { metaChannelOf } from "./meta-channel";
import { recordInboundEvents, type TRecordCounts } from "./record-inbound-events";

export type TMetaWebhookResult = TRecordCounts & { unroutable: number; disabled: number };

/**
 * A Meta webhook POST (DESIGN.md "Inbound webhooks"). The body is parsed only to learn which
 * channels it names; each named channel's app secret must verify the signature over the raw
 * bytes before any of its events is trusted. Nothing verified → 401 and nothing written.
 * Events are then committed one by one, in Meta's order, idempotently (a redelivery writes
 * nothing); the route answers 200 only after this returns, so Meta's retries cover a crash.
 * Heavy work (media download, sending) is left to jobs.
 */
export async function receiveMetaWebhook(options: {
  rawBody: Uint8Array;
  signature: string | null;
}): Promise<TMetaWebhookResult> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(options.rawBody).toString("utf8"));
  } catch {
    throw new InvalidInputError("The body is not JSON.");
  }
  const routed = parseMetaWebhook(json);
  if (!routed) throw new InvalidInputError("Not a Meta webhook payload (object and entry[] expected).");
  const counts: TMetaWebhookResult = { recorded: 0, duplicates: 0, statuses: 0, unroutable: 0, disabled: 0 };
  if (routed.length === 0) return counts; // a field we do not subscribe to: nothing to verify or write

  const routes = await appDb().channelRoute.findMany({ where: { key: { in: routed.map((r) => r.routeKey) } } });
  const verified: { principal: TChannelPrincipal; active: boolean; events: TRoutedEvents["events"] }[] = [];
  for (const group of routed) {
    const route = routes.find((r) => r.key === group.routeKey);
    if (!route) {
      counts.unroutable += group.events.length;
      continue;
    }
    const channel = await withTenant(route.routedCustomerId, (tx) =>
      tx.channel.findUnique({ where: { id: route.channelId } }),
    );
    const meta = channel && metaChannelOf(channel);
    if (!meta || !verifyMetaSignature(options.rawBody, options.signature, meta.secrets.appSecret)) continue;
    verified.push({
      principal: {
        kind: "channel",
        customerId: meta.customerId,
        dealerId: meta.dealerId,
        channelId: meta.id,
        channelType: meta.type,
      },
      active: meta.status === "ACTIVE",
      events: group.events,
    });
  }
  if (verified.length === 0) {
    if (counts.unroutable > 0 && routes.length === 0) {
      // Nobody here owns these numbers or pages: say so in the log, and answer as for any unsigned body.
      console.warn(`[hooks/meta] ${counts.unroutable} event(s) for channels not connected here`);
    }
    throw new UnauthenticatedError("The X-Hub-Signature-256 signature does not match any connected channel.");
  }
  for (const group of verified) {
    // A disabled channel records nothing; Meta still gets its 200 so it stops retrying.
    if (!group.active) {
      counts.disabled += group.events.length;
      continue;
    }
    const recorded = await recordInboundEvents(group.principal, group.events);
    counts.recorded += recorded.recorded;
    counts.duplicates += recorded.duplicates;
    counts.statuses += recorded.statuses;
  }
  return counts;
}
