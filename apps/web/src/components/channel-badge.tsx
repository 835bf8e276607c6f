import { useTranslations } from "next-intl";
import { Code2, Globe, Mail, MessageCircle, MessagesSquare, Send, Smartphone, type LucideIcon } from "lucide-react";
import type { TChannelType } from "@forecourt/protocol";

/*
 * The one mapping of a channel type to its icon, colour and label, for every place that shows
 * which channel a conversation or setting belongs to (Settings → Channels, the inbox list and
 * conversation header, filters). Works in server and client components (useTranslations).
 */

type TChannelStyle = {
  icon: LucideIcon;
  /** The tile behind the icon and the icon's colour. */
  tile: string;
  /** A pill with the label (badge variant). */
  pill: string;
};

export const CHANNEL_STYLES: Record<TChannelType, TChannelStyle> = {
  WIDGET: {
    icon: Globe,
    tile: "bg-brand-50 text-brand-700 ring-brand-100",
    pill: "bg-brand-50 text-brand-700 ring-brand-100",
  },
  WHATSAPP: {
    icon: MessageCircle,
    tile: "bg-emerald-50 text-emerald-700 ring-emerald-200",
    pill: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  },
  MESSENGER: {
    icon: MessagesSquare,
    tile: "bg-sky-50 text-sky-700 ring-sky-200",
    pill: "bg-sky-50 text-sky-800 ring-sky-200",
  },
  EMAIL: {
    icon: Mail,
    tile: "bg-amber-50 text-amber-700 ring-amber-200",
    pill: "bg-amber-50 text-amber-800 ring-amber-200",
  },
  TWILIO_SMS: {
    icon: Smartphone,
    tile: "bg-violet-50 text-violet-700 ring-violet-200",
    pill: "bg-violet-50 text-violet-800 ring-violet-200",
  },
  API: {
    icon: Code2,
    tile: "bg-zinc-100 text-zinc-700 ring-zinc-200",
    pill: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  },
  TELEGRAM: {
    icon: Send,
    tile: "bg-cyan-50 text-cyan-700 ring-cyan-200",
    pill: "bg-cyan-50 text-cyan-800 ring-cyan-200",
  },
};

/** The channel type's label ("WhatsApp", "Website chat"), localised. */
export function useChannelLabel(): (type: TChannelType) => string {
  const t = useTranslations("channelTypes");
  return (type) => t(type);
}

const TILE_SIZES = {
  sm: "size-5 rounded-md [&>svg]:size-3",
  md: "size-8 rounded-lg [&>svg]:size-4",
  lg: "size-10 rounded-xl [&>svg]:size-5",
};

/** The type's icon on its coloured tile; `label` (default on) names it for screen readers and on hover. */
export function ChannelIcon({
  type,
  size = "md",
  label = true,
}: {
  type: TChannelType;
  size?: keyof typeof TILE_SIZES;
  label?: boolean;
}) {
  const name = useChannelLabel()(type);
  const { icon: Icon, tile } = CHANNEL_STYLES[type];
  return (
    <span
      className={`inline-flex shrink-0 items-center justify-center ring-1 ring-inset ${tile} ${TILE_SIZES[size]}`}
      title={label ? name : undefined}
      role={label ? "img" : undefined}
      aria-label={label ? name : undefined}
      aria-hidden={label ? undefined : true}
      data-channel-type={type}
    >
      <Icon aria-hidden="true" />
    </span>
  );
}

/** The type as a small pill: icon and label. */
export function ChannelBadge({ type }: { type: TChannelType }) {
  const name = useChannelLabel()(type);
  const { icon: Icon, pill } = CHANNEL_STYLES[type];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${pill}`}
      data-channel-type={type}
    >
      <Icon className="size-3" aria-hidden="true" />
      {name}
    </span>
  );
}
