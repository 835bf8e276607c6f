"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, Loader2 } from "lucide-react";
import { signInAction, type TSignInState } from "@/server/actions/sign-in";

const initial: TSignInState = { error: null };

export function SignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState(signInAction, initial);
  const error = state.error
    ? t(`errors.${state.error}`, { minutes: "minutes" in state ? (state.minutes ?? 0) : 0 })
    : null;

  return (
    <form action={action} className="space-y-4" noValidate>
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
      <div className="space-y-1.5">
        <label htmlFor="email" className="block text-sm font-medium text-zinc-700">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          defaultValue={"email" in state ? state.email : undefined}
          className="block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-xs outline-none transition focus:border-brand-500 focus:ring-3 focus:ring-brand-100"
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="password" className="block text-sm font-medium text-zinc-700">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-xs outline-none transition focus:border-brand-500 focus:ring-3 focus:ring-brand-100"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm transition hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
