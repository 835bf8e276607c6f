import type { TChannelType, TReplyWindow } from "@forecourt/protocol";
import { driverFor } from "./drivers";

const ALWAYS: TReplyWindow = { state: "always", closesAt: null, templates: false };

/** Whether an agent may write free text on a conversation of this channel type now (the driver's rule). */
export function replyWindowFor(type: TChannelType, lastInboundAt: Date | null, now = new Date()): TReplyWindow {
  return driverFor(type)?.replyWindow?.(lastInboundAt, now) ?? ALWAYS;
}
