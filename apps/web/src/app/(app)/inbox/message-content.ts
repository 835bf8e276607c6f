import type { TMessageEvent } from "@forecourt/protocol";

/** OpenStreetMap at the point, with a marker (no key, no tracking script: a plain link). */
export function mapUrl(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(6).replace(/\.?0+$/, "");
  const lon = longitude.toFixed(6).replace(/\.?0+$/, "");
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

/** Audio the inbox plays inline (WhatsApp voice notes are audio/ogg; browsers record audio/webm). */
const PLAYABLE_AUDIO = ["audio/ogg", "audio/webm", "audio/mpeg", "audio/mp4", "audio/aac", "audio/wav"];
const INLINE_IMAGES = ["image/png", "image/jpeg", "image/gif", "image/webp"];
const PLAYABLE_VIDEO = ["video/mp4", "video/webm", "video/ogg", "video/3gpp"];

/** How an attachment is shown: an inline thumbnail, a player, or a download chip. */
export function attachmentView(mimeType: string): "image" | "audio" | "video" | "file" {
  // "audio/ogg; codecs=opus" → "audio/ogg"
  const base = mimeType.split(";")[0]!.trim().toLowerCase();
  if (INLINE_IMAGES.includes(base)) return "image";
  if (PLAYABLE_AUDIO.includes(base)) return "audio";
  if (PLAYABLE_VIDEO.includes(base)) return "video";
  return "file";
}

/** A phone number as a tel: link target (digits and a leading +; spaces and dashes dropped). */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}

export type TReactions = {
  /** Emoji shown on a loaded message, by its id (latest reaction per author kind wins; "" removes). */
  byTarget: Map<string, string[]>;
  /** Reaction messages shown on their target, so not as a line of their own. */
  placed: Set<string>;
};

/** Reactions to messages that are loaded go onto them; the others stay a small line of their own. */
export function reactionsOf(messages: readonly TMessageEvent[]): TReactions {
  const ids = new Set(messages.map((m) => m.id));
  const latest = new Map<string, Map<string, string>>();
  const placed = new Set<string>();
  for (const m of [...messages].sort((a, b) => a.seq - b.seq)) {
    const c = m.content;
    if (c?.type !== "reaction" || !c.toMessageId || !ids.has(c.toMessageId)) continue;
    placed.add(m.id);
    const byAuthor = latest.get(c.toMessageId) ?? new Map<string, string>();
    byAuthor.set(m.authorType, c.emoji);
    latest.set(c.toMessageId, byAuthor);
  }
  const byTarget = new Map<string, string[]>();
  for (const [target, byAuthor] of latest) {
    const emoji = [...byAuthor.values()].filter((e) => e !== "");
    if (emoji.length > 0) byTarget.set(target, emoji);
  }
  return { byTarget, placed };
}
