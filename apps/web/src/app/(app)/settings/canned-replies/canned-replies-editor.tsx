"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { MessageSquareText, Pencil, Plus, Trash2 } from "lucide-react";
import { CANNED_VARIABLES } from "@forecourt/protocol";
import { SubmitButton } from "@/components/accounts/action-form";
import { EmptyState } from "@/components/empty-state";
import type { TActionState } from "@/server/action-helpers";
import { deleteCannedReplyAction, saveCannedReplyAction } from "@/server/actions/canned-replies";
import { Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";

const IDLE: TActionState = { ok: null };

type TReply = { id: string; dealerId: string | null; shortcut: string; title: string; body: string };
type TProps = { mayShare: boolean; dealers: { id: string; name: string }[]; replies: TReply[] };

const EMPTY = (props: TProps): Omit<TReply, "id"> & { id?: string } => ({
  dealerId: props.mayShare ? null : (props.dealers[0]?.id ?? null),
  shortcut: "",
  title: "",
  body: "",
});

/** The list of replies, and one editor (new or the reply being edited) that keeps what was typed when refused. */
export function CannedRepliesEditor(props: TProps) {
  const t = useTranslations("cannedReplies");
  const [editing, setEditing] = useState<(Omit<TReply, "id"> & { id?: string }) | null>(null);
  const dealerName = (id: string | null) =>
    id === null ? t("everyDealer") : (props.dealers.find((d) => d.id === id)?.name ?? "");

  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <button
          type="button"
          onClick={() => setEditing(EMPTY(props))}
          className="inline-flex items-center gap-1.5 rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-zinc-700"
        >
          <Plus className="size-3.5" aria-hidden="true" /> {t("new")}
        </button>
      </div>
      {editing ? (
        <ReplyForm key={editing.id ?? "new"} initial={editing} props={props} onDone={() => setEditing(null)} />
      ) : null}
      {props.replies.length === 0 && !editing ? (
        <EmptyState icon={MessageSquareText} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white" data-testid="canned-list">
          {props.replies.map((r) => (
            <li key={r.id} className="flex items-start gap-3 px-4 py-3" data-testid="canned-reply">
              <code className="mt-0.5 rounded bg-zinc-100 px-1.5 py-0.5 text-[12px] text-zinc-700">/{r.shortcut}</code>
              <div className="min-w-0 flex-1">
                <p className="text-[13px] font-medium text-zinc-900">
                  {r.title} <span className="font-normal text-zinc-500">· {dealerName(r.dealerId)}</span>
                </p>
                <p className="line-clamp-2 text-[13px] whitespace-pre-wrap text-zinc-600">{r.body}</p>
              </div>
              <button
                type="button"
                onClick={() => setEditing(r)}
                className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
                aria-label={t("edit", { shortcut: r.shortcut })}
              >
                <Pencil className="size-4" aria-hidden="true" />
              </button>
              <DeleteButton reply={r} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReplyForm(p: { initial: Omit<TReply, "id"> & { id?: string }; props: TProps; onDone: () => void }) {
  const t = useTranslations("cannedReplies");
  const [state, action] = useActionState<TActionState, FormData>(saveCannedReplyAction, IDLE);
  const [value, setValue] = useState(p.initial);
  useEffect(() => {
    if (state.ok) p.onDone();
  }, [state, p]);
  const issue = (path: string) =>
    state.ok === false ? (state.issues?.find((i) => i.path === path)?.message ?? null) : null;
  const formError = state.ok === false && !state.issues?.length ? state.message : null;
  const set = (field: keyof TReply) => (e: { target: { value: string } }) =>
    setValue((v) => ({ ...v, [field]: e.target.value }));

  return (
    <form
      action={action}
      className="space-y-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs"
      data-testid="canned-form"
      aria-label={p.initial.id ? t("editTitle") : t("newTitle")}
    >
      {p.initial.id ? <input type="hidden" name="id" value={p.initial.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="canned-shortcut" label={t("shortcut")} help={t("shortcutHelp")} error={issue("shortcut")}>
          {(f) => <input {...f} name="shortcut" value={value.shortcut} onChange={set("shortcut")} autoComplete="off" />}
        </Field>
        <Field id="canned-dealer" label={t("dealer")} error={issue("dealerId")}>
          {(f) => (
            <select {...f} name="dealerId" value={value.dealerId ?? ""} onChange={set("dealerId")}>
              {p.props.mayShare ? <option value="">{t("everyDealer")}</option> : null}
              {p.props.dealers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id="canned-title" label={t("titleField")} error={issue("title")}>
        {(f) => <input {...f} name="title" value={value.title} onChange={set("title")} autoComplete="off" />}
      </Field>
      <Field
        id="canned-body"
        label={t("body")}
        help={t("variables", { list: CANNED_VARIABLES.map((v) => `{{${v}}}`).join(", ") })}
        error={issue("body")}
      >
        {(f) => <textarea {...f} name="body" rows={4} value={value.body} onChange={set("body")} />}
      </Field>
      <Outcome error={formError} />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={p.onDone}
          className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
        >
          {t("cancel")}
        </button>
        <SubmitButton testId="canned-save">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

function DeleteButton({ reply }: { reply: TReply }) {
  const t = useTranslations("cannedReplies");
  const [state, action] = useActionState<TActionState, FormData>(deleteCannedReplyAction, IDLE);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("confirmDelete", { shortcut: reply.shortcut }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={reply.id} />
      <button
        type="submit"
        className="rounded-md p-1.5 text-zinc-500 hover:bg-red-50 hover:text-red-700"
        aria-label={t("delete", { shortcut: reply.shortcut })}
        title={state.ok === false ? state.message : undefined}
      >
        <Trash2 className="size-4" aria-hidden="true" />
      </button>
    </form>
  );
}
