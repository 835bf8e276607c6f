import { ChannelSendError, fetchTelegramMedia, sendTelegram } from "@forecourt/channels";
import { recordTelegramMembership } from "../record-telegram-membership";
import { telegramChannelOf, telegramContext } from "../telegram-channel";
import { optedOutRefusal, permanent, type TDeliveryDriver, type TDriverChannelRow } from "./types";

/** Telegram Bot API (packages/channels telegram). No reply window: a bot may answer any time. */

function loadTelegram(row: TDriverChannelRow) {
  const channel = telegramChannelOf(row);
  if (!channel)
    throw new ChannelSendError(permanent("channel_misconfigured", "The Telegram bot's settings are incomplete."));
  return channel;
}

const BLOCKED_MESSAGE =
  "This customer blocked the Telegram bot, so messages cannot reach them. They can unblock it and write again.";

export const telegramDriver: TDeliveryDriver = {
  async send(job) {
    const channel = loadTelegram(job.channel);
    const identity = job.identities.find((i) => i.externalId.startsWith("tg_user:"));
    if (!identity) throw new ChannelSendError(permanent("no_recipient", "This contact has no Telegram id."));
    const userId = identity.externalId.slice("tg_user:".length);
    try {
      return await sendTelegram(telegramContext(channel), userId, job.outbound);
    } catch (error) {
      // 403 "bot was blocked by the user": permanent, and remembered on the contact so the next
      // reply is refused before it is written (the refusal below).
      if (error instanceof ChannelSendError && error.failure.code === "recipient_blocked")
        await recordTelegramMembership(channel, { identity: { kind: "tg_user", value: userId }, blocked: true });
      throw error;
    }
  },
  async fetchMedia(row, media, maxBytes) {
    const { bytes, mimeType } = await fetchTelegramMedia(telegramContext(loadTelegram(row)), media.ref, maxBytes);
    // Telegram's file host answers application/octet-stream; the update named the real type.
    return { bytes, mimeType: media.mimeType ?? mimeType, fileName: media.fileName };
  },
  refusal: (identities) =>
    optedOutRefusal(
      identities.filter((i) => i.externalId.startsWith("tg_user:")),
      "recipient_blocked",
      BLOCKED_MESSAGE,
    ),
};
