import type { TMessageContent, TReplyWindow } from "@forecourt/protocol";
import { graphDownload, graphJson } from "./graph-client";
import {
  metaTime,
  ZWhatsAppContact,
  ZWhatsAppMessage,
  ZWhatsAppStatus,
  ZWhatsAppValue,
  type TWhatsAppMessage,
} from "./meta-payload";
import {
  ChannelSendError,
  type TCapabilities,
  type TGraphEndpoint,
  type TIdentity,
  type TInboundEvent,
  type TMediaKind,
  type TOutboundMessage,
  type TRoutedEvents,
  type TStatusEvent,
  type TTemplateDefinition,
  type TWhatsAppConfig,
  type TWhatsAppSecrets,
} from "./types";

/** WhatsApp Cloud API. Free-form messages only within 24 h of the customer's last message. */
export const WHATSAPP_WINDOW_HOURS = 24;

export const WHATSAPP_CAPABILITIES: TCapabilities = {
  outboundMedia: [
    "image/jpeg",
    "image/png",
    "application/pdf",
    "audio/ogg",
    "audio/mpeg",
    "audio/mp4",
    "audio/aac",
    "video/mp4",
  ],
  templates: true,
};

export function whatsappReplyWindow(lastInboundAt: Date | null, now: Date): TReplyWindow {
  if (lastInboundAt) {
    const closesAt = new Date(lastInboundAt.getTime() + WHATSAPP_WINDOW_HOURS * 3_600_000);
    if (closesAt > now) return { state: "open", closesAt: closesAt.toISOString(), templates: true };
  }
  return { state: "closed", closesAt: null, templates: true };
}

export const whatsappRouteKey = (phoneNumberId: string) => `whatsapp:${phoneNumberId}`;

// ── inbound ──────────────────────────────────────────────────────────────────────────────────

/** One change's `value` (routed by metadata.phone_number_id) into normalised events. */
export function parseWhatsAppChange(value: unknown): TRoutedEvents | null {
  const parsed = ZWhatsAppValue.safeParse(value);
  if (!parsed.success) return null;
  const v = parsed.data;
  const names = new Map<string, string>();
  for (const raw of v.contacts ?? []) {
    const c = ZWhatsAppContact.safeParse(raw);
    if (!c.success || !c.data.profile?.name) continue;
    if (c.data.wa_id) names.set(`wa:${c.data.wa_id}`, c.data.profile.name);
    if (c.data.user_id) names.set(`bs:${c.data.user_id}`, c.data.profile.name);
  }
  const events: TInboundEvent[] = [];
  for (const raw of v.messages ?? []) {
    const m = ZWhatsAppMessage.safeParse(raw);
    if (!m.success) continue;
    const identities: TIdentity[] = [];
    if (m.data.from) identities.push({ kind: "wa_id", value: m.data.from });
    if (m.data.from_user_id) identities.push({ kind: "bsuid", value: m.data.from_user_id });
    if (identities.length === 0) continue; // nobody to answer: nothing to record
    const profileName =
      (m.data.from && names.get(`wa:${m.data.from}`)) ||
      (m.data.from_user_id && names.get(`bs:${m.data.from_user_id}`)) ||
      null;
    events.push({
      type: "message",
      externalId: m.data.id,
      identities,
      profileName,
      phone: m.data.from && /^\d{6,15}$/.test(m.data.from) ? m.data.from : null,
      sentAt: metaTime(m.data.timestamp),
      ...readableContent(m.data),
    });
  }
  for (const raw of v.statuses ?? []) {
    const s = ZWhatsAppStatus.safeParse(raw);
    if (!s.success) continue;
    const status = STATUS[s.data.status];
    if (!status) continue;
    const first = s.data.errors?.[0];
    const event: TStatusEvent = {
      type: "status",
      externalId: s.data.id,
      status,
      at: metaTime(s.data.timestamp),
      error:
        status === "FAILED"
          ? {
              code: first?.code === 131047 ? "reply_window_closed" : `whatsapp_${first?.code ?? "error"}`,
              message: first?.error_data?.details ?? first?.message ?? first?.title ?? "WhatsApp could not deliver it.",
              retryable: false,
            }
          : null,
    };
    events.push(event);
  }
  return { routeKey: whatsappRouteKey(v.metadata.phone_number_id), events };
}

const STATUS: Record<string, TStatusEvent["status"] | undefined> = {
  sent: "SENT",
  delivered: "DELIVERED",
  read: "READ",
  played: "PLAYED",
  failed: "FAILED",
};

const MEDIA_KINDS = ["image", "audio", "video", "document", "sticker"] as const;

function readableContent(
  m: TWhatsAppMessage,
): Pick<Extract<TInboundEvent, { type: "message" }>, "text" | "content" | "media"> {
  if (m.type === "text") return { text: m.text?.body ?? "", content: null, media: null };
  for (const kind of MEDIA_KINDS) {
    const media = m.type === kind ? m[kind] : undefined;
    if (!media) continue;
    const mediaKind: TMediaKind = kind === "audio" && media.voice ? "voice" : kind;
    return {
      text: media.caption ?? "",
      content: { type: "media", mediaKind, state: "pending" },
      media: { ref: media.id, mimeType: media.mime_type ?? null, fileName: media.filename ?? null, kind: mediaKind },
    };
  }
  if (m.type === "location" && m.location) {
    const { latitude, longitude, name, address } = m.location;
    if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
      const content: TMessageContent = { type: "location", latitude, longitude, name, address };
      return { text: ["📍", name, address].filter(Boolean).join(" ") || "📍 Location", content, media: null };
    }
  }
  if (m.type === "contacts" && m.contacts) {
    const contacts = m.contacts.map((c) => ({
      name: c.name?.formatted_name ?? c.name?.first_name ?? "",
      phones: (c.phones ?? []).map((p) => p.phone ?? p.wa_id ?? "").filter(Boolean),
      emails: (c.emails ?? []).map((e) => e.email ?? "").filter(Boolean),
    }));
    return {
      text: `Contact card: ${contacts.map((c) => c.name).join(", ")}`,
      content: { type: "contacts", contacts },
      media: null,
    };
  }
  if (m.type === "interactive" && m.interactive) {
    const reply = m.interactive.button_reply ?? m.interactive.list_reply;
    if (reply) return { text: reply.title, content: { type: "reply", id: reply.id, title: reply.title }, media: null };
  }
  if (m.type === "button" && m.button) {
    return {
      text: m.button.text,
      content: { type: "reply", id: m.button.payload ?? m.button.text, title: m.button.text },
      media: null,
    };
  }
  if (m.type === "reaction" && m.reaction) {
    const emoji = m.reaction.emoji ?? "";
    return {
      text: emoji ? `Reacted ${emoji}` : "Removed a reaction",
      content: { type: "reaction", emoji, toExternalId: m.reaction.message_id, toMessageId: null },
      media: null,
    };
  }
  return {
    text: `A ${m.type} message that Forecourt cannot show; open WhatsApp to see it.`,
    content: { type: "unsupported", originalType: m.type.slice(0, 64) },
    media: null,
  };
}

// ── outbound ─────────────────────────────────────────────────────────────────────────────────

export type TWhatsAppContext = { endpoint: TGraphEndpoint; config: TWhatsAppConfig; secrets: TWhatsAppSecrets };

/**
 * The recipient: the phone number (`to`) when we have it; a username user who hides it is
 * addressed by the BSUID in `recipient` (Meta's 2026 BSUID sends).
 */
export type TWhatsAppRecipient = { phone: string | null; bsuid: string | null };

type TSendResponse = { messages?: { id?: string }[] };

export async function sendWhatsApp(
  ctx: TWhatsAppContext,
  recipient: TWhatsAppRecipient,
  message: TOutboundMessage,
): Promise<{ externalId: string }> {
  if (!recipient.phone && !recipient.bsuid)
    throw new ChannelSendError({ code: "no_recipient", message: "This contact has no WhatsApp id.", retryable: false });
  const base = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    ...(recipient.phone ? { to: recipient.phone } : { recipient: recipient.bsuid }),
  };
  let body: Record<string, unknown>;
  if (message.kind === "text") body = { ...base, type: "text", text: { preview_url: false, body: message.text } };
  else if (message.kind === "template")
    body = {
      ...base,
      type: "template",
      template: {
        name: message.name,
        language: { code: message.language },
        ...(message.variables.length > 0
          ? { components: [{ type: "body", parameters: message.variables.map((text) => ({ type: "text", text })) }] }
          : {}),
      },
    };
  else {
    const mediaId = await uploadWhatsAppMedia(ctx, message.bytes, message.mimeType, message.fileName);
    const media: Record<string, string> = { id: mediaId };
    if (message.caption && message.mediaKind !== "audio") media.caption = message.caption;
    if (message.mediaKind === "document") media.filename = message.fileName;
    body = { ...base, type: message.mediaKind, [message.mediaKind]: media };
  }
  const response = await graphJson<TSendResponse>(ctx.endpoint, {
    method: "POST",
    path: `${ctx.config.phoneNumberId}/messages`,
    token: ctx.secrets.accessToken,
    json: body,
  });
  const externalId = response?.messages?.[0]?.id;
  if (!externalId)
    throw new ChannelSendError({
      code: "service_error",
      message: "Meta accepted the message but gave no id.",
      retryable: true,
    });
  return { externalId };
}

async function uploadWhatsAppMedia(ctx: TWhatsAppContext, bytes: Uint8Array, mimeType: string, fileName: string) {
  const form = new FormData();
  form.append("messaging_product", "whatsapp");
  form.append("type", mimeType);
  form.append("file", new Blob([Buffer.from(bytes)], { type: mimeType }), fileName);
  const response = await graphJson<{ id?: string }>(ctx.endpoint, {
    method: "POST",
    path: `${ctx.config.phoneNumberId}/media`,
    token: ctx.secrets.accessToken,
    form,
  });
  if (!response?.id)
    throw new ChannelSendError({ code: "media_upload_failed", message: "Meta gave no media id.", retryable: true });
  return response.id;
}

/** Inbound media: look the id up (its URL lives about 5 minutes), then download with the same token. */
export async function fetchWhatsAppMedia(
  ctx: TWhatsAppContext,
  mediaId: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; mimeType: string | null }> {
  const info = await graphJson<{ url?: string; mime_type?: string; file_size?: number }>(ctx.endpoint, {
    method: "GET",
    path: encodeURIComponent(mediaId),
    token: ctx.secrets.accessToken,
  });
  if (!info?.url)
    throw new ChannelSendError({ code: "media_download_failed", message: "Meta gave no media URL.", retryable: true });
  if (info.file_size && info.file_size > maxBytes)
    throw new ChannelSendError({
      code: "media_too_large",
      message: "The file is too large to keep.",
      retryable: false,
    });
  const { bytes, contentType } = await graphDownload(ctx.endpoint, info.url, ctx.secrets.accessToken, maxBytes);
  return { bytes, mimeType: info.mime_type ?? contentType };
}

type TTemplatePage = {
  data?: {
    name?: string;
    language?: string;
    category?: string;
    status?: string;
    components?: { type?: string; text?: string }[];
  }[];
  paging?: { cursors?: { after?: string }; next?: string };
};

const TEMPLATE_STATUSES = new Set(["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"]);

/** The WABA's templates (all pages, at most 20 × 100). */
export async function listWhatsAppTemplates(ctx: TWhatsAppContext): Promise<TTemplateDefinition[]> {
  const out: TTemplateDefinition[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page++) {
    const query = new URLSearchParams({ fields: "name,language,category,status,components", limit: "100" });
    if (after) query.set("after", after);
    const response = await graphJson<TTemplatePage>(ctx.endpoint, {
      method: "GET",
      path: `${ctx.config.wabaId}/message_templates?${query.toString()}`,
      token: ctx.secrets.accessToken,
    });
    for (const t of response?.data ?? []) {
      if (!t.name || !t.language) continue;
      const body = t.components?.find((c) => c.type?.toUpperCase() === "BODY")?.text ?? "";
      const status = (t.status ?? "PENDING").toUpperCase();
      out.push({
        name: t.name.slice(0, 512),
        language: t.language.slice(0, 20),
        category: (t.category ?? "UTILITY").toUpperCase().slice(0, 40),
        status: (TEMPLATE_STATUSES.has(status) ? status : "PENDING") as TTemplateDefinition["status"],
        body: body.slice(0, 4096),
        variableCount: templateVariableCount(body),
      });
    }
    after = response?.paging?.next ? response.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return out;
}

/** The highest {{n}} in a template body (Meta numbers them 1…n). */
export function templateVariableCount(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\{\{\s*(\d{1,2})\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The template's body with its variables filled (what the inbox shows and stores as the message text). */
export function fillTemplate(body: string, variables: readonly string[]): string {
  return body.replace(/\{\{\s*(\d{1,2})\s*\}\}/g, (whole, n: string) => variables[Number(n) - 1] ?? whole);
}

/** Blue ticks for the customer: marks their message (and every earlier one) read. */
export async function markWhatsAppRead(ctx: TWhatsAppContext, wamid: string): Promise<void> {
  await graphJson(ctx.endpoint, {
    method: "POST",
    path: `${ctx.config.phoneNumberId}/messages`,
    token: ctx.secrets.accessToken,
    json: { messaging_product: "whatsapp", status: "read", message_id: wamid },
  });
}
