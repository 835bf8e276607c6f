"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { io, type Socket } from "socket.io-client";
import { Bell, ChevronLeft, Inbox, MessageSquare } from "lucide-react";
import type { TInboxRow } from "@forecourt/core/chat/list-conversations";
import type { TConversationDetail } from "@forecourt/core/chat/get-conversation";
import {
  CONVERSATION_CHANGED_EVENT,
  EVENTS,
  type TChannelType,
  type TConversationSummary,
  type TMessageEvent,
} from "@forecourt/protocol";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import { EmptyState } from "@/components/empty-state";
import { enablePush } from "@/components/push/web-push-client";
import { ConversationPane } from "./conversation-pane";
import { LabelChip, PriorityMarker, SlaBadge } from "./workflow-bits";
import { SNOOZE_FORMAT, typingInField, type TCan, type TCanned, type TTeam } from "./inbox-shared";

type TView = "mine" | "unassigned" | "open" | "snoozed" | "closed";

const VIEWS: TView[] = ["mine", "unassigned", "open", "snoozed", "closed"];

function beep() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.35);
  } catch {
    // No audio (autoplay policy): the desktop notification still shows.
  }
}

export function InboxClient(props: {
  me: { id: string; name: string };
  gatewayUrl: string;
  /** Web Push: the bell subscribes this browser too (docs/push.md). */
  vapidPublicKey: string;
  initialView: TView;
  initialChannelType: TChannelType | null;
  /** The channel types the agent's dealers have: the channel filter offers these. */
  channelTypes: TChannelType[];
  initialConversations: TInboxRow[];
  initialSelectedId: string | null;
  team: TTeam;
  canned: TCanned;
  can: TCan;
}) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const tInbox = useTranslations("inbox");
  // The SLA badges count down on this clock.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const [view, setView] = useState<TView>(props.initialView);
  const [dealerId, setDealerId] = useState("");
  const [departmentId, setDepartmentId] = useState("");
  const [channelType, setChannelType] = useState<TChannelType | null>(props.initialChannelType);
  const channelLabel = useChannelLabel();
  const [rows, setRows] = useState<TInboxRow[]>(props.initialConversations);
  const [loadingList, setLoadingList] = useState(false);
  const [listError, setListError] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(props.initialSelectedId);
  const [detail, setDetail] = useState<TConversationDetail | null>(null);
  const [messages, setMessages] = useState<Map<number, TMessageEvent>>(new Map());
  const [detailState, setDetailState] = useState<"idle" | "loading" | "error">("idle");
  const [hasOlder, setHasOlder] = useState(false);
  const [typing, setTyping] = useState<string | null>(null);
  const [connected, setConnected] = useState(false);
  const [notifyAllowed, setNotifyAllowed] = useState(true);
  const socketRef = useRef<Socket | null>(null);
  const selectedRef = useRef<string | null>(selectedId);
  const messagesRef = useRef(messages);
  const knownIds = useRef(new Set(props.initialConversations.map((r) => r.id)));
  /** Messages whose latest state came from message:update: a late copy of the original event must not undo it. */
  const updatedIds = useRef(new Set<string>());
  const filtersRef = useRef({ view, dealerId, departmentId, channelType });
  const detailRef = useRef(detail);
  selectedRef.current = selectedId;
  messagesRef.current = messages;
  filtersRef.current = { view, dealerId, departmentId, channelType };
  detailRef.current = detail;

  const departments = useMemo(
    () => props.team.dealers.filter((d) => !dealerId || d.id === dealerId).flatMap((d) => d.departments),
    [props.team.dealers, dealerId],
  );
  const userName = useCallback(
    (id: string | null) => props.team.users.find((u) => u.id === id)?.name ?? null,
    [props.team],
  );

  const reloadList = useCallback(async () => {
    const { view, dealerId, departmentId, channelType } = filtersRef.current;
    const query = new URLSearchParams({ view, dealerId, departmentId, channelType: channelType ?? "" });
    setLoadingList(true);
    try {
      const res = await fetch(`/api/inbox/conversations?${query}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { conversations: TInboxRow[] };
      setRows(body.conversations);
      for (const r of body.conversations) knownIds.current.add(r.id);
      setListError(false);
    } catch {
      setListError(true);
    } finally {
      setLoadingList(false);
    }
  }, []);

  const firstFilterRun = useRef(true);
  useEffect(() => {
    // The server already rendered the first list; the URL changes only when the agent changes the view or channel.
    if (firstFilterRun.current) {
      firstFilterRun.current = false;
      return;
    }
    void reloadList();
    const url = new URL(window.location.href);
    url.searchParams.set("view", view);
    if (channelType) url.searchParams.set("channel", channelType);
    else url.searchParams.delete("channel");
    window.history.replaceState(null, "", url);
  }, [view, dealerId, departmentId, channelType, reloadList]);

  // ── the open conversation ────────────────────────────────────────────────────────────────
  // The visitor sees "Seen" from this: only a conversation an agent chose (a click, j/k, a
  // notification, or a URL naming it) is marked read, and only while the page is visible; a
  // hidden tab marks it when it becomes visible (the effect below).
  const markRead = useCallback((conversationId: string, seq: number) => {
    if (document.visibilityState !== "visible" || seq <= 0) return;
    socketRef.current?.emit("read", { conversationId, seq });
    setRows((rs) => rs.map((r) => (r.id === conversationId ? { ...r, unread: 0 } : r)));
  }, []);

  useEffect(() => {
    const onVisible = () => {
      const id = selectedRef.current;
      const seq = Math.max(0, ...messagesRef.current.keys());
      if (id && document.visibilityState === "visible") markRead(id, seq);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [markRead]);

  const mergeMessages = useCallback(
    (incoming: TMessageEvent[]) => {
      if (incoming.length === 0) return;
      setMessages((prev) => {
        const next = new Map(prev);
        for (const m of incoming) {
          if (m.conversationId !== selectedRef.current) continue;
          if (updatedIds.current.has(m.id) && next.get(m.seq)?.id === m.id) continue;
          next.set(m.seq, m);
        }
        return next;
      });
      const id = selectedRef.current;
      const max = Math.max(...incoming.map((m) => m.seq));
      if (id) markRead(id, max);
    },
    [markRead],
  );

  const syncSelected = useCallback(() => {
    const id = selectedRef.current;
    const socket = socketRef.current;
    if (!id || !socket?.connected) return;
    const afterSeq = Math.max(0, ...messagesRef.current.keys());
    socket.emit(
      "sync",
      { conversations: [{ conversationId: id, afterSeq }] },
      (res: { ok: boolean; messages?: TMessageEvent[] }) => {
        if (res.ok && res.messages) mergeMessages(res.messages);
      },
    );
  }, [mergeMessages]);

  const loadDetail = useCallback(
    async (id: string) => {
      setDetailState("loading");
      setTyping(null);
      try {
        const res = await fetch(`/api/inbox/conversations/${id}`, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { conversation: TConversationDetail; messages: TMessageEvent[] };
        if (selectedRef.current !== id) return;
        setDetail(body.conversation);
        updatedIds.current.clear();
        setMessages(new Map(body.messages.map((m) => [m.seq, m])));
        messagesRef.current = new Map(body.messages.map((m) => [m.seq, m]));
        setHasOlder((body.messages[0]?.seq ?? 1) > 1);
        setDetailState("idle");
        syncSelected();
        markRead(id, body.conversation.lastSeq);
      } catch {
        setDetailState("error");
      }
    },
    [syncSelected, markRead],
  );

  useEffect(() => {
    if (!selectedId) {
      setDetail(null);
      setMessages(new Map());
      const url = new URL(window.location.href);
      if (url.searchParams.has("c")) {
        url.searchParams.delete("c");
        window.history.replaceState(null, "", url);
      }
      return;
    }
    void loadDetail(selectedId);
    const url = new URL(window.location.href);
    url.searchParams.set("c", selectedId);
    window.history.replaceState(null, "", url);
    return () => {
      socketRef.current?.emit("conversation:leave", { conversationId: selectedId });
    };
  }, [selectedId, loadDetail]);

  /** Re-reads the open conversation (its reply window, after the customer wrote or it ran out), keeping its messages. */
  const refreshDetail = useCallback(async () => {
    const id = selectedRef.current;
    if (!id) return;
    // Fired and forgotten: a failed read keeps the last known state.
    const res = await fetch(`/api/inbox/conversations/${id}`, { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return;
    const body = (await res.json().catch(() => null)) as { conversation: TConversationDetail } | null;
    if (body && selectedRef.current === id) setDetail(body.conversation);
  }, []);

  const onWindowChanged = useCallback(() => void refreshDetail(), [refreshDetail]);

  /** A message changed (delivery ticks, media downloaded): replace it by id, if it is on screen or newer. */
  const updateMessage = useCallback((m: TMessageEvent) => {
    if (m.conversationId !== selectedRef.current) return;
    setMessages((prev) => {
      const min = Math.min(...prev.keys());
      // Older than the loaded page: leave it to paging (a lone old seq would break "load older").
      if (!Number.isFinite(min) || m.seq < min) return prev;
      const old = prev.get(m.seq);
      if (old && old.id !== m.id) return prev;
      updatedIds.current.add(m.id);
      const next = new Map(prev);
      next.set(m.seq, m);
      return next;
    });
  }, []);

  const loadOlder = useCallback(async () => {
    const id = selectedRef.current;
    const min = Math.min(...messagesRef.current.keys());
    if (!id || !Number.isFinite(min) || min <= 1) return;
    // Fired and forgotten (scroll, button): a failed fetch is ignored like a refused one; scrolling retries.
    const res = await fetch(`/api/inbox/conversations/${id}/messages?before=${min}`, { cache: "no-store" }).catch(
      () => null,
    );
    if (!res?.ok) return;
    const body = (await res.json()) as { messages: TMessageEvent[] };
    setMessages((prev) => {
      const next = new Map(prev);
      for (const m of body.messages) next.set(m.seq, m);
      return next;
    });
    setHasOlder((body.messages[0]?.seq ?? 1) > 1);
  }, []);

  // ── live updates ──────────────────────────────────────────────────────────────────────────
  const notifyNew = useCallback(
    (summary: TConversationSummary) => {
      beep();
      if (typeof Notification !== "undefined" && Notification.permission === "granted") {
        const n = new Notification(t("newConversation"), {
          body: summary.contact.name ?? summary.preview,
          tag: summary.id,
        });
        n.onclick = () => {
          window.focus();
          setSelectedId(summary.id);
        };
      }
    },
    [t],
  );

  useEffect(() => {
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    let detailTimer: ReturnType<typeof setTimeout> | undefined;
    const socket = io(`${props.gatewayUrl}/agent`, {
      transports: ["websocket"],
      auth: (cb) => {
        fetch("/api/realtime/token", { cache: "no-store" })
          .then((r) => (r.ok ? r.json() : { token: "" }))
          .then((j: { token: string }) => cb({ token: j.token }))
          .catch(() => cb({ token: "" }));
      },
    });
    socketRef.current = socket;
    socket.on("connect", () => {
      setConnected(true);
      syncSelected();
      void reloadList();
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("session:revoked", () => window.location.assign("/sign-in"));
    socket.on("conversation", (summary: TConversationSummary) => {
      if (!knownIds.current.has(summary.id)) {
        knownIds.current.add(summary.id);
        if (summary.status === "OPEN") notifyNew(summary);
      }
      if (summary.id === selectedRef.current) {
        setDetail((d) =>
          d ? { ...d, status: summary.status, assigneeId: summary.assigneeId, lastSeq: summary.lastSeq } : d,
        );
        // Someone assigned, labelled, closed…: re-read it for its priority, labels and activity lines
        // (once for a burst of changes).
        clearTimeout(detailTimer);
        detailTimer = setTimeout(() => void refreshDetail(), 200);
      }
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void reloadList(), 250);
    });
    socket.on("message", (m: TMessageEvent) => {
      mergeMessages([m]);
      // Their message landed: they are no longer typing it.
      if (m.authorType === "CONTACT" && m.conversationId === selectedRef.current) setTyping(null);
      // The customer wrote: the channel's reply window opened again.
      const d = detailRef.current;
      if (m.authorType === "CONTACT" && d?.id === m.conversationId && d.replyWindow.state !== "always") {
        void refreshDetail();
      }
    });
    socket.on(EVENTS.messageUpdate, updateMessage);
    // The widget identified the visitor or set the car they look at: re-read through our own scope.
    socket.on(CONVERSATION_CHANGED_EVENT, (e: { conversationId: string }) => {
      if (e.conversationId === selectedRef.current) void refreshDetail();
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => void reloadList(), 250);
    });
    socket.on("typing", (e: { conversationId: string; from: string; typing: boolean }) => {
      if (e.conversationId === selectedRef.current && e.from === "contact") setTyping(e.typing ? "contact" : null);
    });
    socket.on("read", (e: { conversationId: string; seq: number; by: string }) => {
      if (e.conversationId === selectedRef.current && e.by === "contact") {
        setDetail((d) => (d ? { ...d, contactReadSeq: Math.max(d.contactReadSeq, e.seq) } : d));
      }
    });
    setNotifyAllowed(typeof Notification === "undefined" || Notification.permission !== "default");
    return () => {
      clearTimeout(reloadTimer);
      clearTimeout(detailTimer);
      socket.disconnect();
    };
  }, [props.gatewayUrl, reloadList, mergeMessages, syncSelected, notifyNew, refreshDetail, updateMessage]);

  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => setTyping(null), 6000);
    return () => clearTimeout(timer);
  }, [typing]);

  // ── keyboard: j/k move through the list ──────────────────────────────────────────────────
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key !== "j" && event.key !== "k") return;
      event.preventDefault();
      const index = rows.findIndex((r) => r.id === selectedRef.current);
      const next = rows[Math.min(rows.length - 1, Math.max(0, index + (event.key === "j" ? 1 : -1)))];
      if (next) setSelectedId(next.id);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows]);

  const selectedRow = rows.find((r) => r.id === selectedId);
  const dealerName = (id: string) => props.team.dealers.find((d) => d.id === id)?.name ?? "";

  return (
    <div className="flex h-full min-h-0 flex-1">
      {/* Narrow screens show the list or the open conversation, never both squeezed. */}
      <section
        className={`${selectedId ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col border-r border-zinc-200 md:w-80`}
        aria-label={t("listLabel")}
      >
        <header className="flex h-14 shrink-0 items-center justify-between border-b border-zinc-200 px-4">
          <h1 className="text-[15px] font-semibold tracking-tight text-zinc-900">{t("title")}</h1>
          <div className="flex items-center gap-2">
            {!notifyAllowed ? (
              <button
                type="button"
                // Asks once for both: notifications while open, and pushes while closed.
                onClick={() =>
                  void enablePush(props.vapidPublicKey)
                    .catch(() => Notification.requestPermission())
                    .finally(() => setNotifyAllowed(true))
                }
                className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100"
                title={t("enableNotifications")}
                aria-label={t("enableNotifications")}
              >
                <Bell className="size-4" aria-hidden="true" />
              </button>
            ) : null}
            <span
              className={`size-2 rounded-full ${connected ? "bg-emerald-500" : "bg-zinc-300"}`}
              title={connected ? t("live") : t("offline")}
              data-testid="live-indicator"
              data-connected={connected ? "true" : "false"}
            />
          </div>
        </header>
        <nav
          className="flex gap-1 overflow-x-auto border-b border-zinc-200 px-2 py-2 [scrollbar-width:none]"
          aria-label={t("viewsLabel")}
        >
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              onClick={() => setView(v)}
              aria-pressed={view === v}
              className={`shrink-0 rounded-md px-1.5 py-1 text-[13px] whitespace-nowrap ${view === v ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100"}`}
            >
              {t(`views.${v}`)}
            </button>
          ))}
        </nav>
        {props.channelTypes.length > 1 || channelType ? (
          <div
            role="group"
            aria-label={t("channelFilter")}
            className="flex gap-1 overflow-x-auto border-b border-zinc-200 px-2 py-1.5"
            data-testid="channel-filter"
          >
            {[null, ...props.channelTypes].map((type) => (
              <button
                key={type ?? "all"}
                type="button"
                onClick={() => setChannelType(type)}
                aria-pressed={channelType === type}
                data-channel={type ?? "all"}
                className={`flex h-7 shrink-0 items-center gap-1.5 rounded-full border text-[12px] ${type ? "pr-2.5 pl-1" : "px-2.5"} ${
                  channelType === type
                    ? "border-zinc-900 bg-zinc-900 text-white"
                    : "border-zinc-200 text-zinc-600 hover:bg-zinc-100"
                }`}
              >
                {type ? <ChannelIcon type={type} size="sm" label={false} /> : null}
                {type ? channelLabel(type) : t("allChannels")}
              </button>
            ))}
          </div>
        ) : null}
        <div className="flex gap-2 border-b border-zinc-200 px-3 py-2">
          <select
            aria-label={t("dealerFilter")}
            value={dealerId}
            onChange={(e) => {
              setDealerId(e.target.value);
              setDepartmentId("");
            }}
            className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px]"
          >
            <option value="">{t("allDealers")}</option>
            {props.team.dealers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <select
            aria-label={t("departmentFilter")}
            value={departmentId}
            onChange={(e) => setDepartmentId(e.target.value)}
            className="min-w-0 flex-1 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px]"
          >
            <option value="">{t("allDepartments")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <ol className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list" aria-busy={loadingList}>
          {listError ? <li className="p-4 text-sm text-red-700">{t("listError")}</li> : null}
          {!listError && rows.length === 0 ? (
            <li className="flex flex-col items-center gap-2 p-8 text-center text-sm text-zinc-500">
              <Inbox className="size-5" aria-hidden="true" />
              {t(`empty.${view}`)}
            </li>
          ) : null}
          {rows.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                onClick={() => setSelectedId(r.id)}
                aria-current={r.id === selectedId ? "true" : undefined}
                data-testid="conversation-row"
                className={`flex w-full flex-col gap-0.5 border-b border-zinc-100 px-4 py-3 text-left ${r.id === selectedId ? "bg-brand-50" : "hover:bg-zinc-50"}`}
              >
                <span className="flex items-center gap-2">
                  <ChannelIcon type={r.channelType} size="sm" />
                  <span className="min-w-0 flex-1 truncate text-[13px] font-medium text-zinc-900">
                    {r.contact.name || t("anonymous")}
                  </span>
                  <PriorityMarker priority={r.priority} />
                  {r.unread > 0 ? (
                    <span
                      className="rounded-full bg-brand-600 px-1.5 text-[11px] font-semibold text-white"
                      data-testid="unread-count"
                      aria-label={t("unread", { count: r.unread })}
                    >
                      {r.unread}
                    </span>
                  ) : null}
                  <time className="text-[11px] text-zinc-500" dateTime={r.lastMessageAt}>
                    {format.dateTime(new Date(r.lastMessageAt), { hour: "2-digit", minute: "2-digit" })}
                  </time>
                </span>
                <span className="truncate text-[13px] text-zinc-500">{r.preview || t("noMessages")}</span>
                {r.labels.length > 0 || r.sla ? (
                  <span className="flex flex-wrap items-center gap-1">
                    {r.sla ? <SlaBadge sla={r.sla} now={now} /> : null}
                    {r.labels.map((l) => (
                      <LabelChip key={l.id} label={l} />
                    ))}
                  </span>
                ) : null}
                <span className="truncate text-[11px] text-zinc-500">
                  {dealerName(r.dealerId)}
                  {r.assigneeId ? ` · ${userName(r.assigneeId) ?? ""}` : ` · ${t("unassigned")}`}
                  {r.status === "SNOOZED" && r.snoozedUntil
                    ? ` · ${t("snoozedUntil", { at: format.dateTime(new Date(r.snoozedUntil), SNOOZE_FORMAT) })}`
                    : r.waitingUntil && r.status === "OPEN"
                      ? ` · ${t("waitingUntil", { at: format.dateTime(new Date(r.waitingUntil), SNOOZE_FORMAT) })}`
                      : r.status !== "OPEN"
                        ? ` · ${t(`status.${r.status}`)}`
                        : ""}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      <div className={`${selectedId ? "flex" : "hidden md:flex"} min-h-0 min-w-0 flex-1 flex-col`}>
        {selectedId ? (
          <button
            type="button"
            onClick={() => setSelectedId(null)}
            className="flex items-center gap-1 border-b border-zinc-200 px-4 py-2 text-left text-[13px] text-zinc-600 md:hidden"
            data-testid="back-to-list"
          >
            <ChevronLeft className="size-4" aria-hidden="true" />
            {t("backToList")}
          </button>
        ) : null}
        {selectedId && detail && detail.id === selectedId ? (
          <ConversationPane
            key={selectedId}
            me={props.me}
            detail={detail}
            row={selectedRow ?? null}
            messages={messages}
            hasOlder={hasOlder}
            loadOlder={loadOlder}
            typing={typing !== null}
            socket={socketRef}
            team={props.team}
            canned={props.canned}
            can={props.can}
            onMessages={mergeMessages}
            onMessageUpdate={updateMessage}
            onWindowChanged={onWindowChanged}
            onChanged={() => {
              void loadDetail(selectedId);
              void reloadList();
            }}
          />
        ) : (
          <div className="flex flex-1 items-center justify-center p-8 text-center" data-testid="conversation-empty">
            {!selectedId && rows.length === 0 && view === "open" && !dealerId && !departmentId && !channelType ? (
              <EmptyState icon={Inbox} title={tInbox("emptyTitle")} body={tInbox("emptyBody")} />
            ) : detailState === "error" ? (
              <p className="text-sm text-red-700">{t("loadError")}</p>
            ) : selectedId ? (
              <p className="text-sm text-zinc-500">{t("loading")}</p>
            ) : (
              <div className="flex max-w-sm flex-col items-center gap-2">
                <MessageSquare className="size-5 text-zinc-500" aria-hidden="true" />
                <p className="text-[15px] font-semibold text-zinc-900">{t("noneSelectedTitle")}</p>
                <p className="text-sm text-zinc-500">{t("noneSelectedBody")}</p>
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
