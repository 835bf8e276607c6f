"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  ClipboardList,
  ExternalLink,
  FileText,
  LayoutTemplate,
  Lock,
  MapPin,
  Mic,
  Paperclip,
  Pencil,
  TriangleAlert,
  UserRound,
} from "lucide-react";
import type { TChannelType, TMessageContent, TMessageEvent } from "@forecourt/protocol";
import { useChannelLabel } from "@/components/channel-badge";
import { DeliveryTicks } from "./delivery-ticks";
import { EmailDetails, EmailHeader } from "./email-message";
import { attachmentView, mapUrl, telHref } from "./message-content";

/*
 * One message in the conversation pane. Everything in a message came from outside (the
 * customer, the channel): it is rendered as React text, which escapes it; never as HTML.
 */

/** Content cards that stand in for the body (the body then only holds a text fallback for previews and search). */
const REPLACES_BODY = new Set<TMessageContent["type"]>([
  "location",
  "contacts",
  "reply",
  "reaction",
  "unsupported",
  "form_request",
  "form_result",
]);

/**
 * The words core stores as the body of media without a caption (core/channels
 * record-inbound-events.ts MEDIA_WORD): the player or the "Receiving…" line says it already.
 */
const MEDIA_FALLBACK = new Set(["Photo", "Audio", "Voice note", "Video", "Document", "Sticker", "File"]);

function bodyShown(m: TMessageEvent): boolean {
  if (!m.body) return false;
  if (!m.content) return true;
  if (REPLACES_BODY.has(m.content.type)) return false;
  return !(m.content.type === "media" && MEDIA_FALLBACK.has(m.body));
}

export function MessageBubble(props: {
  m: TMessageEvent;
  seen: boolean;
  channelType: TChannelType;
  /** Emoji the customer (or anyone) reacted to this message with. */
  reactions: string[];
  retrying: boolean;
  onRetry: (messageId: string) => void;
}) {
  const { m } = props;
  const t = useTranslations("chat");
  const format = useFormatter();
  const mine = m.authorType !== "CONTACT";
  const note = m.kind === "NOTE";
  const content = m.content;
  const showBody = bodyShown(m);
  const failed = m.delivery?.status === "FAILED";
  return (
    <li
      data-testid={note ? "note" : "message"}
      data-message-id={m.id}
      className={`relative rounded-xl border px-3 py-2 text-sm ${
        // An e-mail (and its original in a frame) gets the pane's width; chat bubbles stay narrow.
        content?.type === "email" ? "w-full max-w-full sm:max-w-[92%]" : "max-w-[85%] sm:max-w-[75%]"
      } ${props.reactions.length > 0 ? "mb-3" : ""} ${
        note
          ? "self-end border-amber-200 bg-amber-50"
          : failed
            ? "self-end border-red-200 bg-red-50/60"
            : mine
              ? "self-end border-brand-100 bg-brand-50"
              : "self-start border-zinc-200 bg-white"
      }`}
    >
      <span className="mb-0.5 flex items-center gap-1 text-[11px] font-medium text-zinc-500">
        {note ? <Lock className="size-3" aria-hidden="true" /> : null}
        {m.authorType === "MANAGED_AGENT"
          ? t("managedAuthor", { name: m.author?.name ?? "" })
          : m.author?.name || (mine ? "" : t("anonymous"))}
        {m.authorType === "BOT" ? (
          <span
            className="rounded bg-violet-100 px-1 py-px text-[10px] font-semibold text-violet-800"
            data-testid="bot-badge"
          >
            {t("botBadge")}
          </span>
        ) : null}
        {note ? ` · ${t("privateNote")}` : ""}
        <time className="ml-1 font-normal text-zinc-500" dateTime={m.createdAt}>
          {format.dateTime(new Date(m.createdAt), { hour: "2-digit", minute: "2-digit" })}
        </time>
      </span>
      {content ? <ContentView content={content} channelType={props.channelType} /> : null}
      {showBody ? <p className="whitespace-pre-wrap break-words">{m.body}</p> : null}
      {content?.type === "email" ? <EmailDetails content={content} messageId={m.id} /> : null}
      {m.attachments.length > 0 ? (
        <div className="mt-1 flex flex-col gap-1.5">
          {m.attachments.map((a) => (
            <Attachment key={a.id} a={a} voice={content?.type === "media" && content.mediaKind === "voice"} />
          ))}
        </div>
      ) : null}
      {m.delivery && mine && !note ? (
        <DeliveryTicks delivery={m.delivery} retrying={props.retrying} onRetry={() => props.onRetry(m.id)} />
      ) : props.seen ? (
        <span className="block text-right text-[11px] text-zinc-500">{t("seen")}</span>
      ) : null}
      {props.reactions.length > 0 ? (
        <span
          className={`absolute -bottom-3 ${mine ? "left-2" : "right-2"} rounded-full border border-zinc-200 bg-white px-1.5 text-[13px] leading-5 shadow-sm`}
          data-testid="reactions"
          aria-label={t("content.reactions", { emoji: props.reactions.join(" ") })}
        >
          {props.reactions.join(" ")}
        </span>
      ) : null}
    </li>
  );
}

/** A reaction to a message that is not loaded (older than the page, or unknown): a small line of its own. */
export function ReactionLine({ m }: { m: TMessageEvent }) {
  const t = useTranslations("chat");
  if (m.content?.type !== "reaction" || !m.content.emoji) return null;
  return (
    <li className="self-start px-1 text-[12px] text-zinc-500" data-testid="reaction-line">
      {m.author?.name ? `${m.author.name} · ` : ""}
      {t("content.reaction", { emoji: m.content.emoji })}
    </li>
  );
}

function ContentView({ content, channelType }: { content: TMessageContent; channelType: TChannelType }) {
  const t = useTranslations("chat");
  const channelLabel = useChannelLabel();
  switch (content.type) {
    case "location":
      return (
        <div
          className="my-1 w-64 max-w-full overflow-hidden rounded-lg border border-zinc-200 bg-white"
          data-testid="location-card"
        >
          <div className="flex gap-2 p-2.5">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-emerald-50 text-emerald-700">
              <MapPin className="size-4" aria-hidden="true" />
            </span>
            <div className="min-w-0">
              <p className="truncate text-[13px] font-medium text-zinc-900">{content.name || t("content.location")}</p>
              {content.address ? <p className="text-[12px] text-zinc-600">{content.address}</p> : null}
              <p className="text-[11px] text-zinc-500 tabular-nums">
                {content.latitude.toFixed(5)}, {content.longitude.toFixed(5)}
              </p>
            </div>
          </div>
          <a
            href={mapUrl(content.latitude, content.longitude)}
            target="_blank"
            rel="noopener noreferrer"
            className="flex items-center gap-1 border-t border-zinc-100 px-2.5 py-1.5 text-[12px] font-medium text-brand-700 hover:bg-zinc-50"
          >
            {t("content.openMap")}
            <ExternalLink className="size-3" aria-hidden="true" />
          </a>
        </div>
      );
    case "contacts":
      return (
        <div className="my-1 flex flex-col gap-1.5">
          {content.contacts.map((c, i) => (
            <div
              key={i}
              className="w-64 max-w-full rounded-lg border border-zinc-200 bg-white p-2.5"
              data-testid="contact-card"
            >
              <p className="flex items-center gap-1.5 text-[13px] font-medium text-zinc-900">
                <UserRound className="size-3.5 text-zinc-500" aria-hidden="true" />
                <span className="truncate">{c.name || t("content.sharedContact")}</span>
              </p>
              <ul className="mt-1 flex flex-col gap-0.5 text-[12px]">
                {c.phones.map((phone, j) => {
                  const href = telHref(phone);
                  return (
                    <li key={`p${j}`}>
                      {href ? (
                        <a href={href} className="text-brand-700 underline-offset-2 hover:underline">
                          {phone}
                        </a>
                      ) : (
                        phone
                      )}
                    </li>
                  );
                })}
                {c.emails.map((email, j) => (
                  <li key={`e${j}`} className="truncate">
                    <a href={`mailto:${email}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {email}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      );
    case "reply":
      return (
        <p className="whitespace-pre-wrap break-words text-zinc-600" data-testid="interactive-reply">
          {t.rich("content.tapped", {
            title: content.title,
            b: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
          })}
        </p>
      );
    case "edit":
      // The customer changed an earlier message (Telegram): the new text is the body below; the original stays.
      return (
        <p className="mb-0.5 flex items-center gap-1 text-[11px] text-zinc-500" data-testid="edit-label">
          <Pencil className="size-3" aria-hidden="true" />
          {t("content.edited")}
        </p>
      );
    case "reaction":
      return (
        <p className="text-[13px] text-zinc-600">
          {content.emoji ? t("content.reaction", { emoji: content.emoji }) : null}
        </p>
      );
    case "media":
      if (content.state === "pending") {
        const audio = content.mediaKind === "voice" || content.mediaKind === "audio";
        return (
          <div
            role="status"
            data-testid="media-pending"
            className={`my-1 flex animate-pulse items-center justify-center gap-2 rounded-lg bg-zinc-200/70 text-[12px] text-zinc-600 ${
              audio ? "h-10 w-56" : "h-28 w-56"
            } max-w-full`}
          >
            {audio ? <Mic className="size-3.5" aria-hidden="true" /> : null}
            {t("content.receiving", { kind: content.mediaKind })}
          </div>
        );
      }
      if (content.state === "failed") {
        return (
          <p className="my-1 flex items-start gap-1.5 text-[12px] text-red-700" data-testid="media-failed">
            <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
            {content.reason
              ? t("content.mediaFailed", { kind: content.mediaKind, reason: content.reason })
              : t("content.mediaFailedNoReason", { kind: content.mediaKind })}
          </p>
        );
      }
      return null;
    case "template":
      return (
        <p className="mb-0.5 flex items-center gap-1 text-[11px] text-zinc-500" data-testid="template-label">
          <LayoutTemplate className="size-3" aria-hidden="true" />
          {t("content.template", { name: content.name, language: content.language })}
        </p>
      );
    case "email":
      return <EmailHeader content={content} />;
    case "form_request":
      return (
        <div data-testid="form-request">
          <p className="flex items-center gap-1 text-[13px] font-medium">
            <ClipboardList className="size-3.5" aria-hidden="true" />
            {t("content.formSent", { name: content.name })}
          </p>
          <p className="text-[12px] text-zinc-500">{content.fields.map((f) => f.label).join(" · ")}</p>
        </div>
      );
    case "form_result":
      return (
        <div data-testid="form-result">
          <p className="mb-1 flex items-center gap-1 text-[13px] font-medium">
            <ClipboardList className="size-3.5" aria-hidden="true" />
            {t("content.formResult", { name: content.formName })}
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[13px]">
            {content.answers.map((a) => (
              <div key={a.key} className="contents">
                <dt className="text-zinc-500">{a.label}</dt>
                <dd className="break-words whitespace-pre-wrap">
                  {typeof a.value === "string"
                    ? a.value
                    : [a.value.make, a.value.model, a.value.year, a.value.plate].filter(Boolean).join(" ")}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      );
    case "unsupported":
      return (
        <p className="text-[13px] text-zinc-500 italic" data-testid="unsupported">
          {t("content.unsupported", { type: content.originalType, channel: channelLabel(channelType) })}
        </p>
      );
  }
}

function Attachment({ a, voice }: { a: TMessageEvent["attachments"][number]; voice: boolean }) {
  const t = useTranslations("chat");
  const view = attachmentView(a.mimeType);
  const size = `${Math.max(1, Math.ceil(a.sizeBytes / 1024))} KB`;
  if (view === "image") {
    return (
      <a href={a.url} download={a.fileName} className="block w-fit" title={t("content.download", { name: a.fileName })}>
        {/* A signed link to our own origin (img-src 'self'); shown small, downloaded on click. */}
        <img
          src={a.url}
          alt={a.fileName}
          loading="lazy"
          className="max-h-56 max-w-full rounded-lg border border-zinc-200 bg-white object-contain sm:max-w-60"
          data-testid="image-attachment"
        />
      </a>
    );
  }
  if (view === "audio") {
    return (
      <div className="flex flex-col gap-0.5" data-testid="audio-attachment">
        {voice ? (
          <span className="flex items-center gap-1 text-[11px] text-zinc-500">
            <Mic className="size-3" aria-hidden="true" />
            {t("content.voiceNote")}
          </span>
        ) : null}
        <audio controls preload="metadata" src={a.url} className="h-10 w-64 max-w-full">
          <a href={a.url} download={a.fileName}>
            {a.fileName}
          </a>
        </audio>
      </div>
    );
  }
  if (view === "video") {
    return (
      <video
        controls
        preload="metadata"
        src={a.url}
        className="max-h-72 max-w-full rounded-lg border border-zinc-200 bg-black"
        data-testid="video-attachment"
      >
        <a href={a.url} download={a.fileName}>
          {a.fileName}
        </a>
      </video>
    );
  }
  return (
    <a
      href={a.url}
      download={a.fileName}
      className="flex w-fit max-w-full items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px] text-brand-700 hover:bg-zinc-50"
      data-testid="file-attachment"
    >
      {a.mimeType === "application/pdf" ? (
        <FileText className="size-3.5 shrink-0" aria-hidden="true" />
      ) : (
        <Paperclip className="size-3.5 shrink-0" aria-hidden="true" />
      )}
      <span className="truncate">{a.fileName}</span>
      <span className="shrink-0 text-[11px] text-zinc-500">({size})</span>
    </a>
  );
}
