"use client";

import { useActionState, useEffect, useRef } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Ban } from "lucide-react";
import type { TApiKeyView } from "@forecourt/core/api-keys/api-key-input";
import { SubmitButton } from "@/components/accounts/action-form";
import { Badge } from "@/components/accounts/section";
import type { TActionState } from "@/server/action-helpers";
import { revokeApiKeyAction } from "@/server/actions/api-keys";
import { buttonClass, Outcome } from "../channels/form-bits";
import { splitScope, useScopeText } from "./scope-text";

const IDLE: TActionState = { ok: null };
type TDealer = { id: string; name: string };

function statusOf(key: TApiKeyView): "ACTIVE" | "REVOKED" | "DISABLED" {
  if (key.revokedAt) return "REVOKED";
  return key.status === "ACTIVE" ? "ACTIVE" : "DISABLED";
}

/** The keys: name and prefix, scopes as chips, dealers, created / last used (relative), status, revoke. */
export function ApiKeyList({ keys, dealers, now }: { keys: TApiKeyView[]; dealers: TDealer[]; now: string }) {
  const t = useTranslations("apiKeys");
  return (
    <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white" aria-label={t("list")}>
      {keys.map((key) => (
        <KeyRow key={key.id} apiKey={key} dealers={dealers} now={new Date(now)} />
      ))}
    </ul>
  );
}

function KeyRow({ apiKey, dealers, now }: { apiKey: TApiKeyView; dealers: TDealer[]; now: Date }) {
  const t = useTranslations("apiKeys");
  const format = useFormatter();
  const text = useScopeText();
  const status = statusOf(apiKey);
  const when = (iso: string) => format.relativeTime(new Date(iso), now);
  const exact = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const dealerText =
    apiKey.dealerIds.length === 0
      ? t("allDealers")
      : apiKey.dealerIds.length <= 2
        ? apiKey.dealerIds.map((id) => dealers.find((d) => d.id === id)?.name ?? "—").join(", ")
        : t("dealerCount", { count: apiKey.dealerIds.length });
  return (
    <li
      className={`flex flex-col gap-3 px-4 py-3.5 sm:flex-row sm:items-start ${status === "ACTIVE" ? "" : "bg-zinc-50/60"}`}
      data-testid="api-key-row"
      data-status={status}
    >
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className={`text-[13px] font-semibold ${status === "ACTIVE" ? "text-zinc-900" : "text-zinc-500"}`}>
            {apiKey.name}
          </span>
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-600">{apiKey.prefix}</code>
          <Badge tone={status === "ACTIVE" ? "green" : status === "REVOKED" ? "red" : "zinc"}>
            {t(`status.${status}`)}
          </Badge>
        </div>
        <ul className="flex flex-wrap gap-1" aria-label={t("columns.scopes")}>
          {apiKey.scopes.map((scope) => {
            const { resource, level } = splitScope(scope);
            return (
              <li
                key={scope}
                title={text.help(scope)}
                className="inline-flex items-center rounded-full border border-zinc-200 bg-white px-2 py-0.5 text-[11px] text-zinc-700"
              >
                {text.resource(resource)}
                <span className="mx-1 text-zinc-300">·</span>
                <span className="text-zinc-500">{text.level(level)}</span>
              </li>
            );
          })}
        </ul>
        <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-zinc-500">
          <span>{dealerText}</span>
          <span title={exact(apiKey.createdAt)}>{t("createdAt", { when: when(apiKey.createdAt) })}</span>
          <span title={apiKey.lastUsedAt ? exact(apiKey.lastUsedAt) : undefined} data-testid="api-key-last-used">
            {apiKey.lastUsedAt ? t("lastUsedAt", { when: when(apiKey.lastUsedAt) }) : t("neverUsed")}
          </span>
        </p>
      </div>
      {status === "ACTIVE" ? <RevokeButton apiKey={apiKey} /> : null}
    </li>
  );
}

/** Revoke asks first, in a modal that names the key; Escape or Cancel leaves it alone. */
function RevokeButton({ apiKey }: { apiKey: TApiKeyView }) {
  const t = useTranslations("apiKeys");
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState<TActionState, FormData>(revokeApiKeyAction, IDLE);
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);
  const titleId = `revoke-${apiKey.id}-title`;
  return (
    <>
      <button
        type="button"
        className={`${buttonClass.secondary} self-start text-red-700 hover:bg-red-50`}
        onClick={() => dialog.current?.showModal()}
        aria-label={t("revokeLabel", { name: apiKey.name })}
        data-testid="api-key-revoke"
      >
        <Ban className="size-3.5" aria-hidden="true" />
        {t("revoke")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-900/30"
        data-testid="api-key-revoke-dialog"
      >
        <form action={action} className="space-y-3 px-5 py-4">
          <input type="hidden" name="id" value={apiKey.id} />
          <h2 id={titleId} className="text-sm font-semibold">
            {t("revokeTitle", { name: apiKey.name })}
          </h2>
          <p className="text-[13px] text-zinc-600">{t("revokeBody", { prefix: apiKey.prefix })}</p>
          <Outcome error={state.ok === false ? state.message : null} />
          <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
            <button type="button" className={buttonClass.secondary} onClick={() => dialog.current?.close()} autoFocus>
              {t("cancel")}
            </button>
            <SubmitButton variant="danger" testId="api-key-revoke-confirm">
              {t("revokeConfirm")}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
