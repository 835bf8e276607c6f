"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Check } from "lucide-react";
import { updateLocaleAction, type TLocaleState } from "@/server/actions/update-locale";
import { Field } from "@/components/forms/field";

export function LocaleForm({ current }: { current: "en" | "nl" | "da" | "de" }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState<TLocaleState, FormData>(updateLocaleAction, { status: "idle" });
  return (
    <form action={action} className="flex items-end gap-3">
      <Field label={t("language")} help={t("languageHelp")} className="flex-1 space-y-1.5">
        <select
          id="locale"
          name="locale"
          defaultValue={current}
          className="block w-56 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] shadow-xs outline-none focus:border-brand-500 focus:ring-3 focus:ring-brand-100"
        >
          <option value="en">{t("languages.en")}</option>
          <option value="nl">{t("languages.nl")}</option>
          <option value="da">{t("languages.da")}</option>
          <option value="de">{t("languages.de")}</option>
        </select>
      </Field>
      <div className="flex items-center gap-3 pb-5">
        {state.status === "saved" && !pending ? (
          <span role="status" className="flex items-center gap-1 text-xs text-emerald-700">
            <Check className="size-3.5" aria-hidden="true" />
            {t("saved")}
          </span>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white transition hover:bg-zinc-700 disabled:opacity-60"
        >
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
