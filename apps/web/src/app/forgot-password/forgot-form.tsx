"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Loader2, MailCheck } from "lucide-react";
import type { TActionState } from "@/server/action-helpers";
import { requestPasswordResetAction } from "@/server/actions/public-accounts";
import { Field } from "@/components/forms/field";

export function ForgotForm() {
  const t = useTranslations("publicAccounts");
  const [state, action, pending] = useActionState(requestPasswordResetAction, { ok: null } as TActionState);
  if (state.ok) {
    return (
      <div className="space-y-3 text-center" role="status">
        <MailCheck className="mx-auto size-8 text-emerald-600" aria-hidden="true" />
        <p className="text-sm text-zinc-700">{t("forgotSent")}</p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      {state.ok === false ? (
        <p role="alert" className="text-sm text-red-700">
          {t("errors.email")}
        </p>
      ) : null}
      <Field label={t("email")}>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="username"
          className="block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-xs outline-none focus:border-brand-500 focus:ring-3 focus:ring-brand-100"
        />
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : null}
        {t("sendLink")}
      </button>
    </form>
  );
}
