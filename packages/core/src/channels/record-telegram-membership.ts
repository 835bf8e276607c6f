import type { TTelegramMembership } from "@forecourt/channels";
import { withTenant } from "@forecourt/db";
import type { TChannelPrincipal } from "../principal";
import { identityKey } from "./resolve-channel-contact";

/** ContactIdentity.optOutReason of a Telegram user who blocked the bot (the inbox and the refusal read it). */
export const TELEGRAM_BLOCKED = "telegram_bot_blocked";

/**
 * A customer blocked the bot (Telegram's my_chat_member "kicked", or a send answered 403 "bot
 * was blocked by the user"), or started it again ("member", or they wrote). Recorded on the
 * contact's Telegram identity, where the contact panel shows it and the driver's refusal reads
 * it. Idempotent: a redelivery, or a second 403, changes nothing. An identity we have never
 * seen (someone who blocked the bot before writing) is not created.
 *
 * Interpretation: the identity is per customer (tenant), not per bot, so a block of one
 * dealer's bot also pauses the tenant's other bots for that person until they write again.
 */
export async function recordTelegramMembership(
  principal: Pick<TChannelPrincipal, "customerId">,
  membership: Pick<TTelegramMembership, "identity" | "blocked"> & { at?: Date },
): Promise<{ changed: number }> {
  const where = {
    customerId: principal.customerId,
    channelType: "TELEGRAM" as const,
    externalId: identityKey(membership.identity),
  };
  const { count } = await withTenant(principal.customerId, (tx) =>
    membership.blocked
      ? tx.contactIdentity.updateMany({
          where: { ...where, optedOutAt: null },
          data: { optedOutAt: membership.at ?? new Date(), optOutReason: TELEGRAM_BLOCKED },
        })
      : tx.contactIdentity.updateMany({
          where: { ...where, optOutReason: TELEGRAM_BLOCKED },
          data: { optedOutAt: null, optOutReason: null },
        }),
  );
  return { changed: count };
}
