"use client";

import { useTranslations } from "next-intl";
import { Trash2 } from "lucide-react";
import { Field } from "@/components/forms/field";
import { LocaleDateInput } from "@/components/forms/locale-date-input";

export type TVehicleDraft = {
  id?: string;
  vin: string;
  plate: string;
  make: string;
  model: string;
  year: string;
  motDate: string;
  remove?: boolean;
};

export const EMPTY_VEHICLE: TVehicleDraft = { vin: "", plate: "", make: "", model: "", year: "", motDate: "" };

const INPUT =
  "w-full min-w-0 rounded-md border bg-white px-2 py-1 text-[13px] disabled:bg-zinc-50 aria-[invalid=true]:border-red-400";

/** Why a vehicle field was refused, in the agent's language (the server's words as a fallback). */
export function vehicleFieldMessage(t: ReturnType<typeof useTranslations>, field: string, server: string): string {
  if (field === "vin") return t("vinInvalid");
  if (field === "year") return t("yearInvalid", { max: new Date().getFullYear() + 1 });
  if (field === "motDate") return t("motDateInvalid");
  return server;
}

/**
 * One vehicle of the contact: VIN across, plate and year, make and model, then the MOT date,
 * each labelled, with the server's refusal shown at the field (`errors`: field → message).
 */
export function VehicleEditor(props: {
  vehicle: TVehicleDraft;
  index: number;
  disabled: boolean;
  errors: Record<string, string>;
  onChange: (patch: Partial<TVehicleDraft>) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("chat.contact");
  const { vehicle: v, index, disabled, errors } = props;
  const field = (name: keyof TVehicleDraft, label: string, extra: Record<string, unknown> = {}) => {
    const id = `vehicle-${index}-${name}`;
    const error = errors[name];
    return (
      <Field id={id} label={label} error={error} compact className="flex min-w-0 flex-1 flex-col gap-0.5">
        {(control) =>
          name === "motDate" ? (
            <LocaleDateInput
              {...control}
              className={`${INPUT} ${error ? "border-red-400" : "border-zinc-200"}`}
              value={String(v[name] ?? "")}
              disabled={disabled}
              onValueChange={(value) => props.onChange({ [name]: value })}
            />
          ) : (
            <input
              {...control}
              className={`${INPUT} ${error ? "border-red-400" : "border-zinc-200"}`}
              value={String(v[name] ?? "")}
              disabled={disabled}
              onChange={(e) => props.onChange({ [name]: e.target.value })}
              {...extra}
            />
          )
        }
      </Field>
    );
  };
  return (
    <fieldset className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 p-2" data-testid="vehicle">
      <legend className="sr-only">{t("vehicle")}</legend>
      <div className="flex items-start gap-1.5">
        {field("vin", t("vin"), {
          maxLength: 17,
          autoCapitalize: "characters",
          spellCheck: false,
          className: `${INPUT} font-mono ${errors.vin ? "border-red-400" : "border-zinc-200"}`,
        })}
        {!disabled ? (
          <button
            type="button"
            aria-label={t("removeVehicle")}
            className="mt-4 rounded-md p-1 text-zinc-500 hover:text-red-600"
            onClick={props.onRemove}
          >
            <Trash2 className="size-3.5" aria-hidden="true" />
          </button>
        ) : null}
      </div>
      <div className="flex gap-1.5">
        {field("plate", t("plate"), { maxLength: 20, autoCapitalize: "characters", spellCheck: false })}
        <div className="w-20 shrink-0">{field("year", t("year"), { inputMode: "numeric", maxLength: 4 })}</div>
      </div>
      <div className="flex gap-1.5">
        {field("make", t("make"), { maxLength: 40 })}
        {field("model", t("model"), { maxLength: 40 })}
      </div>
      {field("motDate", t("motDate"))}
    </fieldset>
  );
}
