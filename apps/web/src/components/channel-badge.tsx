import { Braces, Mail, MessageCircle, MessageSquareText, Phone, Zap, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { TChannelType } from "@forecourt/protocol";

/*
 * The one place that maps a channel type to its icon, colour and name (inbox rows, the
 * conversation header, the channel filter, Settings → Channels). The tiles only hint at the
 * services' colours; they are our own glyphs, not the services' logos.
 */
const STYLE: Record<TChannelType, { icon: LucideIcon; tile: string }> = {
  WIDGET: { icon: MessageCircle, tile: "bg-brand-600" },
  WHATSAPP: { icon: Phone, tile: "bg-[#25D366]" },
  MESSENGER: { icon: Zap, tile: "bg-gradient-to-br from-[#0866FF] to-[#A033FF]" },
  EMAIL: { icon: Mail, tile: "bg-sky-600" },
  TWILIO_SMS: { icon: MessageSquareText, tile: "bg-rose-600" },
  API: { icon: Braces, tile: "bg-zinc-700" },
};

/** The channel's name in the user's language ("WhatsApp", "Website chat"…). */
export function useChannelLabel(): (type: TChannelType) => string {
  const t = useTranslations("channelTypes");
  return (type) => t(type);
}

type TSize = "xs" | "sm" | "md";

/**
 * The channel's icon tile; it carries the channel's name for screen readers and as a tooltip,
 * unless `decorative` (the name is written next to it).
 */
export function ChannelIcon({
  type,
  size = "sm",
  decorative,
}: {
  type: TChannelType;
  size?: TSize;
  decorative?: boolean;
}) {
  const label = useChannelLabel()(type);
  const { icon: Icon, tile } = STYLE[type];
  const box = size === "xs" ? "size-4 rounded" : size === "sm" ? "size-5 rounded-md" : "size-7 rounded-lg";
  const glyph = size === "xs" ? "size-2.5" : size === "sm" ? "size-3" : "size-4";
  return (
    <span
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative ? true : undefined}
      title={label}
      data-testid="channel-icon"
      data-channel={type}
      className={`inline-flex shrink-0 items-center justify-center text-white ${box} ${tile}`}
    >
      <Icon className={glyph} strokeWidth={2.5} aria-hidden="true" />
    </span>
  );
}

/** Icon and name side by side (headers, settings). */
export function ChannelBadge({ type, size = "sm" }: { type: TChannelType; size?: TSize }) {
  const label = useChannelLabel()(type);
  return (
    <span className="inline-flex items-center gap-1.5 text-[12px] text-zinc-600" data-testid="channel-badge">
      <ChannelIcon type={type} size={size} decorative />
      <span>{label}</span>
    </span>
  );
}
