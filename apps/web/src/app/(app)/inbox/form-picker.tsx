"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ClipboardList, X } from "lucide-react";

type TFormChoice = { id: string; kind: string; name: string };
type TLoad = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; forms: TFormChoice[] };

/**
 * The composer's "Send form" (website chats, docs/leads.md): the active lead forms of the
 * conversation's dealer; choosing one sends it into the chat, where the visitor fills it in. A
 * dialog: Escape or Cancel closes it and focus goes back to where it was.
 */
export function FormPicker(props: { conversationId: string; onClose: () => void; onSent: () => void }) {
  const t = useTranslations("chat");
  const tf = useTranslations("leadForms");
  const [load, setLoad] = useState<TLoad>({ state: "loading" });
  const [sending, setSending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One idempotency key per chosen form: a resend after a lost answer sends it once.
  const clientIds = useRef(new Map<string, string>());
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    let alive = true;
    void fetch(`/api/inbox/conversations/${props.conversationId}/forms`, { cache: "no-store" })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { forms?: TFormChoice[]; error?: string };
        if (!alive) return;
        if (res.ok && body.forms) setLoad({ state: "ready", forms: body.forms });
        else setLoad({ state: "error", message: body.error ?? String(res.status) });
      })
      .catch(() => alive && setLoad({ state: "error", message: t("actionError") }));
    return () => {
      alive = false;
      previous?.focus();
    };
  }, [props.conversationId, t]);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLButtonElement>("[data-form-choice]")?.focus();
  }, [load.state]);

  async function send(form: TFormChoice) {
    let clientId = clientIds.current.get(form.id);
    if (!clientId) {
      clientId = crypto.randomUUID();
      clientIds.current.set(form.id, clientId);
    }
    setSending(form.id);
    setError(null);
    try {
      const res = await fetch(`/api/inbox/conversations/${props.conversationId}/forms`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ clientId, formId: form.id }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      if (res.ok) props.onSent();
      else setError(body.error ?? t("actionError"));
    } catch {
      setError(t("actionError"));
    } finally {
      setSending(null);
    }
  }

  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-modal="false"
      aria-label={t("sendForm")}
      data-testid="form-picker"
      className="mx-3 mb-2 rounded-xl border border-zinc-200 bg-white p-3 shadow-sm"
      onKeyDown={(e) => {
        if (e.key === "Escape") props.onClose();
      }}
    >
      <div className="mb-2 flex items-center justify-between">
        <p className="flex items-center gap-1.5 text-[13px] font-semibold text-zinc-900">
          <ClipboardList className="size-4" aria-hidden="true" /> {t("sendForm")}
        </p>
        <button
          type="button"
          onClick={props.onClose}
          className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100"
          aria-label={t("cancel")}
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
      <p className="mb-2 text-[12px] text-zinc-500">{t("sendFormHint")}</p>
      {load.state === "loading" ? <p className="text-[13px] text-zinc-500">{t("loading")}</p> : null}
      {load.state === "error" ? (
        <p role="alert" className="text-[13px] text-red-700">
          {load.message}
        </p>
      ) : null}
      {load.state === "ready" && load.forms.length === 0 ? (
        <p className="text-[13px] text-zinc-500">{t("noForms")}</p>
      ) : null}
      {load.state === "ready" && load.forms.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {load.forms.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                data-form-choice
                disabled={sending !== null}
                onClick={() => void send(f)}
                className="rounded-lg border border-zinc-300 px-3 py-1.5 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50 disabled:opacity-50"
              >
                {tf(`kind.${f.kind}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-[12px] text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
