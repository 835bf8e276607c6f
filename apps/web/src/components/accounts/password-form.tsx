"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, CheckCircle2, Loader2 } from "lucide-react";
import type { TActionState } from "@/server/action-helpers";
import { Field } from "@/components/forms/field";

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;
const input =
  "block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-xs outline-none transition focus:border-brand-500 focus:ring-3 focus:ring-brand-100";

/**
 * Choose a password (accept an invitation, or reset): the result of core comes back as
 * { ok, data: { ok, reason, problem } }; weak passwords are explained by rule.
 */
export function PasswordForm({
  action,
  token,
  askName,
  email,
  submitLabel,
  doneText,
}: {
  action: TAction;
  token: string;
  askName: boolean;
  email: string;
  submitLabel: string;
  doneText: string;
}) {
  const t = useTranslations("publicAccounts");
  const [state, formAction, pending] = useActionState(action, { ok: null } as TActionState);
  // Controlled: the form's reset after a refused password (too weak) must not take the name too.
  const [name, setName] = useState("");
  const outcome = state.ok ? (state.data as { ok: boolean; reason?: string; problem?: string }) : null;
  if (outcome?.ok) {
    return (
      <div className="space-y-4 text-center" data-testid="password-done">
        <CheckCircle2 className="mx-auto size-8 text-emerald-600" aria-hidden="true" />
        <p className="text-sm text-zinc-700">{doneText}</p>
        <Link href="/sign-in" className="inline-block rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white">
          {t("goToSignIn")}
        </Link>
      </div>
    );
  }
  const error =
    state.ok === false
      ? t("errors.generic")
      : outcome && !outcome.ok
        ? outcome.reason === "weak_password"
          ? t(`passwordProblems.${outcome.problem ?? "too_short"}`)
          : t(`errors.${outcome.reason ?? "invalid"}`)
        : null;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {error ? (
        <div
          role="alert"
          className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800"
        >
          <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>{error}</span>
        </div>
      ) : null}
      <div className="space-y-1.5">
        <span className="block text-sm font-medium text-zinc-700">{t("email")}</span>
        <span className="block text-sm text-zinc-900">{email}</span>
      </div>
      {askName ? (
        <Field label={t("name")}>
          <input
            id="name"
            name="name"
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={input}
          />
        </Field>
      ) : null}
      <Field label={t("newPassword")} help={t("passwordHelp")}>
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          className={input}
        />
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm transition hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
        {submitLabel}
      </button>
    </form>
  );
}
