"use client";

import { useState, type InputHTMLAttributes } from "react";
import { useLocale } from "next-intl";
import { intlLocale } from "@/i18n/locales";
import { formatIsoDate, parseLocaleDate } from "./locale-date";

/**
 * A date field in the app's locale (31-12-2026 for a Dutch agent) whose value is ISO. What cannot
 * be read as a date is passed on as typed, so the server refuses it with a message at the field
 * and the text stays.
 */
export function LocaleDateInput({
  value,
  onValueChange,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: string;
  onValueChange: (isoOrTyped: string) => void;
}) {
  const locale = intlLocale(useLocale());
  const [text, setText] = useState(() => formatIsoDate(value, locale));
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={formatIsoDate("2026-12-31", locale)}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValueChange(parseLocaleDate(e.target.value, locale) ?? e.target.value);
      }}
    />
  );
}
