"use client";

// The inbox's workflow pieces: activity lines in the timeline, priority, labels and SLA badges.

import { useEffect, useId, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Plus, Tag, X } from "lucide-react";
import type { TActivityView } from "@forecourt/core/chat/conversation-activity";
import { slaStatus, type TSla } from "@forecourt/core/chat/sla";
import type { TLabelView } from "@forecourt/core/labels/label-input";
import { LABEL_CHIP, SNOOZE_FORMAT, typingInField } from "./inbox-shared";

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export type TPriority = (typeof PRIORITIES)[number];

/** Palette names offered for a new label, in turn (the picker creates without asking for one). */
const NEW_LABEL_COLORS = ["blue", "green", "amber", "violet", "teal", "pink", "red", "zinc"] as const;

const TIME = { hour: "2-digit", minute: "2-digit" } as const satisfies Intl.DateTimeFormatOptions;

/** One centred line of the conversation's activity: who did what, and when. */
export function ActivityLine({ a }: { a: TActivityView }) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const actor =
    a.actorName ??
    (a.actorType === "SYSTEM"
      ? t("activity.actorSystem")
      : a.actorType === "BOT"
        ? t("activity.actorIntegration")
        : t("activity.someone"));
  const d = a.data;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  let text: string;
  switch (a.action) {
    case "assigned":
      if ("assigneeId" in d)
        text = d.assigneeId
          ? t("activity.assigned", { actor, assignee: a.assigneeName ?? t("activity.aColleague") })
          : t("activity.unassigned", { actor });
      else
        text = d.departmentId
          ? t("activity.transferred", { actor, department: a.departmentName ?? "?" })
          : t("activity.transferredNone", { actor });
      break;
    case "close":
    case "reopen":
    case "created":
      text = t(`activity.${a.action}`, { actor });
      break;
    case "snooze":
      text = t("activity.snooze", {
        actor,
        until: d.until ? format.dateTime(new Date(str(d.until)), SNOOZE_FORMAT) : "?",
      });
      break;
    case "woke":
      text = t("activity.woke");
      break;
    case "routed": {
      // What the rule did (core/routing: department, assignee, priority, label), in a few words.
      const priority = str(d.priority);
      const details = [
        d.departmentId ? a.departmentName : null,
        d.assigneeId ? a.assigneeName : null,
        (PRIORITIES as readonly string[]).includes(priority) ? t(`priorities.${priority as TPriority}`) : null,
        a.labelName,
      ].filter((x): x is string => !!x);
      const rule = str(d.ruleName) || str(d.rule);
      const until = str(d.waitingUntil);
      text = rule
        ? details.length > 0
          ? t("activity.routedTo", { rule, details: details.join(", ") })
          : t("activity.routed", { rule })
        : until
          ? t("activity.waiting", { until: format.dateTime(new Date(until), SNOOZE_FORMAT) })
          : t("activity.routedPlain");
      break;
    }
    case "prioritised":
      text = t("activity.prioritised", {
        actor,
        priority: (PRIORITIES as readonly string[]).includes(str(d.priority))
          ? t(`priorities.${str(d.priority) as TPriority}`)
          : str(d.priority),
      });
      break;
    case "labelled":
    case "unlabelled":
      text = t(`activity.${a.action}`, { actor, label: str(d.name) });
      break;
    default:
      text = t("activity.other", { actor, action: a.action });
  }
  const at = new Date(a.createdAt);
  const today = new Date().toDateString() === at.toDateString();
  return (
    <li
      className="self-center px-2 text-center text-[12px] text-zinc-500"
      data-testid="activity-line"
      data-action={a.action}
    >
      {text} · <time dateTime={a.createdAt}>{format.dateTime(at, today ? TIME : SNOOZE_FORMAT)}</time>
    </li>
  );
}

/** A label as a small chip; with onRemove, a button takes it off. */
export function LabelChip({ label, onRemove }: { label: TLabelView; onRemove?: () => void }) {
  const t = useTranslations("chat");
  return (
    <span
      className={`inline-flex max-w-32 items-center gap-0.5 rounded-full px-1.5 py-px text-[11px] ring-1 ring-inset ${LABEL_CHIP[label.color] ?? LABEL_CHIP.zinc}`}
      data-testid="label-chip"
    >
      <span className="truncate">{label.name}</span>
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={t("removeLabel", { name: label.name })}
          className="rounded-full hover:bg-black/10"
        >
          <X className="size-3" aria-hidden="true" />
        </button>
      ) : null}
    </span>
  );
}

/** High and urgent conversations carry a marker in the list (low and normal carry none). */
export function PriorityMarker({ priority }: { priority: TPriority }) {
  const t = useTranslations("chat");
  if (priority !== "HIGH" && priority !== "URGENT") return null;
  return (
    <span
      className={`rounded px-1 text-[10px] font-semibold uppercase ${priority === "URGENT" ? "bg-red-600 text-white" : "bg-amber-100 text-amber-800"}`}
      data-testid="priority-marker"
      data-priority={priority}
    >
      {t(`priorities.${priority}`)}
    </span>
  );
}

/** "reply due in 12 min" / "overdue 5 min", on the browser's clock (re-rendered by the list's tick). */
export function SlaBadge({ sla, now }: { sla: TSla; now: Date }) {
  const t = useTranslations("chat");
  const s = slaStatus(sla, now);
  const key =
    sla.kind === "firstResponse"
      ? s.overdue
        ? "firstResponseOverdue"
        : "firstResponseDue"
      : s.overdue
        ? "resolutionOverdue"
        : "resolutionDue";
  const soon = !s.overdue && s.minutes <= 5;
  return (
    <span
      className={`rounded px-1 text-[10px] font-medium ${s.overdue ? "bg-red-50 text-red-700" : soon ? "bg-amber-50 text-amber-800" : "bg-zinc-100 text-zinc-600"}`}
      data-testid="sla-badge"
      data-overdue={s.overdue ? "true" : "false"}
    >
      {t(`sla.${key}`, { minutes: s.minutes })}
    </span>
  );
}

/**
 * The header's label picker: a button opens a search field over the labels of the
 * conversation's dealer (and the shared ones). Arrow keys move, Enter puts the highlighted label
 * on (or takes it off), or creates a new one from what was typed; Escape closes.
 */
export function LabelPicker(props: {
  dealerId: string | null;
  applied: TLabelView[];
  onToggle: (label: TLabelView, on: boolean) => Promise<void>;
}) {
  const t = useTranslations("chat");
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [labels, setLabels] = useState<TLabelView[] | null>(null);
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // L opens the picker (as A focuses the assignee).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event) || event.metaKey || event.ctrlKey || event.altKey || event.key !== "l") return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (!open) return;
    inputRef.current?.focus();
    const query = props.dealerId ? `?dealerId=${props.dealerId}` : "";
    let live = true;
    // Fired and forgotten: a failed read shows the error line.
    void fetch(`/api/inbox/labels${query}`, { cache: "no-store" })
      .then(async (r) => (r.ok ? ((await r.json()) as { labels: TLabelView[] }).labels : Promise.reject(new Error())))
      .then((l) => live && setLabels(l))
      .catch(() => live && setError(t("labelsLoadError")));
    return () => {
      live = false;
    };
  }, [open, props.dealerId, t]);

  const q = query.trim();
  const matches = (labels ?? []).filter((l) => l.name.toLowerCase().includes(q.toLowerCase()));
  const exact = (labels ?? []).some((l) => l.name.toLowerCase() === q.toLowerCase());
  const options: ({ kind: "label"; label: TLabelView } | { kind: "create"; name: string })[] = [
    ...matches.map((label) => ({ kind: "label" as const, label })),
    ...(q && !exact && labels ? [{ kind: "create" as const, name: q }] : []),
  ];
  const appliedIds = new Set(props.applied.map((l) => l.id));

  function close() {
    setOpen(false);
    setQuery("");
    setIndex(0);
    setError(null);
    buttonRef.current?.focus();
  }

  async function choose(i: number) {
    const o = options[i];
    if (!o) return;
    setError(null);
    if (o.kind === "label") {
      await props.onToggle(o.label, !appliedIds.has(o.label.id));
      return;
    }
    const color = NEW_LABEL_COLORS[(labels?.length ?? 0) % NEW_LABEL_COLORS.length];
    const res = await fetch("/api/inbox/labels", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ dealerId: props.dealerId, name: o.name, color }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as {
      label?: TLabelView;
      error?: string;
      issues?: { path: string; message: string }[];
    } | null;
    if (!res?.ok || !body?.label) {
      // What was typed stays in the field, with the server's reason.
      setError(body?.issues?.[0]?.message ?? body?.error ?? t("actionError"));
      return;
    }
    const created = body.label;
    setLabels((ls) => [...(ls ?? []), created].sort((a, b) => a.name.localeCompare(b.name)));
    setQuery("");
    setIndex(0);
    await props.onToggle(created, true);
  }

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        onClick={() => (open ? close() : setOpen(true))}
        aria-expanded={open}
        aria-haspopup="listbox"
        title={`${t("labels")} (L)`}
        data-testid="label-picker-button"
        className="flex items-center gap-1 rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px] text-zinc-700 hover:bg-zinc-50"
      >
        <Tag className="size-3.5" aria-hidden="true" /> {t("addLabel")}
      </button>
      {open ? (
        <div className="absolute right-0 z-20 mt-1 w-64 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg">
          <input
            ref={inputRef}
            value={query}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-label={t("labelSearch")}
            aria-activedescendant={options[index] ? `${listId}-${index}` : undefined}
            placeholder={t("labelSearch")}
            maxLength={40}
            data-testid="label-search"
            className="mb-1 w-full rounded-md border border-zinc-200 px-2 py-1 text-[13px] outline-none focus:border-zinc-400"
            onChange={(e) => {
              setQuery(e.target.value);
              setIndex(0);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                e.preventDefault();
                if (options.length === 0) return;
                const d = e.key === "ArrowDown" ? 1 : -1;
                setIndex((i) => (i + d + options.length) % options.length);
              } else if (e.key === "Enter") {
                e.preventDefault();
                void choose(index);
              } else if (e.key === "Escape") {
                e.preventDefault();
                close();
              }
            }}
          />
          {error ? (
            <p role="alert" className="px-2 py-1 text-[12px] text-red-700">
              {error}
            </p>
          ) : null}
          <ul
            id={listId}
            role="listbox"
            aria-label={t("labels")}
            aria-multiselectable="true"
            className="max-h-56 overflow-y-auto"
          >
            {labels && options.length === 0 ? (
              <li className="px-2 py-1.5 text-[12px] text-zinc-500">{t("noLabels")}</li>
            ) : null}
            {options.map((o, i) => (
              <li
                key={o.kind === "label" ? o.label.id : "create"}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={o.kind === "label" ? appliedIds.has(o.label.id) : false}
                onMouseDown={(e) => {
                  e.preventDefault();
                  void choose(i);
                }}
                onMouseEnter={() => setIndex(i)}
                className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-[13px] ${i === index ? "bg-zinc-100" : ""}`}
              >
                {o.kind === "label" ? (
                  <>
                    <input
                      type="checkbox"
                      readOnly
                      tabIndex={-1}
                      aria-hidden="true"
                      checked={appliedIds.has(o.label.id)}
                      className="size-3.5"
                    />
                    <LabelChip label={o.label} />
                  </>
                ) : (
                  <>
                    <Plus className="size-3.5 text-zinc-500" aria-hidden="true" />
                    {t("createLabel", { name: o.name })}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
