import { ZMetaEnvelope } from "./meta-payload";
import { parseMessengerEntry } from "./messenger";
import type { TRoutedEvents } from "./types";
import { parseWhatsAppChange } from "./whatsapp";

/**
 * A Meta webhook body (already JSON-parsed, not yet trusted) into events grouped by the channel
 * they belong to. Reads every entry and every change (one payload batches several), keeps the
 * order Meta sent them in, and skips what it cannot read instead of failing the batch. The
 * caller verifies the signature with each routed channel's app secret before trusting any of it.
 */
export function parseMetaWebhook(body: unknown): TRoutedEvents[] | null {
  const envelope = ZMetaEnvelope.safeParse(body);
  if (!envelope.success) return null;
  const byRoute = new Map<string, TRoutedEvents>();
  const add = (routed: TRoutedEvents | null) => {
    if (!routed) return;
    const existing = byRoute.get(routed.routeKey);
    if (existing) existing.events.push(...routed.events);
    else byRoute.set(routed.routeKey, routed);
  };
  for (const entry of envelope.data.entry) {
    if (envelope.data.object === "whatsapp_business_account") {
      for (const change of entry.changes ?? [])
        if (!change.field || change.field === "messages") add(parseWhatsAppChange(change.value));
    } else if (envelope.data.object === "page" && entry.id) {
      add(parseMessengerEntry(entry.id, entry.messaging ?? []));
    }
  }
  return [...byRoute.values()];
}
