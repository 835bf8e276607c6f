"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Plus, Trash2 } from "lucide-react";
import type { TBusinessHours, THolidays } from "@forecourt/protocol";
import { SubmitButton } from "@/components/accounts/action-form";
import { inputClass } from "@/components/accounts/styles";
import type { TActionState } from "@/server/action-helpers";
import { saveBusinessHoursAction } from "@/server/actions/routing";
import { Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";
import { WeekHours } from "./week-hours";

const IDLE: TActionState = { ok: null };

export type THoursDealer = {
  id: string;
  name: string;
  timeZone: string;
  businessHours: TBusinessHours;
  holidays: THolidays;
  awayMessage: string | null;
  departments: { id: string; name: string; businessHours: TBusinessHours | null }[];
};

/**
 * A dealer's time zone (from the list), weekly hours, holidays, away message, and the
 * departments that keep hours of their own. What was typed stays when the server refuses it.
 */
export function HoursEditor({ dealer, timeZones }: { dealer: THoursDealer; timeZones: string[] }) {
  const t = useTranslations("routing.hours");
  const [state, action] = useActionState<TActionState, FormData>(saveBusinessHoursAction, IDLE);
  const [timeZone, setTimeZone] = useState(dealer.timeZone);
  const [hours, setHours] = useState(dealer.businessHours);
  const [holidays, setHolidays] = useState(dealer.holidays);
  const [away, setAway] = useState(dealer.awayMessage ?? "");
  const [departments, setDepartments] = useState(dealer.departments);
  const issue = (prefix: string) =>
    state.ok === false ? (state.issues?.find((i) => i.path.startsWith(prefix))?.message ?? null) : null;
  const payload = JSON.stringify({
    dealerId: dealer.id,
    timeZone,
    businessHours: hours,
    holidays,
    awayMessage: away.trim() || null,
    departments: departments.map((d) => ({ id: d.id, businessHours: d.businessHours })),
  });
  const id = (name: string) => `${name}-${dealer.id}`;
  return (
    <form
      action={action}
      className="space-y-5 p-4"
      data-testid="hours-form"
      aria-label={t("formTitle", { dealer: dealer.name })}
    >
      <input type="hidden" name="payload" value={payload} />
      <Field id={id("tz")} label={t("timeZone")} help={t("timeZoneHelp")} error={issue("timeZone")}>
        {(f) => (
          <select
            {...f}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            className={`${f.className} max-w-xs`}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="space-y-1.5">
        <p className="text-[13px] font-medium text-zinc-700">{t("weekly")}</p>
        <p className="text-xs text-zinc-500">{t("weeklyHelp")}</p>
        <WeekHours idPrefix={id("week")} value={hours} onChange={setHours} />
        {issue("businessHours") ? <Outcome error={issue("businessHours")} /> : null}
      </div>
      <div className="space-y-2">
        <p className="text-[13px] font-medium text-zinc-700">{t("holidays")}</p>
        {holidays.length === 0 ? <p className="text-xs text-zinc-500">{t("noHolidays")}</p> : null}
        <ul className="space-y-2">
          {holidays.map((h, i) => (
            <li key={i} className="grid grid-cols-[10.5rem_1fr_auto] items-center gap-2" data-testid="holiday">
              <input
                type="date"
                aria-label={t("holidayDate")}
                value={h.date}
                onChange={(e) => setHolidays(holidays.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))}
                className={inputClass}
                required
              />
              <input
                aria-label={t("holidayName")}
                placeholder={t("holidayPlaceholder")}
                value={h.name}
                maxLength={80}
                onChange={(e) => setHolidays(holidays.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                className={inputClass}
              />
              <button
                type="button"
                onClick={() => setHolidays(holidays.filter((_, j) => j !== i))}
                className="rounded-md p-1.5 text-zinc-500 hover:bg-red-50 hover:text-red-700"
                aria-label={t("removeHoliday", { date: h.date || "—" })}
              >
                <Trash2 className="size-4" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => setHolidays([...holidays, { date: "", name: "" }])}
          className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
        >
          <Plus className="size-3.5" aria-hidden="true" /> {t("addHoliday")}
        </button>
        {issue("holidays") ? <Outcome error={issue("holidays")} /> : null}
      </div>
      <Field id={id("away")} label={t("away")} help={t("awayHelp")} error={issue("awayMessage")}>
        {(f) => <textarea {...f} rows={2} maxLength={1000} value={away} onChange={(e) => setAway(e.target.value)} />}
      </Field>
      {departments.length > 0 ? (
        <div className="space-y-2">
          <p className="text-[13px] font-medium text-zinc-700">{t("departments")}</p>
          {departments.map((d) => (
            <div key={d.id} className="space-y-2" data-testid="department-hours">
              <label className="flex items-center gap-2 text-[13px] text-zinc-800">
                <input
                  type="checkbox"
                  className="size-4 rounded border-zinc-300"
                  checked={d.businessHours !== null}
                  onChange={(e) =>
                    setDepartments(
                      departments.map((x) =>
                        x.id === d.id ? { ...x, businessHours: e.target.checked ? { ...hours } : null } : x,
                      ),
                    )
                  }
                />
                {t("ownHours", { department: d.name })}
              </label>
              {d.businessHours ? (
                <WeekHours
                  idPrefix={id(`dep-${d.id}`)}
                  value={d.businessHours}
                  onChange={(next) =>
                    setDepartments(departments.map((x) => (x.id === d.id ? { ...x, businessHours: next } : x)))
                  }
                />
              ) : null}
            </div>
          ))}
          {issue("departments") ? <Outcome error={issue("departments")} /> : null}
        </div>
      ) : null}
      <Outcome
        error={state.ok === false && !state.issues?.length ? state.message : null}
        success={state.ok ? t("saved") : null}
      />
      <div className="flex justify-end">
        <SubmitButton testId="hours-save">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
