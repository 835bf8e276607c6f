"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ChevronLeft, LayoutTemplate, Search, Send, X } from "lucide-react";
import type { TTemplateChoice } from "@forecourt/core/channels/list-channel-templates";
import { templateParts } from "./template-preview";

type TLoad =
  { state: "loading" } | { state: "error"; message: string } | { state: "ready"; templates: TTemplateChoice[] };

/**
 * The template picker (a closed WhatsApp window): search the channel's approved templates by
 * name, pick one, fill its {{n}} variables while the preview fills in, send. A dialog: Escape
 * or Cancel closes it and focus goes back to where it was.
 */
export function TemplatePicker(props: { conversationId: string; onClose: () => void; onSent: () => void }) {
  const t = useTranslations("chat");
  const [load, setLoad] = useState<TLoad>({ state: "loading" });
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<TTemplateChoice | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One idempotency key per chosen template: a resend after a lost answer sends it once.
  const clientId = useRef("");
  const dialogRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    let alive = true;
    // A failed fetch shows in the dialog; nothing is left to reject.
    void fetch(`/api/inbox/conversations/${props.conversationId}/templates`, { cache: "no-store" })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { templates?: TTemplateChoice[]; error?: string };
        if (!alive) return;
        if (res.ok && body.templates) setLoad({ state: "ready", templates: body.templates });
        else setLoad({ state: "error", message: body.error ?? String(res.status) });
      })
      .catch(() => alive && setLoad({ state: "error", message: t("actionError") }));
    return () => {
      alive = false;
      previous?.focus();
    };
  }, [props.conversationId, t]);

  useEffect(() => {
    if (chosen) firstFieldRef.current?.focus();
    else searchRef.current?.focus();
  }, [chosen, load.state]);

  const matches = useMemo(() => {
    if (load.state !== "ready") return [];
    const q = query.trim().toLowerCase();
    return load.templates.filter((x) => !q || x.name.toLowerCase().includes(q));
  }, [load, query]);

  function choose(template: TTemplateChoice) {
    setChosen(template);
    // As many values as the synced template has variables: core refuses any other count.
    setValues(Array.from({ length: template.variableCount }, () => ""));
    setError(null);
    clientId.current = crypto.randomUUID();
  }

  async function send() {
    if (!chosen) return;
    if (values.some((v) => !v.trim())) return setError(t("templates.missing"));
    setSending(true);
    setError(null);
    const res = await fetch(`/api/inbox/conversations/${props.conversationId}/templates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        clientId: clientId.current,
        templateId: chosen.id,
        variables: values.map((v) => v.trim()),
      }),
    }).catch(() => null);
    setSending(false);
    if (!res) return setError(t("sendError"));
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      return setError(body.error ?? t("sendError"));
    }
    props.onSent();
  }

  // Tab stays inside the dialog; Escape closes it.
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape") {
      event.stopPropagation();
      props.onClose();
      return;
    }
    if (event.key !== "Tab" || !dialogRef.current) return;
    const focusable = [
      ...dialogRef.current.querySelectorAll<HTMLElement>("button:not([disabled]), input, [href], [tabindex='0']"),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  const parts = chosen ? templateParts(chosen.body, values) : [];
  return (
    <div
      className="fixed inset-0 z-40 flex items-end justify-center bg-zinc-900/30 sm:items-center sm:p-6"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) props.onClose();
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="template-picker-title"
        onKeyDown={onKeyDown}
        className="flex max-h-[85vh] w-full flex-col rounded-t-2xl bg-white shadow-xl sm:max-w-lg sm:rounded-2xl"
        data-testid="template-picker"
      >
        <header className="flex items-center gap-2 border-b border-zinc-200 px-4 py-3">
          {chosen ? (
            <button
              type="button"
              onClick={() => setChosen(null)}
              className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100"
              aria-label={t("templates.back")}
              title={t("templates.back")}
            >
              <ChevronLeft className="size-4" aria-hidden="true" />
            </button>
          ) : (
            <LayoutTemplate className="size-4 text-zinc-500" aria-hidden="true" />
          )}
          <h2 id="template-picker-title" className="min-w-0 flex-1 truncate text-[15px] font-semibold text-zinc-900">
            {chosen ? chosen.name : t("templates.title")}
          </h2>
          {chosen ? <LanguageBadge language={chosen.language} /> : null}
          <button
            type="button"
            onClick={props.onClose}
            className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100"
            aria-label={t("templates.cancel")}
          >
            <X className="size-4" aria-hidden="true" />
          </button>
        </header>

        {!chosen ? (
          <>
            <div className="border-b border-zinc-100 px-4 py-2">
              <label className="flex items-center gap-2 rounded-md border border-zinc-200 px-2 py-1.5 focus-within:border-brand-500">
                <Search className="size-3.5 text-zinc-500" aria-hidden="true" />
                <input
                  ref={searchRef}
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && matches[0]) {
                      e.preventDefault();
                      choose(matches[0]);
                    }
                  }}
                  placeholder={t("templates.search")}
                  aria-label={t("templates.search")}
                  className="min-w-0 flex-1 bg-transparent text-sm outline-none"
                  data-testid="template-search"
                />
              </label>
            </div>
            <div className="min-h-0 flex-1 overflow-y-auto p-2" aria-live="polite">
              {load.state === "loading" ? <p className="p-3 text-sm text-zinc-500">{t("templates.loading")}</p> : null}
              {load.state === "error" ? (
                <p className="p-3 text-sm text-red-700" role="alert">
                  {t("templates.loadError", { error: load.message })}
                </p>
              ) : null}
              {load.state === "ready" && load.templates.length === 0 ? (
                <p className="p-3 text-sm text-zinc-500">{t("templates.none")}</p>
              ) : null}
              {load.state === "ready" && load.templates.length > 0 && matches.length === 0 ? (
                <p className="p-3 text-sm text-zinc-500">{t("templates.noMatch", { query: query.trim() })}</p>
              ) : null}
              <ul className="flex flex-col gap-1">
                {matches.map((x) => (
                  <li key={x.id}>
                    <button
                      type="button"
                      onClick={() => choose(x)}
                      className="flex w-full flex-col gap-1 rounded-lg px-3 py-2 text-left hover:bg-zinc-50 focus-visible:bg-zinc-50"
                      data-testid="template-option"
                    >
                      <span className="flex items-center gap-2">
                        <span className="min-w-0 flex-1 truncate font-mono text-[13px] font-medium text-zinc-900">
                          {x.name}
                        </span>
                        <span className="text-[11px] text-zinc-500">{x.category.toLowerCase()}</span>
                        <LanguageBadge language={x.language} />
                      </span>
                      <span className="line-clamp-2 text-[12px] text-zinc-500">{x.body}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          </>
        ) : (
          <form
            className="flex min-h-0 flex-1 flex-col"
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3">
              {values.map((v, i) => (
                <label key={i} className="flex flex-col gap-1 text-[12px] font-medium text-zinc-600">
                  <span>
                    {t("templates.variable", { n: i + 1 })}{" "}
                    <span className="font-mono font-normal text-zinc-500">{`{{${i + 1}}}`}</span>
                  </span>
                  <input
                    ref={i === 0 ? firstFieldRef : undefined}
                    value={v}
                    maxLength={1024}
                    onChange={(e) => setValues((vs) => vs.map((x, j) => (j === i ? e.target.value : x)))}
                    className="rounded-md border border-zinc-200 px-2 py-1.5 text-sm font-normal text-zinc-900 outline-none focus:border-brand-500"
                    data-testid="template-variable"
                  />
                </label>
              ))}
              <div>
                <p className="mb-1 text-[12px] font-medium text-zinc-600">{t("templates.preview")}</p>
                <p
                  className="rounded-xl border border-brand-100 bg-brand-50 px-3 py-2 text-sm whitespace-pre-wrap break-words text-zinc-900"
                  data-testid="template-preview"
                >
                  {parts.map((p, i) =>
                    "text" in p ? (
                      <span key={i}>{p.text}</span>
                    ) : p.value ? (
                      <mark key={i} className="rounded bg-emerald-100 px-0.5 text-emerald-900">
                        {p.value}
                      </mark>
                    ) : (
                      <span key={i} className="rounded bg-amber-100 px-0.5 font-mono text-[12px] text-amber-800">
                        {`{{${p.variable}}}`}
                      </span>
                    ),
                  )}
                </p>
              </div>
              {error ? (
                <p role="alert" className="text-[12px] text-red-700">
                  {error}
                </p>
              ) : null}
            </div>
            <footer className="flex justify-end gap-2 border-t border-zinc-200 px-4 py-3">
              <button
                type="button"
                onClick={props.onClose}
                className="rounded-md border border-zinc-200 px-3 py-1.5 text-[13px] text-zinc-700 hover:bg-zinc-50"
              >
                {t("templates.cancel")}
              </button>
              <button
                type="submit"
                disabled={sending}
                className="flex items-center gap-1 rounded-md bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white disabled:opacity-50"
                data-testid="send-template"
              >
                <Send className="size-3.5" aria-hidden="true" />
                {sending ? t("templates.sending") : t("templates.send")}
              </button>
            </footer>
          </form>
        )}
      </div>
    </div>
  );
}

function LanguageBadge({ language }: { language: string }) {
  return (
    <span
      className="rounded border border-zinc-200 bg-zinc-50 px-1.5 py-px font-mono text-[11px] text-zinc-600 uppercase"
      data-testid="template-language"
    >
      {language}
    </span>
  );
}
