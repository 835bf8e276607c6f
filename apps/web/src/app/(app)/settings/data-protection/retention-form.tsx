"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Check } from "lucide-react";
import { updateRetentionAction, type TRetentionState } from "./actions";
import { Field } from "@/components/forms/field";

export function RetentionForm({ current, min, max }: { current: number; min: number; max: number }) {
  const t = useTranslations("dataProtection");
  const [state, action, pending] = useActionState<TRetentionState, FormData>(updateRetentionAction, {
    status: "idle",
  });
  return (
    <form action={action} className="space-y-3" data-testid="retention-form">
      <div className="flex items-end gap-3">
        <Field id="months" label={t("periodLabel")}>
          {(control) => (
            <div className="flex items-center gap-2">
              <input
                id={control.id}
                aria-invalid={control["aria-invalid"]}
                name="months"
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                step={1}
                required
                defaultValue={current}
                aria-describedby="months-help"
                className="block w-24 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] tabular-nums shadow-xs outline-none focus:border-brand-500 focus:ring-3 focus:ring-brand-100"
              />
              <span className="text-[13px] text-zinc-600">{t("months")}</span>
            </div>
          )}
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white transition hover:bg-zinc-700 disabled:opacity-60"
        >
          {pending ? t("saving") : t("save")}
        </button>
      </div>
      <p id="months-help" className="text-xs text-zinc-500">
        {t("periodHelp", { min, max })}
      </p>
      <div aria-live="polite" className="min-h-5 text-xs">
        {state.status === "saved" && !pending ? (
          <span role="status" className="flex items-center gap-1 text-emerald-700">
            <Check className="size-3.5" aria-hidden="true" />
            {t("saved", { oldMonths: state.oldMonths, newMonths: state.newMonths })}
          </span>
        ) : null}
        {state.status === "unchanged" ? <span className="text-zinc-500">{t("unchanged")}</span> : null}
        {state.status === "invalid" ? (
          <span role="alert" className="text-red-700">
            {t("invalid", { min, max })}
          </span>
        ) : null}
        {state.status === "forbidden" ? (
          <span role="alert" className="text-red-700">
            {t("forbidden")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
