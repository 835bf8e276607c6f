import { z } from "zod";
import type { TMessageContent } from "@forecourt/protocol";
import type { TIdentity, TInboundMessage, TMediaKind, TMediaRef } from "../types";
import { telegramMessageId } from "./bot-api";

/*
 * One webhook POST is one Update (https://core.telegram.org/bots/api#update). It is untrusted
 * until the route has compared the secret token, and we read only what we need, tolerating
 * anything else Telegram adds. Only private chats are recorded: a dealer's bot talks to one
 * customer at a time (a group the bot was added to is ignored).
 */

const ZUser = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
const ZChat = z.object({ id: z.number().int(), type: z.string() });
const ZFileRef = z.object({
  file_id: z.string().min(1).max(512),
  file_size: z.number().optional(),
  mime_type: z.string().max(255).optional(),
  file_name: z.string().max(255).optional(),
});
const ZPhotoSize = z.object({
  file_id: z.string().min(1).max(512),
  width: z.number().optional(),
  height: z.number().optional(),
  file_size: z.number().optional(),
});
const ZLocation = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

const ZTelegramMessage = z.object({
  message_id: z.number().int(),
  from: ZUser.optional(),
  chat: ZChat,
  date: z.number(),
  edit_date: z.number().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(ZPhotoSize).optional(),
  document: ZFileRef.optional(),
  voice: ZFileRef.optional(),
  audio: ZFileRef.extend({ title: z.string().optional(), performer: z.string().optional() }).optional(),
  video: ZFileRef.optional(),
  video_note: ZFileRef.optional(),
  sticker: ZFileRef.extend({
    is_animated: z.boolean().optional(),
    is_video: z.boolean().optional(),
    emoji: z.string().optional(),
  }).optional(),
  location: ZLocation.extend({ live_period: z.number().optional() }).optional(),
  venue: z.object({ location: ZLocation, title: z.string(), address: z.string() }).optional(),
  contact: z
    .object({
      phone_number: z.string(),
      first_name: z.string(),
      last_name: z.string().optional(),
      user_id: z.number().optional(),
    })
    .optional(),
});
type TTelegramMessage = z.infer<typeof ZTelegramMessage>;

const ZChatMemberUpdated = z.object({
  chat: ZChat,
  from: ZUser,
  date: z.number(),
  new_chat_member: z.object({ status: z.string() }),
});

export const ZTelegramUpdate = z.object({
  update_id: z.number().int().nonnegative(),
  message: z.unknown().optional(),
  edited_message: z.unknown().optional(),
  my_chat_member: z.unknown().optional(),
});

/** A customer blocked the bot ("kicked") or started it again ("member"): recorded on the contact's identity. */
export type TTelegramMembership = { identity: TIdentity; blocked: boolean; at: Date };

export type TTelegramUpdate = {
  updateId: number;
  /** Null for updates we do not record (groups, other bots, update types we did not ask for). */
  message: TInboundMessage | null;
  membership: TTelegramMembership | null;
};

const secondsToDate = (s: number) => new Date(s * 1000);
const identityOf = (userId: number): TIdentity => ({ kind: "tg_user", value: String(userId) });
const nameOf = (u: z.infer<typeof ZUser>) =>
  [u.first_name, u.last_name].filter(Boolean).join(" ").trim() || (u.username ? `@${u.username}` : null);

/** A webhook body into what we record. Null when it is not an Update at all (400). */
export function parseTelegramUpdate(botId: string, body: unknown): TTelegramUpdate | null {
  const update = ZTelegramUpdate.safeParse(body);
  if (!update.success) return null;
  const { update_id: updateId } = update.data;
  const result: TTelegramUpdate = { updateId, message: null, membership: null };

  const member = ZChatMemberUpdated.safeParse(update.data.my_chat_member);
  if (member.success && member.data.chat.type === "private") {
    const status = member.data.new_chat_member.status;
    if (status === "kicked" || status === "member")
      result.membership = {
        identity: identityOf(member.data.from.id),
        blocked: status === "kicked",
        at: secondsToDate(member.data.date),
      };
    return result;
  }

  const edited = update.data.message === undefined && update.data.edited_message !== undefined;
  const raw = ZTelegramMessage.safeParse(edited ? update.data.edited_message : update.data.message);
  if (!raw.success) return result;
  const m = raw.data;
  if (m.chat.type !== "private" || !m.from || m.from.is_bot) return result;
  // A live location moves by editing its message every few seconds: the first position is enough.
  if (edited && m.location) return result;
  const original = telegramMessageId(botId, m.chat.id, m.message_id);
  const rawMessage = (edited ? update.data.edited_message : update.data.message) as Record<string, unknown>;
  const readable = readableContent(m, Object.keys(rawMessage));
  const ownPhone = m.contact && m.contact.user_id === m.from.id ? m.contact.phone_number.replace(/\D/g, "") : "";
  result.message = {
    type: "message",
    // An edit shares its message id with the original: the update id makes each edit its own record.
    externalId: edited ? `${original}:edit:${updateId}` : original,
    identities: [identityOf(m.from.id)],
    profileName: nameOf(m.from),
    phone: /^\d{6,15}$/.test(ownPhone) ? ownPhone : null,
    sentAt: secondsToDate(edited ? (m.edit_date ?? m.date) : m.date),
    ...(edited
      ? {
          text: readable.text || "(edited)",
          content: { type: "edit", toExternalId: original, toMessageId: null },
          media: null,
        }
      : readable),
  };
  return result;
}

function media(
  kind: TMediaKind,
  file: { file_id: string; mime_type?: string; file_name?: string },
  mimeType: string | null,
  caption: string | undefined,
): Pick<TInboundMessage, "text" | "content" | "media"> {
  const ref: TMediaRef = {
    ref: file.file_id,
    mimeType: file.mime_type ?? mimeType,
    fileName: file.file_name ?? null,
    kind,
  };
  return { text: caption ?? "", content: { type: "media", mediaKind: kind, state: "pending" }, media: ref };
}

function readableContent(m: TTelegramMessage, rawKeys: string[]): Pick<TInboundMessage, "text" | "content" | "media"> {
  if (m.text !== undefined) return { text: m.text, content: null, media: null };
  if (m.photo && m.photo.length > 0) {
    // Telegram sends every size it made; keep the largest.
    const largest = [...m.photo].sort(
      (a, b) =>
        (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0) || (b.file_size ?? 0) - (a.file_size ?? 0),
    )[0]!;
    return media("image", largest, "image/jpeg", m.caption);
  }
  if (m.voice) return media("voice", m.voice, "audio/ogg", m.caption);
  if (m.audio) return media("audio", m.audio, "audio/mpeg", m.caption);
  if (m.video) return media("video", m.video, "video/mp4", m.caption);
  if (m.video_note) return media("video", m.video_note, "video/mp4", m.caption);
  if (m.document) return media("document", m.document, null, m.caption);
  if (m.sticker && !m.sticker.is_animated && !m.sticker.is_video)
    return media("sticker", m.sticker, "image/webp", m.sticker.emoji);
  if (m.venue) {
    const { latitude, longitude } = m.venue.location;
    const content: TMessageContent = {
      type: "location",
      latitude,
      longitude,
      name: m.venue.title,
      address: m.venue.address,
    };
    return { text: ["📍", m.venue.title, m.venue.address].filter(Boolean).join(" "), content, media: null };
  }
  if (m.location) {
    const { latitude, longitude } = m.location;
    return { text: "📍 Location", content: { type: "location", latitude, longitude }, media: null };
  }
  if (m.contact) {
    const name = [m.contact.first_name, m.contact.last_name].filter(Boolean).join(" ");
    return {
      text: `Contact card: ${name}`,
      content: { type: "contacts", contacts: [{ name, phones: [m.contact.phone_number], emails: [] }] },
      media: null,
    };
  }
  // The zod parse keeps only what we read: name the kind from the raw keys Telegram sent.
  const kind = (m.sticker ? "sticker" : rawKeys.find((k) => !KNOWN_KEYS.has(k))) ?? "message";
  return {
    text: `A Telegram ${kind.replaceAll("_", " ")} that Forecourt cannot show; open Telegram to see it.`,
    content: { type: "unsupported", originalType: kind.slice(0, 64) },
    media: null,
  };
}

const KNOWN_KEYS = new Set([
  "message_id",
  "from",
  "chat",
  "date",
  "edit_date",
  "caption",
  "message_thread_id",
  "entities",
  "caption_entities",
  "reply_to_message",
  "forward_origin",
  "sender_chat",
  "has_protected_content",
  "link_preview_options",
  "is_topic_message",
]);
