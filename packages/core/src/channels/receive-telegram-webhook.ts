import { parseTelegramUpdate } from "@forecourt/channels";
import { appDb, withTenant } from "@forecourt/db";
import { z } from "zod";
import { InvalidInputError, UnauthenticatedError } from "../errors";
import type { TChannelPrincipal } from "../principal";
import { recordInboundEvents } from "./record-inbound-events";
import { recordTelegramMembership } from "./record-telegram-membership";
import { telegramChannelOf, telegramSecretMatches } from "./telegram-channel";

export type TTelegramWebhookResult = {
  recorded: number;
  duplicates: number;
  /** Blocks and unblocks applied. */
  memberships: number;
  /** The update was for a disabled channel, or of a kind we do not record (groups…). */
  ignored: number;
};

const ZChannelId = z.uuid();

/**
 * A Telegram webhook POST to /api/hooks/telegram/<channel id> (DESIGN.md "Inbound webhooks").
 * Each bot has its own URL, so the channel is known before the body is read; the header
 * X-Telegram-Bot-Api-Secret-Token must equal the secret we gave setWebhook (constant time),
 * else 401 and nothing is written. One update per POST; its message is recorded through the
 * same batch writer as Meta's, idempotently: the external id `<bot>:<chat>:<message>` (an
 * edit adds `:edit:<update_id>`) makes a redelivered update_id write nothing. 200 only after
 * commit, so Telegram's retries cover a crash; media are fetched by the media job (getFile).
 */
export async function receiveTelegramWebhook(options: {
  channelId: string;
  rawBody: Uint8Array;
  secretToken: string | null;
}): Promise<TTelegramWebhookResult> {
  const refused = () => new UnauthenticatedError("The X-Telegram-Bot-Api-Secret-Token does not match this channel.");
  if (!ZChannelId.safeParse(options.channelId).success) throw refused();
  // The route is global (no row-level security): it tells us the tenant before we read the channel.
  const route = await appDb().channelRoute.findFirst({
    where: { channelId: options.channelId, key: { startsWith: "telegram:" } },
  });
  if (!route) throw refused();
  const row = await withTenant(route.routedCustomerId, (tx) =>
    tx.channel.findUnique({ where: { id: route.channelId } }),
  );
  const channel = row && telegramChannelOf(row);
  if (!channel || !telegramSecretMatches(options.secretToken, channel.secrets.webhookSecret)) throw refused();

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(options.rawBody).toString("utf8"));
  } catch {
    throw new InvalidInputError("The body is not JSON.");
  }
  const update = parseTelegramUpdate(channel.config.botId, json);
  if (!update) throw new InvalidInputError("Not a Telegram Update (update_id expected).");
  const result: TTelegramWebhookResult = { recorded: 0, duplicates: 0, memberships: 0, ignored: 0 };
  // A disabled channel records nothing; Telegram still gets its 200 so it stops retrying.
  if (channel.status !== "ACTIVE" || (!update.message && !update.membership)) {
    result.ignored = 1;
    return result;
  }
  const principal: TChannelPrincipal = {
    kind: "channel",
    customerId: channel.customerId,
    dealerId: channel.dealerId,
    channelId: channel.id,
    channelType: "TELEGRAM",
  };
  if (update.membership) {
    result.memberships = (await recordTelegramMembership(principal, update.membership)).changed;
    return result;
  }
  const message = update.message!;
  // Someone who writes has (un)blocked nothing: they can reach the bot, so it can reach them.
  for (const identity of message.identities) await recordTelegramMembership(principal, { identity, blocked: false });
  const counts = await recordInboundEvents(principal, [message]);
  result.recorded = counts.recorded;
  result.duplicates = counts.duplicates;
  return result;
}
