"use client";

import Link from "next/link";
import { startTransition, useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, Loader2 } from "lucide-react";
import { Field } from "@/components/forms/field";
import { signInAction, type TSignInState } from "@/server/actions/sign-in";

const initial: TSignInState = { error: null };
const input =
  "block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-xs outline-none transition focus:border-brand-500 focus:ring-3 focus:ring-brand-100";

export function SignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState(signInAction, initial);
  // Controlled, so the e-mail and password survive the round trip when a code is asked for.
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const askCode = state.error === "totpRequired" || state.error === "totpInvalid";
  const error =
    state.error && state.error !== "totpRequired"
      ? t(`errors.${state.error}`, { minutes: "minutes" in state ? (state.minutes ?? 0) : 0 })
      : null;

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        // Submitted by hand (not `action=`) so React does not reset the fields afterwards.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      {error ? (
        <div
          role="alert"
          data-testid="sign-in-error"
          className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800"
        >
          <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>{error}</span>
        </div>
      ) : null}
      <Field label={t("email")}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus={!askCode}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className={input}
        />
      </Field>
      <Field
        label={t("password")}
        aside={
          <Link href="/forgot-password" className="text-xs text-brand-700 hover:underline">
            {t("forgot")}
          </Link>
        }
      >
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={input}
        />
      </Field>
      {askCode ? (
        <Field label={t("totpCode")} help={t("totpHelp")}>
          <input
            id="totpCode"
            name="totpCode"
            autoComplete="one-time-code"
            // Six digits, or a recovery code (XXXXX-XXXXX, any case, with or without the dash).
            pattern="[0-9]{6}|[A-Za-z0-9]{5}[\- ]?[A-Za-z0-9]{5}"
            maxLength={11}
            autoCapitalize="characters"
            autoFocus
            required
            className={`${input} font-mono tracking-[0.3em]`}
          />
        </Field>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm transition hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
        {pending ? t("submitting") : askCode ? t("verify") : t("submit")}
      </button>
    </form>
  );
}
