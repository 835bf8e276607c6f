import { messengerReplyWindow, whatsappReplyWindow } from "@forecourt/channels";
import type { TChannelType, TReplyWindow } from "@forecourt/protocol";

const ALWAYS: TReplyWindow = { state: "always", closesAt: null, templates: false };

/** Whether an agent may write free text on a conversation of this channel type now. */
export function replyWindowFor(type: TChannelType, lastInboundAt: Date | null, now = new Date()): TReplyWindow {
  if (type === "WHATSAPP") return whatsappReplyWindow(lastInboundAt, now);
  if (type === "MESSENGER") return messengerReplyWindow(lastInboundAt, now);
  return ALWAYS;
}

/** Channel types whose replies go out through the delivery job (and so carry delivery ticks). */
export const DELIVERED_CHANNELS: readonly TChannelType[] = ["WHATSAPP", "MESSENGER"];
