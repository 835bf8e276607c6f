"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { KeyRound, TriangleAlert, X } from "lucide-react";
import { SubmitButton } from "@/components/accounts/action-form";
import type { TActionState } from "@/server/action-helpers";
import { createApiKeyAction } from "@/server/actions/api-keys";
import { buttonClass, CopyField, Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";
import { groupScopes, splitScope, useScopeText } from "./scope-text";

const IDLE: TActionState = { ok: null };

type TDealer = { id: string; name: string };
export type TCreateProps = { scopes: string[]; dealers: TDealer[]; mayAllDealers: boolean; apiUrl: string };

/** The dialog's content: the form, then (once created) the key, shown this one time. */
export function CreateKeyBody(props: TCreateProps & { close: () => void }) {
  const t = useTranslations("apiKeys");
  const [state, action] = useActionState<TActionState, FormData>(createApiKeyAction, IDLE);
  const created = state.ok ? (state.data as { token: string; key: { name: string } }) : null;
  return (
    <>
      <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-5 py-3.5">
        <h2 id="api-key-dialog-title" className="truncate text-sm font-semibold">
          {created ? t("created.title") : t("form.title")}
        </h2>
        <button type="button" className={buttonClass.ghost} onClick={props.close} aria-label={t("close")}>
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
      <div className="max-h-[calc(100dvh-8rem)] overflow-y-auto">
        {created ? (
          <ShownOnce token={created.token} name={created.key.name} apiUrl={props.apiUrl} close={props.close} />
        ) : (
          <KeyForm {...props} state={state} action={action} />
        )}
      </div>
    </>
  );
}

function KeyForm(props: TCreateProps & { state: TActionState; action: (form: FormData) => void; close: () => void }) {
  const t = useTranslations("apiKeys");
  const text = useScopeText();
  const { state } = props;
  // Controlled: a refused form keeps everything that was typed and ticked.
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  // A dealer-scoped administrator of one dealer has nothing to choose: that dealer is ticked.
  const [dealerIds, setDealerIds] = useState<string[]>(
    !props.mayAllDealers && props.dealers.length === 1 ? [props.dealers[0]!.id] : [],
  );
  const issue = (path: string) =>
    state.ok === false ? (state.issues?.find((i) => i.path === path)?.message ?? null) : null;
  const formError = state.ok === false && !state.issues?.length ? state.message : null;
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
  const scopesError = issue("scopes");
  const dealersError = issue("dealerIds");

  return (
    <form action={props.action} className="space-y-5 px-5 py-4" data-testid="api-key-form" noValidate>
      <Field id="api-key-name" label={t("form.name")} help={t("form.nameHelp")} error={issue("name")}>
        {(f) => (
          <input
            {...f}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            maxLength={80}
            autoFocus
          />
        )}
      </Field>

      <fieldset className="space-y-2" aria-describedby="api-key-scopes-help">
        <div className="flex items-end justify-between gap-3">
          <div>
            <legend className="text-[13px] font-medium text-zinc-700">{t("form.scopes")}</legend>
            <p id="api-key-scopes-help" className="text-xs text-zinc-500">
              {t("form.scopesHelp")}
            </p>
          </div>
          <button
            type="button"
            className={`${buttonClass.ghost} shrink-0 text-xs`}
            onClick={() => setScopes(scopes.length === props.scopes.length ? [] : props.scopes)}
          >
            {scopes.length === props.scopes.length ? t("form.selectNone") : t("form.selectAll")}
          </button>
        </div>
        <div
          className={`divide-y divide-zinc-100 rounded-lg border ${scopesError ? "border-red-400" : "border-zinc-200"}`}
        >
          {groupScopes(props.scopes).map((group) => (
            <div key={group.resource} className="grid gap-1.5 px-3 py-2.5 sm:grid-cols-[8.5rem_1fr] sm:gap-3">
              <div className="pt-0.5 text-[13px] font-semibold text-zinc-800">{text.resource(group.resource)}</div>
              <div className="space-y-1.5">
                {group.scopes.map((scope) => (
                  <label key={scope} className="flex cursor-pointer items-start gap-2.5 text-[13px]">
                    <input
                      type="checkbox"
                      name="scopes"
                      value={scope}
                      checked={scopes.includes(scope)}
                      onChange={(e) => setScopes(toggle(scopes, scope, e.target.checked))}
                      className="accent-brand-600 mt-0.5 size-4 shrink-0"
                      data-testid={`scope-${scope}`}
                    />
                    <span className="min-w-0">
                      <span className="font-medium text-zinc-900">{text.level(splitScope(scope).level)}</span>
                      <span className="text-zinc-500"> — {text.help(scope)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </div>
        {scopesError ? <Outcome error={scopesError} /> : null}
      </fieldset>

      {props.dealers.length > 1 || !props.mayAllDealers ? (
        <fieldset className="space-y-2">
          <legend className="text-[13px] font-medium text-zinc-700">{t("form.dealers")}</legend>
          <p className="text-xs text-zinc-500">
            {props.mayAllDealers ? t("form.dealersHelpAll") : t("form.dealersHelpScoped")}
          </p>
          <div
            className={`grid gap-1.5 rounded-lg border px-3 py-2.5 sm:grid-cols-2 ${dealersError ? "border-red-400" : "border-zinc-200"}`}
          >
            {props.dealers.map((d) => (
              <label key={d.id} className="flex cursor-pointer items-center gap-2.5 text-[13px]">
                <input
                  type="checkbox"
                  name="dealerIds"
                  value={d.id}
                  checked={dealerIds.includes(d.id)}
                  onChange={(e) => setDealerIds(toggle(dealerIds, d.id, e.target.checked))}
                  className="accent-brand-600 size-4 shrink-0"
                />
                <span className="truncate">{d.name}</span>
              </label>
            ))}
          </div>
          {dealersError ? <Outcome error={dealersError} /> : null}
        </fieldset>
      ) : null}

      <Outcome error={formError} />
      <div className="flex flex-col-reverse gap-2 border-t border-zinc-100 pt-4 sm:flex-row sm:justify-end">
        <button type="button" className={buttonClass.secondary} onClick={props.close}>
          {t("cancel")}
        </button>
        <SubmitButton testId="api-key-create">
          <KeyRound className="size-3.5" aria-hidden="true" />
          {t("form.create")}
        </SubmitButton>
      </div>
    </form>
  );
}

function ShownOnce({ token, name, apiUrl, close }: { token: string; name: string; apiUrl: string; close: () => void }) {
  const t = useTranslations("apiKeys");
  const curl = `curl ${apiUrl}/conversations \\\n  -H "Authorization: Bearer ${token}"`;
  return (
    <div className="space-y-4 px-5 py-4" data-testid="api-key-created">
      <div
        role="status"
        className="flex gap-2.5 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-[13px] text-amber-900"
      >
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden="true" />
        <p>
          <span className="font-semibold">{name}.</span> {t("created.once")}
        </p>
      </div>
      <CopyField label={t("created.key")} value={token} testId="api-key-token" />
      <div className="space-y-1">
        <div className="text-xs font-medium text-zinc-600">{t("created.try")}</div>
        <pre
          className="overflow-x-auto rounded-lg bg-zinc-900 px-3 py-2.5 font-mono text-[12px] leading-5 text-zinc-100"
          aria-label={t("created.curlLabel")}
          data-testid="api-key-curl"
        >
          {curl}
        </pre>
      </div>
      <div className="flex justify-end border-t border-zinc-100 pt-4">
        <button type="button" className={buttonClass.primary} onClick={close} data-testid="api-key-done" autoFocus>
          {t("created.done")}
        </button>
      </div>
    </div>
  );
}
