"use client";

import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Plus, X } from "lucide-react";
import { WEEKDAYS, type TBusinessHours } from "@forecourt/protocol";
import { inputClass } from "@/components/accounts/styles";

type TDay = (typeof WEEKDAYS)[number];
const timeInput = inputClass.replace("w-full", "w-28");

/** Weekday names in the interface language, Monday first (5 January 2026 is a Monday). */
export function useWeekdayNames(): Record<TDay, string> {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
    return Object.fromEntries(WEEKDAYS.map((d, i) => [d, format.format(new Date(Date.UTC(2026, 0, 5 + i)))])) as Record<
      TDay,
      string
    >;
  }, [locale]);
}

/** The week's opening hours: per day closed, or up to four intervals (a lunch break is two). */
export function WeekHours({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: TBusinessHours;
  onChange: (next: TBusinessHours) => void;
}) {
  const t = useTranslations("routing.hours");
  const names = useWeekdayNames();
  const setDay = (day: TDay, intervals: [string, string][]) => {
    const next = { ...value };
    if (intervals.length === 0) delete next[day];
    else next[day] = intervals;
    onChange(next);
  };
  return (
    <div
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white"
      role="group"
      aria-label={t("week")}
    >
      {WEEKDAYS.map((day) => {
        const intervals = value[day] ?? [];
        const open = intervals.length > 0;
        return (
          <div key={day} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2" data-testid={`hours-${day}`}>
            <label className="flex w-36 items-center gap-2 text-[13px] text-zinc-800">
              <input
                type="checkbox"
                checked={open}
                onChange={(e) => setDay(day, e.target.checked ? [["09:00", "17:30"]] : [])}
                className="size-4 rounded border-zinc-300"
              />
              {names[day]}
            </label>
            {open ? (
              <div className="flex flex-1 flex-wrap items-center gap-2">
                {intervals.map(([from, to], i) => (
                  <span key={i} className="inline-flex items-center gap-1">
                    <input
                      type="time"
                      aria-label={t("opens", { day: names[day] })}
                      id={`${idPrefix}-${day}-${i}-from`}
                      value={from}
                      onChange={(e) =>
                        setDay(
                          day,
                          intervals.map((iv, j) => (j === i ? [e.target.value, iv[1]] : iv)),
                        )
                      }
                      className={timeInput}
                    />
                    <span className="text-zinc-500" aria-hidden="true">
                      –
                    </span>
                    <input
                      type="time"
                      aria-label={t("closes", { day: names[day] })}
                      value={to}
                      onChange={(e) =>
                        setDay(
                          day,
                          intervals.map((iv, j) => (j === i ? [iv[0], e.target.value] : iv)),
                        )
                      }
                      className={timeInput}
                    />
                    {intervals.length > 1 ? (
                      <button
                        type="button"
                        onClick={() =>
                          setDay(
                            day,
                            intervals.filter((_, j) => j !== i),
                          )
                        }
                        className="rounded p-1 text-zinc-500 hover:bg-zinc-100"
                        aria-label={t("removeInterval", { day: names[day] })}
                      >
                        <X className="size-3.5" aria-hidden="true" />
                      </button>
                    ) : null}
                  </span>
                ))}
                {intervals.length < 4 ? (
                  <button
                    type="button"
                    onClick={() => setDay(day, [...intervals, ["13:00", "17:30"]])}
                    className="inline-flex items-center gap-1 rounded px-1.5 py-1 text-[12px] text-zinc-600 hover:bg-zinc-100"
                  >
                    <Plus className="size-3.5" aria-hidden="true" /> {t("addInterval")}
                  </button>
                ) : null}
              </div>
            ) : (
              <span className="text-[13px] text-zinc-500">{t("closed")}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
