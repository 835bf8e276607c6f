"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Bot as BotIcon, Check, Copy, Pencil, Plus, Trash2, X } from "lucide-react";
import { SubmitButton } from "@/components/accounts/action-form";
import type { TActionState } from "@/server/action-helpers";
import { deleteBotAction, saveBotAction, toggleBotAction } from "@/server/actions/routing";
import { Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";
import { LocalisedText, type TLocalisedDraft } from "@/components/forms/localised-text";
import { DeleteForm, ToggleSwitchForm } from "./row-actions";

const IDLE: TActionState = { ok: null };
type TText = TLocalisedDraft;
type TEntry = { keywords: string[]; answer: TText };
type TFaqConfig = { greeting?: TText; entries: TEntry[]; handoffKeywords: string[]; handoffMessage: TText };

export type TBot = {
  id: string;
  name: string;
  kind: "FAQ" | "WEBHOOK";
  enabled: boolean;
  config: unknown;
  activeConversations: number;
};

type TDraft =
  | { id?: string; kind: "FAQ"; name: string; config: TFaqConfig }
  | { id?: string; kind: "WEBHOOK"; name: string; config: { url: string } };

const EMPTY_FAQ: TFaqConfig = {
  entries: [{ keywords: [], answer: {} }],
  handoffKeywords: [],
  handoffMessage: { en: "I will get a colleague for you." },
};

/** Comma-separated words ↔ a list. */
const words = (text: string) =>
  text
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
/** Only the languages written in (the server wants at least one). */
const cleanText = (t: TText | undefined) =>
  Object.fromEntries(Object.entries(t ?? {}).filter(([, v]) => v && v.trim())) as TText;

function draftOf(bot: TBot): TDraft {
  return bot.kind === "FAQ"
    ? { id: bot.id, kind: "FAQ", name: bot.name, config: { ...EMPTY_FAQ, ...(bot.config as TFaqConfig) } }
    : { id: bot.id, kind: "WEBHOOK", name: bot.name, config: { url: (bot.config as { url?: string }).url ?? "" } };
}

/** A dealer's bots: a routing rule hands conversations to one (its action "Hand to a bot"). */
export function BotsEditor({ dealerId, bots }: { dealerId: string; bots: TBot[] }) {
  const t = useTranslations("routing.bots");
  const [editing, setEditing] = useState<TDraft | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
        <p className="min-w-0 flex-1 basis-64 text-[13px] text-zinc-500">{t("intro")}</p>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={() => setEditing({ kind: "FAQ", name: "", config: EMPTY_FAQ })}
            className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
          >
            <Plus className="size-3.5" aria-hidden="true" /> {t("addFaq")}
          </button>
          <button
            type="button"
            onClick={() => setEditing({ kind: "WEBHOOK", name: "", config: { url: "" } })}
            className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
          >
            <Plus className="size-3.5" aria-hidden="true" /> {t("addWebhook")}
          </button>
        </div>
      </div>
      {secret ? <SecretOnce secret={secret} onDone={() => setSecret(null)} /> : null}
      {editing && !editing.id ? (
        <BotForm
          dealerId={dealerId}
          initial={editing}
          onDone={(created) => {
            setEditing(null);
            if (created) setSecret(created);
          }}
        />
      ) : null}
      {bots.length === 0 ? (
        <p className="border-t border-zinc-100 px-4 py-4 text-[13px] text-zinc-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 border-t border-zinc-100">
          {bots.map((bot) =>
            editing?.id === bot.id ? (
              <li key={bot.id}>
                <BotForm dealerId={dealerId} initial={editing} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <BotRow key={bot.id} bot={bot} onEdit={() => setEditing(draftOf(bot))} />
            ),
          )}
        </ul>
      )}
    </div>
  );
}

/** A new webhook bot's signing secret, shown once. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations("routing.bots");
  const [copied, setCopied] = useState(false);
  return (
    <div
      className="mx-4 mb-3 space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3"
      role="status"
      data-testid="bot-secret"
    >
      <p className="text-[13px] font-medium text-amber-900">{t("secretTitle")}</p>
      <p className="text-xs text-amber-900">{t("secretBody")}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 text-[12px]">{secret}</code>
        <button
          type="button"
          onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
          className="inline-flex items-center gap-1 rounded-md border border-amber-300 bg-white px-2 py-1 text-[12px]"
        >
          {copied ? (
            <Check className="size-3.5" aria-hidden="true" />
          ) : (
            <Copy className="size-3.5" aria-hidden="true" />
          )}
          {copied ? t("copied") : t("copy")}
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded-md p-1 text-amber-900 hover:bg-amber-100"
          aria-label={t("dismiss")}
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}

function BotRow({ bot, onEdit }: { bot: TBot; onEdit: () => void }) {
  const t = useTranslations("routing.bots");
  const [toggleState, toggle] = useActionState<TActionState, FormData>(toggleBotAction, IDLE);
  const [deleteState, remove] = useActionState<TActionState, FormData>(deleteBotAction, IDLE);
  const error = [toggleState, deleteState].find((s) => s.ok === false);
  return (
    <li className="px-4 py-3" data-testid="bot">
      <div className="flex flex-wrap items-center gap-3">
        <BotIcon className="size-4 shrink-0 text-zinc-500" aria-hidden="true" />
        <div className="min-w-0 flex-1 basis-48">
          <p className="text-[13px] font-medium text-zinc-900">
            {bot.name}
            <span className="ml-2 rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] font-normal text-zinc-600">
              {t(`kind.${bot.kind}`)}
            </span>
          </p>
          <p className="text-[12px] text-zinc-500">{t("holding", { count: bot.activeConversations })}</p>
        </div>
        <div className="ml-auto flex items-center gap-1">
          <ToggleSwitchForm
            action={toggle}
            id={bot.id}
            enabled={bot.enabled}
            label={t("enabled", { name: bot.name })}
          />
          <button
            type="button"
            onClick={onEdit}
            className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100"
            aria-label={t("edit", { name: bot.name })}
          >
            <Pencil className="size-4" aria-hidden="true" />
          </button>
          <DeleteForm
            action={remove}
            id={bot.id}
            label={t("delete", { name: bot.name })}
            confirm={t("confirmDelete", { name: bot.name })}
          />
        </div>
      </div>
      {error && error.ok === false ? <Outcome error={error.message} /> : null}
    </li>
  );
}

function BotForm({
  dealerId,
  initial,
  onDone,
}: {
  dealerId: string;
  initial: TDraft;
  onDone: (secret?: string) => void;
}) {
  const t = useTranslations("routing.bots");
  const [state, action] = useActionState<TActionState, FormData>(saveBotAction, IDLE);
  const [draft, setDraft] = useState(initial);
  const faq = draft.kind === "FAQ" ? draft.config : null;
  const [keywordText, setKeywordText] = useState((faq?.entries ?? []).map((e) => e.keywords.join(", ")));
  const [handoffText, setHandoffText] = useState((faq?.handoffKeywords ?? []).join(", "));
  useEffect(() => {
    if (state.ok) onDone(((state.data ?? {}) as { secret?: string | null }).secret ?? undefined);
  }, [state, onDone]);
  const issue = (prefix: string) =>
    state.ok === false ? (state.issues?.find((i) => i.path.startsWith(prefix))?.message ?? null) : null;
  const payload =
    draft.kind === "FAQ"
      ? {
          ...draft,
          dealerId,
          config: {
            greeting: Object.keys(cleanText(draft.config.greeting)).length
              ? cleanText(draft.config.greeting)
              : undefined,
            entries: draft.config.entries.map((e, i) => ({
              keywords: words(keywordText[i] ?? ""),
              answer: cleanText(e.answer),
            })),
            handoffKeywords: words(handoffText),
            handoffMessage: cleanText(draft.config.handoffMessage),
          },
        }
      : { ...draft, dealerId };
  const setFaq = (patch: Partial<TFaqConfig>) =>
    setDraft((d) => (d.kind === "FAQ" ? { ...d, config: { ...d.config, ...patch } } : d));
  const key = draft.id ?? "new";
  return (
    <form
      action={action}
      className="space-y-4 border-b border-zinc-100 bg-zinc-50/60 p-4"
      data-testid="bot-form"
      aria-label={t(draft.id ? "editTitle" : "newTitle")}
    >
      <input type="hidden" name="payload" value={JSON.stringify(payload)} />
      <Field id={`bot-name-${key}`} label={t("name")} error={issue("name")}>
        {(f) => (
          <input
            {...f}
            value={draft.name}
            maxLength={80}
            autoFocus
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        )}
      </Field>
      {draft.kind === "WEBHOOK" ? (
        <Field id={`bot-url-${key}`} label={t("url")} help={t("urlHelp")} error={issue("config.url")}>
          {(f) => (
            <input
              {...f}
              type="url"
              value={draft.config.url}
              placeholder="https://bot.example.com/forecourt"
              onChange={(e) => setDraft({ ...draft, config: { url: e.target.value } })}
            />
          )}
        </Field>
      ) : (
        <>
          <LocalisedText
            id={`bot-greeting-${key}`}
            label={t("greeting")}
            value={faq!.greeting}
            onChange={(v) => setFaq({ greeting: v })}
            error={issue("config.greeting")}
          />
          <div className="space-y-3">
            <p className="text-[13px] font-medium text-zinc-700">{t("answers")}</p>
            {faq!.entries.map((entry, i) => (
              <div key={i} className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3" data-testid="bot-entry">
                <div className="flex items-end gap-2">
                  <div className="flex-1">
                    <Field
                      id={`bot-kw-${key}-${i}`}
                      label={t("keywords")}
                      help={t("keywordsHelp")}
                      error={issue(`config.entries.${i}.keywords`)}
                    >
                      {(f) => (
                        <input
                          {...f}
                          value={keywordText[i] ?? ""}
                          onChange={(e) => setKeywordText(keywordText.map((k, j) => (j === i ? e.target.value : k)))}
                        />
                      )}
                    </Field>
                  </div>
                  {faq!.entries.length > 1 ? (
                    <button
                      type="button"
                      onClick={() => {
                        setFaq({ entries: faq!.entries.filter((_, j) => j !== i) });
                        setKeywordText(keywordText.filter((_, j) => j !== i));
                      }}
                      className="mb-1 rounded-md p-1.5 text-zinc-500 hover:bg-red-50 hover:text-red-700"
                      aria-label={t("removeAnswer")}
                    >
                      <Trash2 className="size-4" aria-hidden="true" />
                    </button>
                  ) : null}
                </div>
                <LocalisedText
                  id={`bot-answer-${key}-${i}`}
                  label={t("answer")}
                  value={entry.answer}
                  onChange={(v) => setFaq({ entries: faq!.entries.map((e, j) => (j === i ? { ...e, answer: v } : e)) })}
                  error={issue(`config.entries.${i}.answer`)}
                />
              </div>
            ))}
            <button
              type="button"
              onClick={() => {
                setFaq({ entries: [...faq!.entries, { keywords: [], answer: {} }] });
                setKeywordText([...keywordText, ""]);
              }}
              className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
            >
              <Plus className="size-3.5" aria-hidden="true" /> {t("addAnswer")}
            </button>
          </div>
          <Field
            id={`bot-handoff-words-${key}`}
            label={t("handoffKeywords")}
            help={t("handoffKeywordsHelp")}
            error={issue("config.handoffKeywords")}
          >
            {(f) => (
              <input
                {...f}
                value={handoffText}
                onChange={(e) => setHandoffText(e.target.value)}
                placeholder={t("handoffPlaceholder")}
              />
            )}
          </Field>
          <LocalisedText
            id={`bot-handoff-${key}`}
            label={t("handoffMessage")}
            value={faq!.handoffMessage}
            onChange={(v) => setFaq({ handoffMessage: v })}
            error={issue("config.handoffMessage")}
          />
        </>
      )}
      <Outcome error={state.ok === false && !state.issues?.length ? state.message : null} />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={() => onDone()}
          className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
        >
          {t("cancel")}
        </button>
        <SubmitButton testId="bot-save">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
