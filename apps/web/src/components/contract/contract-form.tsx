"use client";

import { useActionState, useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { AlertTriangle, Check } from "lucide-react";
import { contractAction, type TContractActionState } from "@/server/actions/contract";
import { formatDay } from "./format";
import { Field } from "@/components/forms/field";

export type TContractField =
  | {
      name: string;
      type: "date" | "text" | "money";
      label: string;
      required?: boolean;
      help?: string;
      defaultValue?: string;
    }
  | { name: string; type: "textarea"; label: string; required?: boolean; help?: string }
  | {
      name: string;
      type: "select";
      label: string;
      options: { value: string; label: string }[];
      defaultValue?: string;
      help?: string;
    }
  | { name: string; type: "checkbox"; label: string; required?: boolean };

/**
 * One contract action as a small form (record a training date, file a notice, change a fee…).
 * The server action parses it, core decides with packages/contract, and the outcome (done with
 * its date, or refused with the reason and the next possible date) is shown under the form.
 */
export function ContractForm({
  customerId,
  subscriptionId,
  kind,
  fields = [],
  submitLabel,
  danger = false,
  testId,
}: {
  customerId: string;
  subscriptionId?: string;
  kind: string;
  fields?: TContractField[];
  submitLabel: string;
  danger?: boolean;
  testId?: string;
}) {
  const t = useTranslations("contract.result");
  const locale = useLocale();
  const id = useId();
  const [state, action, pending] = useActionState<TContractActionState, FormData>(contractAction, { status: "idle" });
  const day = (value?: string) => (value ? formatDay(value, locale) : "");
  return (
    <form action={action} className="space-y-3" data-testid={testId}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="customerId" value={customerId} />
      {subscriptionId ? <input type="hidden" name="subscriptionId" value={subscriptionId} /> : null}
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        if (field.type === "checkbox") {
          return (
            <label key={field.name} htmlFor={fieldId} className="flex items-start gap-2 text-[13px] text-zinc-700">
              <input
                id={fieldId}
                name={field.name}
                type="checkbox"
                required={field.required}
                className="mt-0.5 size-4 rounded border-zinc-300 accent-zinc-900"
              />
              <span>{field.label}</span>
            </label>
          );
        }
        return (
          <Field
            key={field.name}
            id={fieldId}
            name={field.name}
            label={field.label}
            help={"help" in field && field.help ? field.help : undefined}
            className="space-y-1"
          >
            {(control) =>
              field.type === "select" ? (
                <select {...control} name={field.name} defaultValue={field.defaultValue}>
                  {field.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : field.type === "textarea" ? (
                <textarea {...control} name={field.name} required={field.required} rows={3} />
              ) : (
                <input
                  {...control}
                  name={field.name}
                  type={field.type === "date" ? "date" : "text"}
                  inputMode={field.type === "money" ? "decimal" : undefined}
                  placeholder={field.type === "money" ? "0.00" : undefined}
                  required={field.required}
                  defaultValue={field.defaultValue}
                />
              )
            }
          </Field>
        );
      })}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className={
            danger
              ? "rounded-lg bg-red-600 px-3 py-1.5 text-[13px] font-medium text-white transition hover:bg-red-500 disabled:opacity-60"
              : "rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white transition hover:bg-zinc-700 disabled:opacity-60"
          }
        >
          {pending ? t("working") : submitLabel}
        </button>
        {state.status === "done" && !pending ? (
          <p
            role="status"
            className="flex items-center gap-1.5 text-[13px] text-emerald-700"
            data-testid="contract-result"
          >
            <Check className="size-4 shrink-0" aria-hidden="true" />
            {t(`done.${state.kind}`, { date: day(state.date), extra: day(state.extra) })}
          </p>
        ) : null}
        {(state.status === "refused" || state.status === "invalid") && !pending ? (
          <p role="alert" className="flex items-center gap-1.5 text-[13px] text-red-700" data-testid="contract-result">
            <AlertTriangle className="size-4 shrink-0" aria-hidden="true" />
            {state.status === "refused" && t.has(`refused.${state.code}`)
              ? t(`refused.${state.code}`, { date: day(state.date), extra: state.extra ?? "" })
              : state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
