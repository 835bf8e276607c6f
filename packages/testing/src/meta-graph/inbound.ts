import type { TGraphContext } from "./context";
import { newMid, newWamid } from "./ids";
import {
  messengerEnvelope,
  messengerMessageEvent,
  messengerPostbackEvent,
  whatsappChange,
  whatsappContact,
  whatsappEnvelope,
  whatsappMessage,
  type TResolvedMedia,
  type TWhatsAppMessageBody,
} from "./payloads";
import type { TMessengerPage, TStoredMedia, TWhatsAppAccount } from "./types";
import type { TPostResult } from "./webhooks";

/*
 * Customers writing to us: the stand-in stores their files (a media id for WhatsApp, a public
 * CDN URL for Messenger), builds Meta's payload, signs it with the app secret and posts it to
 * the account's webhook URL. Every message also opens (moves) that customer's reply window.
 */

type TMediaSource = { bytes?: Uint8Array; mediaId?: string; mimeType?: string };

export type TWhatsAppInboundSpec = (
  | { type: "text"; text: string }
  | ({ type: "image" | "video" | "sticker"; caption?: string } & TMediaSource)
  | ({ type: "document"; fileName: string; caption?: string } & TMediaSource)
  /** `voice: true` is a push-to-talk voice note (default type audio/ogg; codecs=opus). */
  | ({ type: "audio"; voice?: boolean } & TMediaSource)
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | { type: "contacts"; contacts: { name: string; phones?: string[]; emails?: string[] }[] }
  | { type: "interactive"; reply: { kind: "button" | "list"; id: string; title: string; description?: string } }
  | { type: "button"; text: string; payload?: string }
  | { type: "reaction"; messageId: string; emoji: string }
  | { type: "unsupported" }
  | { type: "raw"; message: Record<string, unknown> }
) & { id?: string; timestamp?: Date | number; replyTo?: string };

export type TWhatsAppInbound = {
  phoneNumberId: string;
  /** The customer's phone number (`from`, `wa_id`). Leave it out for a username user who hides it. */
  from?: string | null;
  /** The business-scoped user id (`from_user_id`, `user_id`). */
  bsuid?: string | null;
  name: string;
  username?: string | null;
  messages: TWhatsAppInboundSpec[];
};

export type TInboundResult = TPostResult & {
  /** wamids / mids of the messages posted, in order. */
  messageIds: string[];
  /** Media ids stored for them (WhatsApp media ids; Messenger attachment ids). */
  mediaIds: string[];
  payload: unknown;
};

const DEFAULT_MIME: Record<string, string> = {
  image: "image/jpeg",
  video: "video/mp4",
  sticker: "image/webp",
  document: "application/pdf",
  audio: "audio/ogg; codecs=opus",
};

const ms = (t: Date | number | undefined, now: number) =>
  t === undefined ? now : typeof t === "number" ? t : t.getTime();

function storeFor(
  ctx: TGraphContext,
  account: TWhatsAppAccount,
  spec: TMediaSource & { type: string },
  fileName: string | null,
) {
  let media: TStoredMedia | undefined;
  if (spec.mediaId) media = ctx.state.media.get(spec.mediaId);
  else if (spec.bytes)
    media = ctx.state.storeMedia({
      bytes: spec.bytes,
      mimeType: spec.mimeType ?? DEFAULT_MIME[spec.type] ?? "application/octet-stream",
      fileName,
      channel: "whatsapp",
      accountId: account.phoneNumberId,
    });
  if (!media) throw new Error(`meta-graph: a ${spec.type} message needs bytes or a known mediaId`);
  const resolved: TResolvedMedia = {
    id: media.id,
    mime_type: media.mimeType,
    sha256: Buffer.from(media.sha256, "hex").toString("base64"),
  };
  return { media, resolved };
}

function whatsappBody(ctx: TGraphContext, account: TWhatsAppAccount, spec: TWhatsAppInboundSpec) {
  let stored: TStoredMedia | null = null;
  let body: TWhatsAppMessageBody;
  switch (spec.type) {
    case "image":
    case "video":
    case "sticker": {
      const { media, resolved } = storeFor(ctx, account, spec, null);
      stored = media;
      body = { type: spec.type, media: resolved, caption: spec.caption };
      break;
    }
    case "document": {
      const { media, resolved } = storeFor(ctx, account, spec, spec.fileName);
      stored = media;
      body = { type: "document", media: resolved, filename: spec.fileName, caption: spec.caption };
      break;
    }
    case "audio": {
      const { media, resolved } = storeFor(ctx, account, spec, null);
      stored = media;
      body = { type: "audio", media: resolved, voice: spec.voice ?? false };
      break;
    }
    case "text":
      body = { type: "text", text: { body: spec.text } };
      break;
    case "location":
      body = {
        type: "location",
        location: { latitude: spec.latitude, longitude: spec.longitude, name: spec.name, address: spec.address },
      };
      break;
    case "contacts":
      body = {
        type: "contacts",
        contacts: spec.contacts.map((c) => ({
          name: { formatted_name: c.name, first_name: c.name.split(" ")[0] },
          phones: (c.phones ?? []).map((phone) => ({ phone, type: "CELL", wa_id: phone.replace(/\D/g, "") })),
          emails: (c.emails ?? []).map((email) => ({ email, type: "HOME" })),
        })),
      };
      break;
    case "interactive":
      body = {
        type: "interactive",
        interactive:
          spec.reply.kind === "button"
            ? { type: "button_reply", button_reply: { id: spec.reply.id, title: spec.reply.title } }
            : {
                type: "list_reply",
                list_reply: { id: spec.reply.id, title: spec.reply.title, description: spec.reply.description },
              },
      };
      break;
    case "button":
      body = { type: "button", button: { text: spec.text, payload: spec.payload ?? spec.text } };
      break;
    case "reaction":
      body = { type: "reaction", reaction: { message_id: spec.messageId, emoji: spec.emoji } };
      break;
    case "unsupported":
      body = { type: "unsupported" };
      break;
    case "raw":
      body = { type: "raw", message: spec.message };
      break;
  }
  return { body, stored };
}

/** Builds one WhatsApp change for one customer; stores media and opens the window. */
export function buildWhatsAppChange(ctx: TGraphContext, input: TWhatsAppInbound) {
  const account = ctx.state.whatsapp.get(input.phoneNumberId);
  if (!account) throw new Error(`meta-graph: no WhatsApp number ${input.phoneNumberId}`);
  if (!input.from && !input.bsuid) throw new Error("meta-graph: an inbound WhatsApp message needs from or bsuid");
  const sender = { waId: input.from ?? null, bsuid: input.bsuid ?? null, name: input.name, username: input.username };
  const now = ctx.state.now();
  const messages: Record<string, unknown>[] = [];
  const mediaIds: string[] = [];
  const stored: (TStoredMedia | null)[] = [];
  for (const spec of input.messages) {
    const { body, stored: media } = whatsappBody(ctx, account, spec);
    if (media) mediaIds.push(media.id);
    stored.push(media);
    const at = ms(spec.timestamp, now);
    messages.push(
      whatsappMessage(sender, body, {
        id: spec.id ?? newWamid(),
        timestamp: at,
        context: spec.replyTo ? { id: spec.replyTo, from: account.displayPhoneNumber } : undefined,
      }),
    );
    ctx.state.noteInbound("whatsapp", account.phoneNumberId, [sender.waId, sender.bsuid], at);
  }
  ctx.state.linkIdentities(sender.waId, sender.bsuid);
  const change = whatsappChange(account, { contacts: [whatsappContact(sender)], messages });
  return { account, change, messageIds: messages.map((m) => String(m.id)), mediaIds, stored };
}

/**
 * Several customers' messages in one webhook, as Meta batches them: `changes` (default) puts
 * each in its own change of one entry per WABA; `entries` gives each its own entry. All must
 * belong to one Meta app (one app secret) and go to one webhook URL.
 */
export async function postWhatsAppBatch(
  ctx: TGraphContext,
  inputs: TWhatsAppInbound[],
  options: { layout?: "changes" | "entries" } = {},
): Promise<TInboundResult> {
  const built = inputs.map((input) => buildWhatsAppChange(ctx, input));
  const first = built[0]?.account;
  if (!first) throw new Error("meta-graph: nothing to post");
  if (built.some((b) => b.account.appSecret !== first.appSecret || b.account.webhookUrl !== first.webhookUrl))
    throw new Error("meta-graph: a batch must belong to one Meta app (same app secret and webhook URL)");
  if (!first.webhookUrl) throw new Error(`meta-graph: WhatsApp number ${first.phoneNumberId} has no webhookUrl`);
  const entries: { wabaId: string; changes: unknown[] }[] = [];
  for (const b of built) {
    const last = entries.at(-1);
    if (options.layout !== "entries" && last && last.wabaId === b.account.wabaId) last.changes.push(b.change);
    else entries.push({ wabaId: b.account.wabaId, changes: [b.change] });
  }
  const payload = whatsappEnvelope(entries);
  const result = await ctx.poster.post(first.webhookUrl, first.appSecret, payload);
  return {
    ...result,
    messageIds: built.flatMap((b) => b.messageIds),
    mediaIds: built.flatMap((b) => b.mediaIds),
    payload,
  };
}

// ── Messenger ───────────────────────────────────────────────────────────────────────────────

export type TMessengerInboundSpec = (
  | { type: "text"; text: string; quickReplyPayload?: string }
  | {
      type: "image" | "audio" | "video" | "file";
      bytes?: Uint8Array;
      mediaId?: string;
      mimeType?: string;
      fileName?: string;
    }
  | { type: "postback"; title: string; payload: string }
  | { type: "raw"; event: Record<string, unknown> }
) & { mid?: string; timestamp?: Date | number };

export type TMessengerInbound = {
  pageId: string;
  psid: string;
  /** The person's name, for the User Profile API (`GET /{psid}`); webhooks never carry it. */
  name?: string;
  messages: TMessengerInboundSpec[];
};

export function cdnUrl(ctx: TGraphContext, media: TStoredMedia) {
  return `${ctx.baseUrl()}/__cdn/${media.id}?oh=${ctx.state.cdnSignature(media.id)}`;
}

export function buildMessengerEvents(ctx: TGraphContext, input: TMessengerInbound) {
  const page = ctx.state.messenger.get(input.pageId);
  if (!page) throw new Error(`meta-graph: no Messenger page ${input.pageId}`);
  if (input.name) ctx.state.noteProfile(page.pageId, input.psid, input.name);
  const now = ctx.state.now();
  const events: Record<string, unknown>[] = [];
  const messageIds: string[] = [];
  const mediaIds: string[] = [];
  for (const spec of input.messages) {
    const timestamp = ms(spec.timestamp, now);
    const mid = spec.mid ?? newMid();
    if (spec.type === "raw") {
      events.push(spec.event);
      continue;
    }
    if (spec.type === "postback") {
      events.push(
        messengerPostbackEvent({
          pageId: page.pageId,
          psid: input.psid,
          title: spec.title,
          payload: spec.payload,
          timestamp,
        }),
      );
    } else if (spec.type === "text") {
      events.push(
        messengerMessageEvent({
          pageId: page.pageId,
          psid: input.psid,
          mid,
          timestamp,
          text: spec.text,
          quickReplyPayload: spec.quickReplyPayload,
        }),
      );
      messageIds.push(mid);
    } else {
      const media = spec.mediaId
        ? ctx.state.media.get(spec.mediaId)
        : spec.bytes
          ? ctx.state.storeMedia({
              bytes: spec.bytes,
              mimeType: spec.mimeType ?? "application/octet-stream",
              fileName: spec.fileName ?? null,
              channel: "messenger",
              accountId: page.pageId,
            })
          : undefined;
      if (!media) throw new Error(`meta-graph: a Messenger ${spec.type} needs bytes or a known mediaId`);
      mediaIds.push(media.id);
      events.push(
        messengerMessageEvent({
          pageId: page.pageId,
          psid: input.psid,
          mid,
          timestamp,
          attachments: [{ type: spec.type, url: cdnUrl(ctx, media) }],
        }),
      );
      messageIds.push(mid);
    }
    ctx.state.noteInbound("messenger", page.pageId, [input.psid], timestamp);
  }
  return { page, events, messageIds, mediaIds };
}

export async function postMessengerInbound(ctx: TGraphContext, inputs: TMessengerInbound[]): Promise<TInboundResult> {
  const built = inputs.map((input) => buildMessengerEvents(ctx, input));
  const first: TMessengerPage | undefined = built[0]?.page;
  if (!first) throw new Error("meta-graph: nothing to post");
  if (built.some((b) => b.page.appSecret !== first.appSecret || b.page.webhookUrl !== first.webhookUrl))
    throw new Error("meta-graph: a batch must belong to one Meta app (same app secret and webhook URL)");
  if (!first.webhookUrl) throw new Error(`meta-graph: Messenger page ${first.pageId} has no webhookUrl`);
  const entries: { pageId: string; messaging: unknown[] }[] = [];
  for (const b of built) {
    const last = entries.at(-1);
    if (last && last.pageId === b.page.pageId) last.messaging.push(...b.events);
    else entries.push({ pageId: b.page.pageId, messaging: b.events });
  }
  const payload = messengerEnvelope(entries);
  const result = await ctx.poster.post(first.webhookUrl, first.appSecret, payload);
  return {
    ...result,
    messageIds: built.flatMap((b) => b.messageIds),
    mediaIds: built.flatMap((b) => b.mediaIds),
    payload,
  };
}
