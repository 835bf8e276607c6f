"use client";

import { useTranslations } from "next-intl";
import { WIDGET_LANGUAGES, type TWidgetLanguage } from "@forecourt/protocol";
import { inputClass } from "@/components/accounts/styles";
import { Outcome } from "@/app/(app)/settings/channels/form-bits";

/** A text being edited in each of the four languages (any may be empty). */
export type TLocalisedDraft = Partial<Record<TWidgetLanguage, string>>;
type TText = TLocalisedDraft;

/** One text per language, in tabs-free rows: the four languages we ship, each optional. */
export function LocalisedText({
  id,
  label,
  value,
  onChange,
  error,
  rows = 2,
  maxLength = 1000,
  fieldName,
}: {
  id: string;
  label: string;
  value: TText | undefined;
  onChange: (v: TText) => void;
  /** One line (an input) or a few (a textarea). */
  rows?: number;
  maxLength?: number;
  error?: string | null;
  /** The form field's name per language, for forms posted as FormData. */
  fieldName?: (lang: TWidgetLanguage) => string;
}) {
  const t = useTranslations("routing.rule.language");
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-[13px] font-medium text-zinc-700">{label}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {WIDGET_LANGUAGES.map((lang) => (
          <label key={lang} className="flex items-start gap-2">
            <span className="mt-1.5 w-8 shrink-0 text-[11px] font-semibold text-zinc-500 uppercase" title={t(lang)}>
              {lang}
            </span>
            <textarea
              id={`${id}-${lang}`}
              name={fieldName?.(lang)}
              aria-label={`${label} (${t(lang)})`}
              rows={rows}
              maxLength={maxLength}
              value={value?.[lang] ?? ""}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
              className={inputClass}
            />
          </label>
        ))}
      </div>
      {error ? <Outcome error={error} /> : null}
    </fieldset>
  );
}
