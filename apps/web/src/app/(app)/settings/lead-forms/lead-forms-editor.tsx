"use client";

import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ClipboardList, RotateCw } from "lucide-react";
import { SubmitButton } from "@/components/accounts/action-form";
import { EmptyState } from "@/components/empty-state";
import type { TActionState } from "@/server/action-helpers";
import {
  retryLeadDeliveryAction,
  saveLeadExportTargetAction,
  setLeadFormActiveAction,
} from "@/server/actions/lead-forms";
import { Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";

const IDLE: TActionState = { ok: null };

type TForm = {
  id: string;
  kind: string;
  name: string;
  active: boolean;
  fields: { key: string; label: string; type: string; required: boolean }[];
};
type TDelivery = {
  id: string;
  leadId: string;
  kind: string;
  target: "EMAIL" | "HTTP";
  destination: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
};
type TDealer = {
  id: string;
  name: string;
  city: string | null;
  forms: TForm[];
  target: { crmEmail: string | null; crmUrl: string | null; hasSecret: boolean };
  deliveries: TDelivery[];
};

/** One card per dealer: its forms (on/off), its CRM export target, and the delivery log. */
export function LeadFormsEditor({ dealers }: { dealers: TDealer[] }) {
  const t = useTranslations("leadForms");
  if (dealers.length === 0)
    return <EmptyState icon={ClipboardList} title={t("noDealersTitle")} body={t("noDealersBody")} />;
  return (
    <div className="space-y-6">
      {dealers.map((dealer) => (
        <section
          key={dealer.id}
          className="rounded-xl border border-zinc-200 bg-white"
          aria-labelledby={`lead-dealer-${dealer.id}`}
          data-testid="lead-dealer"
        >
          <header className="border-b border-zinc-100 px-4 py-3">
            <h2 id={`lead-dealer-${dealer.id}`} className="text-sm font-semibold text-zinc-900">
              {dealer.name}
            </h2>
            {dealer.city ? <p className="text-[12px] text-zinc-500">{dealer.city}</p> : null}
          </header>
          <div className="space-y-6 p-4">
            <div>
              <h3 className="mb-2 text-[13px] font-semibold text-zinc-800">{t("formsTitle")}</h3>
              {dealer.forms.length === 0 ? (
                <p className="text-[13px] text-zinc-500">{t("noForms")}</p>
              ) : (
                <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
                  {dealer.forms.map((f) => (
                    <FormRow key={f.id} form={f} />
                  ))}
                </ul>
              )}
            </div>
            <TargetForm dealer={dealer} />
            <DeliveryLog deliveries={dealer.deliveries} />
          </div>
        </section>
      ))}
    </div>
  );
}

function FormRow({ form }: { form: TForm }) {
  const t = useTranslations("leadForms");
  const [state, action] = useActionState<TActionState, FormData>(setLeadFormActiveAction, IDLE);
  return (
    <li className="flex flex-wrap items-center gap-3 px-3 py-2.5" data-testid="lead-form">
      <div className="min-w-0 flex-1">
        <p className="text-[13px] font-medium text-zinc-900">
          {t(`kind.${form.kind}`)}
          <span
            className={`ml-2 rounded-full px-2 py-0.5 text-[11px] font-normal ${form.active ? "bg-emerald-50 text-emerald-700" : "bg-zinc-100 text-zinc-600"}`}
          >
            {form.active ? t("active") : t("inactive")}
          </span>
        </p>
        <p className="text-[12px] text-zinc-500">
          {form.fields.map((f) => (f.required ? `${f.label} *` : f.label)).join(" · ")}
        </p>
      </div>
      <form action={action}>
        <input type="hidden" name="formId" value={form.id} />
        <input type="hidden" name="active" value={form.active ? "false" : "true"} />
        <SubmitButton variant="secondary" testId="lead-form-toggle">
          {form.active ? t("turnOff", { name: t(`kind.${form.kind}`) }) : t("turnOn", { name: t(`kind.${form.kind}`) })}
        </SubmitButton>
      </form>
      {state.ok === false ? <Outcome error={state.message} /> : null}
    </li>
  );
}

function TargetForm({ dealer }: { dealer: TDealer }) {
  const t = useTranslations("leadForms");
  const [state, action] = useActionState<TActionState, FormData>(saveLeadExportTargetAction, IDLE);
  const [value, setValue] = useState({
    crmEmail: dealer.target.crmEmail ?? "",
    crmUrl: dealer.target.crmUrl ?? "",
    secret: "",
  });
  const issue = (path: string) =>
    state.ok === false ? (state.issues?.find((i) => i.path === path)?.message ?? null) : null;
  const formError = state.ok === false && !state.issues?.length ? state.message : null;
  return (
    <form action={action} className="space-y-4" data-testid="lead-target-form" aria-label={t("targetTitle")}>
      <h3 className="text-[13px] font-semibold text-zinc-800">{t("targetTitle")}</h3>
      <p className="text-[12px] text-zinc-500">{t("targetIntro")}</p>
      <input type="hidden" name="dealerId" value={dealer.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`crm-email-${dealer.id}`} label={t("crmEmail")} help={t("crmEmailHelp")} error={issue("crmEmail")}>
          {(f) => (
            <input
              {...f}
              name="crmEmail"
              type="email"
              value={value.crmEmail}
              onChange={(e) => setValue((v) => ({ ...v, crmEmail: e.target.value }))}
              autoComplete="off"
            />
          )}
        </Field>
        <Field id={`crm-url-${dealer.id}`} label={t("crmUrl")} help={t("crmUrlHelp")} error={issue("crmUrl")}>
          {(f) => (
            <input
              {...f}
              name="crmUrl"
              type="url"
              value={value.crmUrl}
              onChange={(e) => setValue((v) => ({ ...v, crmUrl: e.target.value }))}
              autoComplete="off"
              placeholder="https://crm.example.com/adf"
            />
          )}
        </Field>
        <Field
          id={`crm-secret-${dealer.id}`}
          label={t("secret")}
          help={dealer.target.hasSecret ? t("secretSet") : t("secretHelp")}
          error={issue("secret")}
        >
          {(f) => (
            <input
              {...f}
              name="secret"
              type="password"
              value={value.secret}
              onChange={(e) => setValue((v) => ({ ...v, secret: e.target.value }))}
              autoComplete="new-password"
            />
          )}
        </Field>
        {dealer.target.hasSecret ? (
          <label className="flex items-center gap-2 self-end pb-2 text-[13px] text-zinc-700">
            <input type="checkbox" name="clearSecret" value="true" /> {t("clearSecret")}
          </label>
        ) : null}
      </div>
      <Outcome error={formError} success={state.ok ? t("saved") : null} />
      <div className="flex justify-end">
        <SubmitButton testId="lead-target-save">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

function DeliveryLog({ deliveries }: { deliveries: TDelivery[] }) {
  const t = useTranslations("leadForms");
  const format = useFormatter();
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" }) : "—";
  return (
    <div>
      <h3 className="mb-2 text-[13px] font-semibold text-zinc-800">{t("logTitle")}</h3>
      {deliveries.length === 0 ? (
        <p className="text-[13px] text-zinc-500">{t("logEmpty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200">
          <table className="w-full text-left text-[12px]">
            <thead className="bg-zinc-50 text-zinc-600">
              <tr>
                <th className="px-3 py-2 font-medium">{t("colLead")}</th>
                <th className="px-3 py-2 font-medium">{t("colTarget")}</th>
                <th className="px-3 py-2 font-medium">{t("colStatus")}</th>
                <th className="px-3 py-2 font-medium">{t("colAttempts")}</th>
                <th className="px-3 py-2 font-medium">{t("colLastError")}</th>
                <th className="px-3 py-2 font-medium">{t("colTime")}</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="lead-delivery">
                  <td className="px-3 py-2 text-zinc-900">
                    {t(`kind.${d.kind}`)}
                    <span className="block text-zinc-500">{when(d.createdAt)}</span>
                  </td>
                  <td className="px-3 py-2 text-zinc-700">
                    {t(`target.${d.target}`)}
                    <span className="block max-w-[14rem] truncate text-zinc-500" title={d.destination}>
                      {d.destination}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <span
                      className={`rounded-full px-2 py-0.5 ${d.status === "DELIVERED" ? "bg-emerald-50 text-emerald-700" : d.status === "FAILED" ? "bg-red-50 text-red-700" : "bg-amber-50 text-amber-700"}`}
                    >
                      {t(`status.${d.status}`)}
                    </span>
                  </td>
                  <td className="px-3 py-2 text-zinc-700">{t("attempts", { count: d.attempts })}</td>
                  <td className="max-w-[16rem] px-3 py-2 break-words text-zinc-600">{d.lastError ?? "—"}</td>
                  <td className="px-3 py-2 text-zinc-600">{when(d.deliveredAt ?? d.lastAttemptAt)}</td>
                  <td className="px-3 py-2">{d.status === "FAILED" ? <RetryButton id={d.id} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RetryButton({ id }: { id: string }) {
  const t = useTranslations("leadForms");
  const [state, action] = useActionState<TActionState, FormData>(retryLeadDeliveryAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="deliveryId" value={id} />
      <button
        type="submit"
        className="inline-flex items-center gap-1 rounded-md border border-zinc-300 px-2 py-1 text-zinc-700 hover:bg-zinc-50"
      >
        <RotateCw className="size-3.5" aria-hidden="true" /> {t("retry")}
      </button>
      {state.ok === false ? <span className="text-red-700">{state.message}</span> : null}
    </form>
  );
}
