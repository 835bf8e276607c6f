import type { TChannelType, TReplyWindow } from "@forecourt/protocol";

const HOUR = 3_600_000;

/**
 * LEAD: replace with the reply-window rule of packages/channels (the adapter's TReplyWindowRule).
 * Until that lands, the same rule from issue 10, so the inbox's composer can be built and
 * tested: WhatsApp 24 h after the customer's last message, then templates only; Messenger
 * 24 h, then HUMAN_AGENT (a person) up to 7 days, then nothing; other channels have no window.
 */
export function interimReplyWindow(type: TChannelType, lastInboundAt: Date | null, now = new Date()): TReplyWindow {
  if (type !== "WHATSAPP" && type !== "MESSENGER") return { state: "always", closesAt: null, templates: false };
  const templates = type === "WHATSAPP";
  if (!lastInboundAt) return { state: "closed", closesAt: null, templates };
  const open = new Date(lastInboundAt.getTime() + 24 * HOUR);
  if (now < open) return { state: "open", closesAt: open.toISOString(), templates };
  const human = new Date(lastInboundAt.getTime() + 7 * 24 * HOUR);
  if (type === "MESSENGER" && now < human) return { state: "human_agent", closesAt: human.toISOString(), templates };
  return { state: "closed", closesAt: null, templates };
}
