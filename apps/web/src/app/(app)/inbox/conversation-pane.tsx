"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { Socket } from "socket.io-client";
import { Check, ClipboardList, Lock, Paperclip, RotateCcw, Send, UserRound } from "lucide-react";
import type { TConversationDetail } from "@forecourt/core/chat/get-conversation";
import type { TInboxRow } from "@forecourt/core/chat/list-conversations";
import { ATTACHMENT_TYPES, fillCannedReply, type TMessageEvent } from "@forecourt/protocol";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import { ContactPanel } from "./contact-panel";
import { VehicleOfInterest } from "./vehicle-of-interest";
import { SNOOZE_FORMAT, typingInField, type TCan, type TCanned, type TTeam } from "./inbox-shared";
import { MessageBubble, ReactionLine } from "./message-bubble";
import { reactionsOf } from "./message-content";
import { ReplyWindowNotice, useWindowNotice } from "./reply-window-notice";
import { SmsSegmentCount } from "./sms-segment-count";
import { SnoozeMenu } from "./snooze-menu";
import { FormPicker } from "./form-picker";
import { TemplatePicker } from "./template-picker";
import { ActivityLine, LabelChip, LabelPicker, PRIORITIES, type TPriority } from "./workflow-bits";

const BTN =
  "flex items-center gap-1 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px] text-zinc-700 hover:bg-zinc-50";

type TPending = { clientId: string; body: string; kind: "TEXT" | "NOTE"; failed?: boolean };

/**
 * What the agent's file picker offers: the attachment types core accepts (pictures, PDFs, audio
 * such as voice notes, video; the upload checks type and magic bytes), plus audio extensions
 * for systems that map no MIME type to them.
 */
const AGENT_FILE_ACCEPT = [...ATTACHMENT_TYPES, ".ogg", ".opus", ".mp3", ".m4a"].join(",");

/** The refusal that means "outside the reply window: only a template now" (ack and HTTP alike). */
const WINDOW_CLOSED = "reply_window_closed";

function newClientId() {
  return crypto.randomUUID();
}

export function ConversationPane(props: {
  me: { id: string; name: string };
  detail: NonNullable<TConversationDetail>;
  row: TInboxRow | null;
  messages: Map<number, TMessageEvent>;
  hasOlder: boolean;
  loadOlder: () => Promise<void>;
  typing: boolean;
  socket: RefObject<Socket | null>;
  team: TTeam;
  canned: TCanned;
  can: TCan;
  onMessages: (m: TMessageEvent[]) => void;
  /** A message changed (Retry's answer): replace it by id, as for message:update. */
  onMessageUpdate: (m: TMessageEvent) => void;
  onChanged: () => void;
  /** Re-read the conversation (its reply window) without reloading its messages. */
  onWindowChanged: () => void;
}) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const { detail } = props;
  const [text, setText] = useState("");
  const [mode, setMode] = useState<"TEXT" | "NOTE">("TEXT");
  const [pending, setPending] = useState<TPending[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [pickerIndex, setPickerIndex] = useState(0);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [formsOpen, setFormsOpen] = useState(false);
  // Below xl the contact panel is a drawer (tablet) or a stacked view (phone), opened from the header.
  const [contactOpen, setContactOpen] = useState(false);
  const [retrying, setRetrying] = useState<Set<string>>(new Set());
  const listRef = useRef<HTMLOListElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const assignRef = useRef<HTMLSelectElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const lastTyping = useRef(0);
  const stick = useRef(true);
  const prevHeight = useRef(0);

  const sorted = useMemo(() => [...props.messages.values()].sort((a, b) => a.seq - b.seq), [props.messages]);
  const dealer = props.team.dealers.find((d) => d.id === detail.dealer?.id);
  const colleagues = props.team.users.filter(
    (u) => u.dealerIds.length === 0 || (detail.dealer && u.dealerIds.includes(detail.dealer.id)),
  );
  const query = text.startsWith("/") ? text.slice(1).toLowerCase() : "";
  const cannedMatches = props.canned.filter(
    (c) =>
      (!c.dealerId || c.dealerId === detail.dealer?.id) &&
      (c.shortcut.includes(query) || c.title.toLowerCase().includes(query)),
  );
  const lastAgentSeq = [...sorted].reverse().find((m) => m.authorType !== "CONTACT" && m.kind !== "NOTE")?.seq ?? 0;
  const reactions = useMemo(() => reactionsOf(sorted), [sorted]);
  const channelLabel = useChannelLabel();
  const notice = useWindowNotice(detail.replyWindow);
  // Free text (and files) are refused while the window is closed; private notes never are.
  const replyClosed = notice.kind === "closed";
  const composerOff = mode === "TEXT" && replyClosed;

  // The window ran out on this clock: ask the server for its state now (Messenger moves on to
  // the human-agent period; WhatsApp stays closed until the customer writes).
  const expired = notice.kind === "closed" && notice.expired;
  const { onWindowChanged } = props;
  useEffect(() => {
    if (expired) onWindowChanged();
  }, [expired, onWindowChanged]);

  // Keep the view pinned to the bottom for new messages; keep position when older ones load above.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    if (stick.current) list.scrollTop = list.scrollHeight;
    else if (prevHeight.current && list.scrollHeight > prevHeight.current && list.scrollTop < 40) {
      list.scrollTop = list.scrollHeight - prevHeight.current;
    }
    prevHeight.current = list.scrollHeight;
  }, [sorted, pending]);

  // Callers fire and forget (`void act(...)`), so act never rejects: a failed fetch (offline,
  // server down) shows the same error line as a refused action.
  async function act(body: object) {
    setError(null);
    const res = await fetch(`/api/inbox/conversations/${detail.id}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!res) setError(t("actionError"));
    else if (!res.ok) setError(((await res.json().catch(() => ({}))) as { error?: string }).error ?? t("actionError"));
    props.onChanged();
  }

  // The timeline: messages by seq, with each activity line placed before the first message
  // written after it. With older messages still unloaded, older activity waits for them too.
  const timeline = useMemo(() => {
    const from = props.hasOlder && sorted[0] ? sorted[0].createdAt : "";
    const activity = detail.activity.filter((a) => a.createdAt >= from);
    const out: ({ kind: "m"; m: TMessageEvent } | { kind: "a"; a: (typeof activity)[number] })[] = [];
    let i = 0;
    for (const m of sorted) {
      while (i < activity.length && activity[i]!.createdAt <= m.createdAt) out.push({ kind: "a", a: activity[i++]! });
      out.push({ kind: "m", m });
    }
    while (i < activity.length) out.push({ kind: "a", a: activity[i++]! });
    return out;
  }, [sorted, detail.activity, props.hasOlder]);

  function emitSend(p: TPending) {
    const socket = props.socket.current;
    if (!socket?.connected) {
      setPending((ps) => ps.map((x) => (x.clientId === p.clientId ? { ...x, failed: true } : x)));
      return;
    }
    socket
      .timeout(10_000)
      .emit(
        "message:send",
        { conversationId: detail.id, clientId: p.clientId, body: p.body, kind: p.kind },
        (err: unknown, ack: { ok: boolean; error?: { code: string; message: string } }) => {
          if (err || ack.error?.code === "unavailable") {
            setPending((ps) => ps.map((x) => (x.clientId === p.clientId ? { ...x, failed: true } : x)));
            return;
          }
          if (!ack.ok) refused(ack.error?.code, ack.error?.message);
          setPending((ps) => ps.filter((x) => x.clientId !== p.clientId));
        },
      );
  }

  // Resend what was not acked, with the same clientId, when the socket comes back.
  useEffect(() => {
    const socket = props.socket.current;
    if (!socket) return;
    const retry = () => setPending((ps) => (ps.forEach((p) => emitSend(p)), ps));
    socket.on("connect", retry);
    return () => {
      socket.off("connect", retry);
    };
  });

  /** Shows a refusal; outside the reply window it also opens the template picker (or re-reads the window). */
  function refused(code: string | undefined, message: string | undefined) {
    setError(message ?? t("sendError"));
    if (code === WINDOW_CLOSED) {
      props.onWindowChanged();
      if (detail.replyWindow.templates && props.can.reply) setTemplatesOpen(true);
    }
  }

  async function retryDelivery(messageId: string) {
    setError(null);
    setRetrying((s) => new Set(s).add(messageId));
    // Fired and forgotten from the button: a failed fetch shows the error line, never rejects.
    const res = await fetch(`/api/inbox/messages/${messageId}/retry`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    setRetrying((s) => {
      const next = new Set(s);
      next.delete(messageId);
      return next;
    });
    if (!res) return setError(t("actionError"));
    const body = (await res.json().catch(() => ({}))) as { message?: TMessageEvent; error?: string; code?: string };
    // Outside the reply window a retry of free text is refused like a new reply: offer a template.
    if (!res.ok) refused(body.code, body.error ?? t("actionError"));
    // Queued again; later states arrive as message:update.
    else if (body.message) props.onMessageUpdate(body.message);
  }

  function send() {
    const body = text.trim();
    if (!body || composerOff) return;
    const p: TPending = { clientId: newClientId(), body, kind: mode };
    setPending((ps) => [...ps, p]);
    setText("");
    stick.current = true;
    emitSend(p);
  }

  function insertCanned(index: number) {
    const c = cannedMatches[index];
    if (!c) return;
    const name = detail.contact?.name?.trim() || null;
    setText(
      fillCannedReply(c.body, {
        "contact.name": name,
        "contact.first_name": name?.split(/\s+/)[0] ?? null,
        "agent.name": props.me.name,
        "dealer.name": detail.dealer?.name ?? null,
      }),
    );
    setPickerOpen(false);
    composerRef.current?.focus();
  }

  async function upload(file: File) {
    const data = new FormData();
    data.set("file", file);
    data.set("conversationId", detail.id);
    data.set("clientId", newClientId());
    setError(null);
    // Fired and forgotten from the file input, so a failed fetch must not reject: show it.
    const res = await fetch("/api/inbox/upload", { method: "POST", body: data }).catch(() => null);
    if (!res) return setError(t("sendError"));
    const body = (await res.json().catch(() => ({}))) as { message?: TMessageEvent; error?: string; code?: string };
    if (!res.ok) refused(body.code, body.error);
    else if (body.message) props.onMessages([body.message]);
  }

  // Shortcuts for the open conversation: e close, a assign, / canned replies.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "e" && props.can.manage && detail.status !== "CLOSED") {
        event.preventDefault();
        void act({ action: "close" });
      } else if (event.key === "a" && props.can.assign) {
        event.preventDefault();
        assignRef.current?.focus();
      } else if (event.key === "/") {
        event.preventDefault();
        setText("/");
        setPickerOpen(true);
        setPickerIndex(0);
        composerRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const contactName = detail.contact?.name || t("anonymous");
  return (
    // min-h-0: the pane fills the column and its message list scrolls, so the composer stays in view.
    <div className="flex min-h-0 min-w-0 flex-1">
      <section className="flex min-w-0 flex-1 flex-col" aria-label={contactName}>
        <header
          className="flex min-h-14 shrink-0 flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 px-5 py-2"
          data-testid="conversation-header"
        >
          <div className="flex min-w-32 flex-1 items-center gap-2.5">
            <ChannelIcon type={detail.channelType} size="md" />
            <div className="min-w-0 flex-1">
              <h2 className="truncate text-[15px] font-semibold text-zinc-900" data-testid="conversation-title">
                {contactName}
              </h2>
              <p className="truncate text-[12px] text-zinc-500">
                {detail.subject ? `${detail.subject} · ` : ""}
                {channelLabel(detail.channelType)} · {detail.dealer?.name}
                {detail.department ? ` · ${detail.department.name}` : ""} ·{" "}
                {detail.status === "SNOOZED" && detail.snoozedUntil
                  ? t("snoozedUntil", { at: format.dateTime(new Date(detail.snoozedUntil), SNOOZE_FORMAT) })
                  : t(`status.${detail.status}`)}
              </p>
            </div>
          </div>
          <button
            type="button"
            onClick={() => setContactOpen(true)}
            aria-expanded={contactOpen}
            aria-controls="contact-panel"
            className={`${BTN} xl:hidden`}
            data-testid="open-contact-panel"
          >
            <UserRound className="size-3.5" aria-hidden="true" /> {t("contact.title")}
          </button>
          {props.can.assign ? (
            <>
              <select
                ref={assignRef}
                aria-label={t("assignee")}
                title={`${t("assignee")} (A)`}
                value={detail.assigneeId ?? ""}
                onChange={(e) => void act({ action: "assign", assigneeId: e.target.value || null })}
                className="max-w-56 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px]"
              >
                <option value="">{t("unassigned")}</option>
                {colleagues.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.id === props.me.id ? t("me", { name: u.name }) : u.name}
                  </option>
                ))}
              </select>
              <select
                aria-label={t("department")}
                value={detail.department?.id ?? ""}
                onChange={(e) => void act({ action: "transfer", departmentId: e.target.value || null })}
                className="max-w-32 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px]"
              >
                <option value="">{t("noDepartment")}</option>
                {(dealer?.departments ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
              <select
                aria-label={t("priority")}
                title={t("priority")}
                value={detail.priority}
                onChange={(e) => void act({ action: "priority", priority: e.target.value as TPriority })}
                data-testid="priority-select"
                className="max-w-28 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px]"
              >
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`priorities.${p}`)}
                  </option>
                ))}
              </select>
              <LabelPicker
                dealerId={detail.dealer?.id ?? null}
                applied={detail.labels}
                onToggle={(label, on) => act({ action: on ? "label" : "unlabel", labelId: label.id })}
              />
            </>
          ) : null}
          {props.can.manage ? (
            detail.status === "CLOSED" ? (
              <button type="button" onClick={() => void act({ action: "reopen" })} className={BTN}>
                <RotateCcw className="size-3.5" aria-hidden="true" /> {t("reopen")}
              </button>
            ) : (
              <>
                {detail.status === "SNOOZED" ? (
                  <button type="button" onClick={() => void act({ action: "reopen" })} className={BTN}>
                    <RotateCcw className="size-3.5" aria-hidden="true" /> {t("wakeNow")}
                  </button>
                ) : (
                  <SnoozeMenu className={BTN} onSnooze={(until) => void act({ action: "snooze", until })} />
                )}
                <button
                  type="button"
                  onClick={() => void act({ action: "close" })}
                  className={BTN}
                  title={`${t("close")} (E)`}
                >
                  <Check className="size-3.5" aria-hidden="true" /> {t("close")}
                </button>
              </>
            )
          ) : null}
          {detail.vehicleOfInterest ? <VehicleOfInterest vehicle={detail.vehicleOfInterest} compact /> : null}
          {detail.labels.length > 0 ? (
            <div className="flex w-full flex-wrap gap-1" aria-label={t("labels")} data-testid="conversation-labels">
              {detail.labels.map((l) => (
                <LabelChip
                  key={l.id}
                  label={l}
                  onRemove={props.can.assign ? () => void act({ action: "unlabel", labelId: l.id }) : undefined}
                />
              ))}
            </div>
          ) : null}
        </header>
        <ol
          ref={listRef}
          className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto bg-zinc-50 px-5 py-4"
          data-testid="message-list"
          aria-live="polite"
          onScroll={(e) => {
            const el = e.currentTarget;
            stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
            if (el.scrollTop < 40 && props.hasOlder) void props.loadOlder();
          }}
        >
          {props.hasOlder ? (
            <li className="text-center">
              <button type="button" onClick={() => void props.loadOlder()} className="text-[12px] text-brand-600">
                {t("loadOlder")}
              </button>
            </li>
          ) : null}
          {sorted.length === 0 ? <li className="m-auto text-sm text-zinc-500">{t("noMessages")}</li> : null}
          {timeline.map((item) => {
            if (item.kind === "a") return <ActivityLine key={item.a.id} a={item.a} />;
            const m = item.m;
            return m.content?.type === "reaction" ? (
              // On the message it reacts to when that is loaded; else a small line of its own.
              reactions.placed.has(m.id) ? null : (
                <ReactionLine key={m.seq} m={m} />
              )
            ) : (
              <MessageBubble
                key={m.seq}
                m={m}
                seen={m.seq === lastAgentSeq && detail.contactReadSeq >= m.seq}
                channelType={detail.channelType}
                reactions={reactions.byTarget.get(m.id) ?? []}
                retrying={retrying.has(m.id)}
                onRetry={(id) => void retryDelivery(id)}
              />
            );
          })}
          {pending.map((p) => (
            <li
              key={p.clientId}
              className={`max-w-[75%] self-end rounded-xl border px-3 py-2 text-sm opacity-70 ${p.kind === "NOTE" ? "border-amber-200 bg-amber-50" : "border-brand-100 bg-brand-50"}`}
            >
              <p className="whitespace-pre-wrap">{p.body}</p>
              <span className="text-[11px] text-zinc-500">{p.failed ? t("retrying") : t("sending")}</span>
            </li>
          ))}
        </ol>
        <div className="h-5 px-5 text-[12px] text-zinc-500" aria-live="polite">
          {props.typing ? t("contactTyping", { name: contactName }) : ""}
        </div>
        {error ? (
          <p role="alert" className="px-5 pb-1 text-[12px] text-red-700">
            {error}
          </p>
        ) : null}
        {props.can.reply ? (
          <ReplyWindowNotice
            notice={notice}
            canSendTemplates={props.can.reply}
            onSendTemplate={() => setTemplatesOpen(true)}
          />
        ) : null}
        {templatesOpen ? (
          <TemplatePicker
            conversationId={detail.id}
            onClose={() => setTemplatesOpen(false)}
            onSent={() => {
              setTemplatesOpen(false);
              setError(null);
              stick.current = true;
            }}
          />
        ) : null}
        {formsOpen ? (
          <FormPicker
            conversationId={detail.id}
            onClose={() => setFormsOpen(false)}
            onSent={() => {
              setFormsOpen(false);
              setError(null);
              stick.current = true;
            }}
          />
        ) : null}
        {props.can.reply || props.can.note ? (
          <form
            className={`relative m-3 mt-0 rounded-xl border ${mode === "NOTE" ? "border-amber-300 bg-amber-50" : "border-zinc-200 bg-white"}`}
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            {pickerOpen && cannedMatches.length > 0 ? (
              <ul
                className="absolute bottom-full left-0 mb-1 max-h-56 w-96 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
                role="listbox"
                aria-label={t("cannedReplies")}
              >
                {cannedMatches.map((c, i) => (
                  <li key={c.id} role="option" aria-selected={i === pickerIndex}>
                    <button
                      type="button"
                      onMouseDown={(e) => {
                        e.preventDefault();
                        insertCanned(i);
                      }}
                      className={`flex w-full flex-col rounded-md px-2 py-1.5 text-left ${i === pickerIndex ? "bg-zinc-100" : ""}`}
                    >
                      <span className="text-[13px] font-medium">
                        /{c.shortcut} · {c.title}
                      </span>
                      <span className="truncate text-[12px] text-zinc-500">{c.body}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="flex gap-1 border-b border-zinc-100 px-2 pt-1.5">
              {props.can.reply ? (
                <button
                  type="button"
                  onClick={() => setMode("TEXT")}
                  aria-pressed={mode === "TEXT"}
                  className={`rounded px-2 py-0.5 text-[12px] ${mode === "TEXT" ? "bg-zinc-900 text-white" : "text-zinc-600"}`}
                >
                  {t("reply")}
                </button>
              ) : null}
              {props.can.note ? (
                <button
                  type="button"
                  onClick={() => setMode("NOTE")}
                  aria-pressed={mode === "NOTE"}
                  className={`flex items-center gap-1 rounded px-2 py-0.5 text-[12px] ${mode === "NOTE" ? "bg-amber-500 text-white" : "text-zinc-600"}`}
                >
                  <Lock className="size-3" aria-hidden="true" /> {t("note")}
                </button>
              ) : null}
            </div>
            <textarea
              ref={composerRef}
              value={text}
              rows={2}
              disabled={composerOff}
              aria-label={mode === "NOTE" ? t("notePlaceholder") : t("replyPlaceholder")}
              placeholder={
                composerOff
                  ? t("window.composerClosed")
                  : mode === "NOTE"
                    ? t("notePlaceholder")
                    : t("replyPlaceholder")
              }
              data-testid="composer"
              className="block w-full resize-none bg-transparent px-3 py-2 text-sm outline-none disabled:cursor-not-allowed disabled:text-zinc-400"
              onChange={(e) => {
                setText(e.target.value);
                setPickerOpen(e.target.value.startsWith("/"));
                setPickerIndex(0);
                if (mode === "TEXT" && Date.now() - lastTyping.current > 2500) {
                  lastTyping.current = Date.now();
                  props.socket.current?.emit("typing", { conversationId: detail.id, typing: true });
                }
              }}
              onKeyDown={(e) => {
                if (pickerOpen && cannedMatches.length > 0) {
                  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                    e.preventDefault();
                    const d = e.key === "ArrowDown" ? 1 : -1;
                    setPickerIndex((i) => (i + d + cannedMatches.length) % cannedMatches.length);
                    return;
                  }
                  if (e.key === "Enter" || e.key === "Tab") {
                    e.preventDefault();
                    insertCanned(pickerIndex);
                    return;
                  }
                }
                if (e.key === "Escape") {
                  setPickerOpen(false);
                  (e.target as HTMLTextAreaElement).blur();
                }
                if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  send();
                }
              }}
            />
            <div className="flex items-center justify-between gap-2 px-2 pb-2">
              <div className="flex min-w-0 items-center gap-1">
                {props.can.reply ? (
                  <>
                    <input
                      ref={fileRef}
                      type="file"
                      hidden
                      accept={AGENT_FILE_ACCEPT}
                      data-testid="agent-file"
                      onChange={(e) => {
                        const f = e.target.files?.[0];
                        e.target.value = "";
                        if (f) void upload(f);
                      }}
                    />
                    <button
                      type="button"
                      onClick={() => fileRef.current?.click()}
                      disabled={replyClosed}
                      className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 disabled:opacity-40"
                      aria-label={t("attach")}
                      title={t("attach")}
                    >
                      <Paperclip className="size-4" aria-hidden="true" />
                    </button>
                    {detail.channelType === "WIDGET" ? (
                      <button
                        type="button"
                        onClick={() => setFormsOpen((open) => !open)}
                        aria-expanded={formsOpen}
                        className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100"
                        aria-label={t("sendForm")}
                        title={t("sendForm")}
                        data-testid="send-form"
                      >
                        <ClipboardList className="size-4" aria-hidden="true" />
                      </button>
                    ) : null}
                  </>
                ) : null}
                {detail.channelType === "TWILIO_SMS" && mode === "TEXT" && text.trim() ? (
                  <SmsSegmentCount text={text} />
                ) : (
                  <span className="text-[11px] text-zinc-500">{t("composerHint")}</span>
                )}
              </div>
              <button
                type="submit"
                className="flex shrink-0 items-center gap-1 rounded-md bg-zinc-900 px-2.5 py-1 text-[12px] font-medium text-white disabled:opacity-40"
                disabled={!text.trim() || composerOff}
              >
                <Send className="size-3.5" aria-hidden="true" /> {mode === "NOTE" ? t("addNote") : t("send")}
              </button>
            </div>
          </form>
        ) : null}
      </section>
      <ContactPanel
        // Re-mounted when the contact or its details change underneath (the widget identified the visitor).
        key={`${detail.contact?.id}:${detail.contact?.name}:${detail.contact?.email}:${detail.contact?.phone}`}
        detail={detail}
        canEdit={props.can.editContact}
        onSaved={props.onChanged}
        open={contactOpen}
        onClose={() => setContactOpen(false)}
      />
    </div>
  );
}
