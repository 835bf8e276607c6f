import { emailRouteKey, parseRecipient } from "@forecourt/channels";
import { appDb, withTenant } from "@forecourt/db";

export type TEmailRecipient =
  | { state: "accept"; customerId: string; dealerId: string; channelId: string; token: string | null }
  | { state: "unknown" }
  | { state: "disabled" };

/**
 * Is this RCPT TO address one of our channels' inbound addresses (with or without a +reply
 * token)? Looked up through the global ChannelRoute "email:<local>@<domain>" (read before the
 * tenant is known, like Meta's), then the channel in its tenant. The SMTP ingress refuses
 * "unknown" and "disabled" with 550, so mail nobody reads is never accepted.
 */
export async function checkEmailRecipient(options: { address: string }): Promise<TEmailRecipient> {
  const parsed = parseRecipient(options.address);
  if (!parsed) return { state: "unknown" };
  const route = await appDb().channelRoute.findUnique({
    where: { key: emailRouteKey(parsed.localPart, parsed.domain) },
  });
  if (!route) return { state: "unknown" };
  const channel = await withTenant(route.routedCustomerId, (tx) =>
    tx.channel.findUnique({
      where: { id: route.channelId },
      select: { id: true, type: true, status: true, dealerId: true },
    }),
  );
  if (!channel || channel.type !== "EMAIL") return { state: "unknown" };
  if (channel.status !== "ACTIVE") return { state: "disabled" };
  return {
    state: "accept",
    customerId: route.routedCustomerId,
    dealerId: channel.dealerId,
    channelId: channel.id,
    token: parsed.token,
  };
}
