import type { TReplyWindow } from "@forecourt/protocol";
import { graphDownload, graphJson } from "./graph-client";
import { metaTime, ZMessengerEvent, type TMessengerEvent } from "./meta-payload";
import {
  ChannelSendError,
  type TCapabilities,
  type TGraphEndpoint,
  type TInboundEvent,
  type TMediaKind,
  type TMessengerConfig,
  type TMessengerSecrets,
  type TOutboundMessage,
  type TRoutedEvents,
  type TSendOptions,
} from "./types";

/** Messenger: 24 h standard window; a person (not a bot) may answer up to 7 days with the HUMAN_AGENT tag. */
export const MESSENGER_WINDOW_HOURS = 24;
export const MESSENGER_HUMAN_AGENT_DAYS = 7;

export const MESSENGER_CAPABILITIES: TCapabilities = {
  outboundMedia: [
    "image/jpeg",
    "image/png",
    "image/gif",
    "application/pdf",
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "video/mp4",
  ],
  templates: false,
};

export function messengerReplyWindow(lastInboundAt: Date | null, now: Date): TReplyWindow {
  if (lastInboundAt) {
    const standard = new Date(lastInboundAt.getTime() + MESSENGER_WINDOW_HOURS * 3_600_000);
    if (standard > now) return { state: "open", closesAt: standard.toISOString(), templates: false };
    const human = new Date(lastInboundAt.getTime() + MESSENGER_HUMAN_AGENT_DAYS * 86_400_000);
    if (human > now) return { state: "human_agent", closesAt: human.toISOString(), templates: false };
  }
  return { state: "closed", closesAt: null, templates: false };
}

export const messengerRouteKey = (pageId: string) => `messenger:${pageId}`;

const ATTACHMENT_KIND: Record<string, TMediaKind | undefined> = {
  image: "image",
  audio: "audio",
  video: "video",
  file: "document",
};

/** One entry of an `object: "page"` webhook (entry.id is the page id) into normalised events. */
export function parseMessengerEntry(pageId: string, messaging: readonly unknown[]): TRoutedEvents {
  const events: TInboundEvent[] = [];
  for (const raw of messaging) {
    const parsed = ZMessengerEvent.safeParse(raw);
    if (!parsed.success) continue;
    const e = parsed.data;
    // Our own sends come back as echoes (sender = the page): recording them would loop.
    if (e.message?.is_echo || e.sender.id === pageId) continue;
    const identities = [{ kind: "psid" as const, value: e.sender.id }];
    if (e.delivery) {
      events.push({ type: "watermark", identities, status: "DELIVERED", upTo: metaTime(e.delivery.watermark, "ms") });
      continue;
    }
    if (e.read) {
      events.push({ type: "watermark", identities, status: "READ", upTo: metaTime(e.read.watermark, "ms") });
      continue;
    }
    const inbound = messengerMessage(e);
    if (inbound) events.push({ ...inbound, identities });
  }
  return { routeKey: messengerRouteKey(pageId), events };
}

function messengerMessage(e: TMessengerEvent): Omit<Extract<TInboundEvent, { type: "message" }>, "identities"> | null {
  const base = { type: "message" as const, profileName: null, phone: null, sentAt: metaTime(e.timestamp, "ms") };
  if (e.postback) {
    const title = e.postback.title ?? e.postback.payload ?? "";
    const externalId = e.postback.mid ?? `postback:${e.sender.id}:${e.timestamp ?? 0}`;
    return {
      ...base,
      externalId,
      text: title,
      content: { type: "reply", id: e.postback.payload ?? title, title },
      media: null,
    };
  }
  const m = e.message;
  if (!m) return null;
  if (m.quick_reply) {
    const title = m.text ?? m.quick_reply.payload;
    return {
      ...base,
      externalId: m.mid,
      text: title,
      content: { type: "reply", id: m.quick_reply.payload, title },
      media: null,
    };
  }
  const attachment = m.attachments?.[0];
  if (attachment) {
    const coordinates = attachment.payload?.coordinates;
    if (attachment.type === "location" && coordinates)
      return {
        ...base,
        externalId: m.mid,
        text: `📍 ${attachment.payload?.title ?? "Location"}`,
        content: {
          type: "location",
          latitude: coordinates.lat,
          longitude: coordinates.long,
          name: attachment.payload?.title,
        },
        media: null,
      };
    const kind = ATTACHMENT_KIND[attachment.type];
    const url = attachment.payload?.url;
    if (kind && url)
      return {
        ...base,
        externalId: m.mid,
        text: m.text ?? "",
        content: { type: "media", mediaKind: kind, state: "pending" },
        media: { ref: url, mimeType: null, fileName: null, kind },
      };
    return {
      ...base,
      externalId: m.mid,
      text: `A ${attachment.type} that Forecourt cannot show; open Messenger to see it.`,
      content: { type: "unsupported", originalType: attachment.type.slice(0, 64) },
      media: null,
    };
  }
  return { ...base, externalId: m.mid, text: m.text ?? "", content: null, media: null };
}

export type TMessengerContext = { endpoint: TGraphEndpoint; config: TMessengerConfig; secrets: TMessengerSecrets };

const SEND_KIND: Record<"image" | "audio" | "video" | "document", string> = {
  image: "image",
  audio: "audio",
  video: "video",
  document: "file",
};

export async function sendMessenger(
  ctx: TMessengerContext,
  psid: string,
  message: TOutboundMessage,
  options: TSendOptions = {},
): Promise<{ externalId: string }> {
  if (message.kind === "template")
    throw new ChannelSendError({ code: "unsupported_type", message: "Messenger has no templates.", retryable: false });
  const payload =
    message.kind === "text"
      ? { text: message.text }
      : { attachment: { type: SEND_KIND[message.mediaKind], payload: { url: message.url, is_reusable: false } } };
  const response = await graphJson<{ message_id?: string }>(ctx.endpoint, {
    method: "POST",
    path: `${ctx.config.pageId}/messages`,
    token: ctx.secrets.pageAccessToken,
    json: {
      recipient: { id: psid },
      messaging_type: options.humanAgentTag ? "MESSAGE_TAG" : "RESPONSE",
      ...(options.humanAgentTag ? { tag: "HUMAN_AGENT" } : {}),
      message: payload,
    },
  });
  if (!response?.message_id)
    throw new ChannelSendError({
      code: "service_error",
      message: "Meta accepted the message but gave no id.",
      retryable: true,
    });
  return { externalId: response.message_id };
}

/** Messenger attachment URLs are public CDN links: no token. */
export async function fetchMessengerMedia(endpoint: TGraphEndpoint, url: string, maxBytes: number) {
  if (!/^https?:\/\//i.test(url))
    throw new ChannelSendError({ code: "media_download_failed", message: "Not a download link.", retryable: false });
  const { bytes, contentType } = await graphDownload(endpoint, url, null, maxBytes);
  return { bytes, mimeType: contentType };
}

/** "Seen" for the person: the page has read everything they wrote (a sender action, no message). */
export async function markMessengerSeen(ctx: TMessengerContext, psid: string): Promise<void> {
  await graphJson(ctx.endpoint, {
    method: "POST",
    path: `${ctx.config.pageId}/messages`,
    token: ctx.secrets.pageAccessToken,
    json: { recipient: { id: psid }, sender_action: "mark_seen" },
  });
}

/** The person's name from the User Profile API (webhooks never carry it); null when Meta gives none. */
export async function fetchMessengerName(ctx: TMessengerContext, psid: string): Promise<string | null> {
  const profile = await graphJson<{ first_name?: unknown; last_name?: unknown }>(ctx.endpoint, {
    method: "GET",
    path: `${encodeURIComponent(psid)}?fields=first_name,last_name`,
    token: ctx.secrets.pageAccessToken,
  });
  const parts = [profile?.first_name, profile?.last_name].filter((p): p is string => typeof p === "string");
  const name = parts.join(" ").replaceAll("\u0000", "").replace(/\s+/g, " ").trim();
  return name ? name.slice(0, 200) : null;
}
