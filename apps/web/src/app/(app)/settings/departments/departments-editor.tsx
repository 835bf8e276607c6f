"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Pencil, Plus, Trash2, Users } from "lucide-react";
import { SubmitButton } from "@/components/accounts/action-form";
import { EmptyState } from "@/components/empty-state";
import type { TActionState } from "@/server/action-helpers";
import { deleteDepartmentAction, saveDepartmentAction } from "@/server/actions/departments";
import { Outcome } from "../channels/form-bits";
import { Field } from "@/components/forms/field";
import { LocalisedText, type TLocalisedDraft } from "@/components/forms/localised-text";
import { WIDGET_LANGUAGES } from "@forecourt/protocol";

const IDLE: TActionState = { ok: null };
const KINDS = ["SALES", "SERVICE", "PARTS", "OTHER"] as const;
type TKind = (typeof KINDS)[number];

type TDepartment = {
  id: string;
  name: string;
  visitorNames: TLocalisedDraft;
  kind: TKind;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  scopedMembers: number;
  openConversations: number;
};
type TDealer = { id: string; name: string; city: string | null; departments: TDepartment[] };
type TDraft = {
  id?: string;
  dealerId: string;
  name: string;
  visitorNames: TLocalisedDraft;
  kind: TKind;
  /** SLA targets in minutes, as typed ("" = none). */
  firstResponseMinutes: string;
  resolutionMinutes: string;
};
const minutesText = (m: number | null) => (m === null ? "" : String(m));

/** One card per dealer: its departments, and one editor at a time (new or the one being changed). */
export function DepartmentsEditor({ dealers }: { dealers: TDealer[] }) {
  const t = useTranslations("departments");
  const [editing, setEditing] = useState<TDraft | null>(null);
  if (dealers.length === 0) return <EmptyState icon={Users} title={t("noDealersTitle")} body={t("noDealersBody")} />;
  return (
    <div className="space-y-6">
      {dealers.map((dealer) => (
        <section
          key={dealer.id}
          className="rounded-xl border border-zinc-200 bg-white"
          aria-labelledby={`dealer-${dealer.id}`}
          data-testid="department-dealer"
        >
          <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-3">
            <div className="min-w-0">
              <h2 id={`dealer-${dealer.id}`} className="text-sm font-semibold text-zinc-900">
                {dealer.name}
              </h2>
              {dealer.city ? <p className="text-[12px] text-zinc-500">{dealer.city}</p> : null}
            </div>
            <button
              type="button"
              onClick={() =>
                setEditing({
                  dealerId: dealer.id,
                  name: "",
                  visitorNames: {},
                  kind: "SALES",
                  firstResponseMinutes: "",
                  resolutionMinutes: "",
                })
              }
              className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
              aria-label={t("addTo", { dealer: dealer.name })}
            >
              <Plus className="size-3.5" aria-hidden="true" /> {t("add")}
            </button>
          </header>
          {editing && editing.dealerId === dealer.id && !editing.id ? (
            <DepartmentForm key="new" initial={editing} onDone={() => setEditing(null)} />
          ) : null}
          {dealer.departments.length === 0 ? (
            <p className="px-4 py-4 text-[13px] text-zinc-500">{t("emptyDealer")}</p>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {dealer.departments.map((d) =>
                editing?.id === d.id ? (
                  <li key={d.id}>
                    <DepartmentForm initial={editing} onDone={() => setEditing(null)} />
                  </li>
                ) : (
                  <DepartmentRow
                    key={d.id}
                    department={d}
                    onEdit={() =>
                      setEditing({
                        id: d.id,
                        dealerId: dealer.id,
                        name: d.name,
                        visitorNames: d.visitorNames,
                        kind: d.kind,
                        firstResponseMinutes: minutesText(d.firstResponseMinutes),
                        resolutionMinutes: minutesText(d.resolutionMinutes),
                      })
                    }
                  />
                ),
              )}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function DepartmentRow({ department: d, onEdit }: { department: TDepartment; onEdit: () => void }) {
  const t = useTranslations("departments");
  const [state, action] = useActionState<TActionState, FormData>(deleteDepartmentAction, IDLE);
  return (
    <li className="px-4 py-3" data-testid="department">
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-[13px] font-medium text-zinc-900">
            {d.name} {/* The kind only when the name does not already say it ("Sales · Sales"). */}
            {t(`kind.${d.kind}`).toLowerCase() === d.name.toLowerCase() ? null : (
              <span className="ml-1 rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] font-normal text-zinc-600">
                {t(`kind.${d.kind}`)}
              </span>
            )}
          </p>
          <p className="text-[12px] text-zinc-500">
            {t("open", { count: d.openConversations })} · {t("members", { count: d.scopedMembers })}
            {d.firstResponseMinutes !== null
              ? ` · ${t("slaFirstResponseShort", { minutes: d.firstResponseMinutes })}`
              : ""}
            {d.resolutionMinutes !== null ? ` · ${t("slaResolutionShort", { minutes: d.resolutionMinutes })}` : ""}
          </p>
        </div>
        <button
          type="button"
          onClick={onEdit}
          className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
          aria-label={t("edit", { name: d.name })}
        >
          <Pencil className="size-4" aria-hidden="true" />
        </button>
        <form
          action={action}
          onSubmit={(e) => {
            if (!window.confirm(t("confirmDelete", { name: d.name }))) e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={d.id} />
          <button
            type="submit"
            className="rounded-md p-1.5 text-zinc-500 hover:bg-red-50 hover:text-red-700"
            aria-label={t("delete", { name: d.name })}
          >
            <Trash2 className="size-4" aria-hidden="true" />
          </button>
        </form>
      </div>
      {state.ok === false ? (
        <div className="mt-2">
          <Outcome error={state.message} />
        </div>
      ) : null}
    </li>
  );
}

function DepartmentForm({ initial, onDone }: { initial: TDraft; onDone: () => void }) {
  const t = useTranslations("departments");
  const [state, action] = useActionState<TActionState, FormData>(saveDepartmentAction, IDLE);
  const [value, setValue] = useState(initial);
  useEffect(() => {
    if (state.ok) onDone();
  }, [state, onDone]);
  const issue = (path: string) =>
    state.ok === false ? (state.issues?.find((i) => i.path === path)?.message ?? null) : null;
  const formError = state.ok === false && !state.issues?.length ? state.message : null;
  return (
    <form
      action={action}
      className="space-y-4 border-b border-zinc-100 bg-zinc-50/60 p-4"
      data-testid="department-form"
      aria-label={initial.id ? t("editTitle") : t("newTitle")}
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone();
      }}
    >
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <input type="hidden" name="dealerId" value={initial.dealerId} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field id={`department-name-${initial.id ?? "new"}`} label={t("name")} error={issue("name")}>
          {(f) => (
            <input
              {...f}
              name="name"
              value={value.name}
              onChange={(e) => setValue((v) => ({ ...v, name: e.target.value }))}
              autoComplete="off"
              autoFocus
            />
          )}
        </Field>
        <Field id={`department-kind-${initial.id ?? "new"}`} label={t("kindLabel")} error={issue("kind")}>
          {(f) => (
            <select
              {...f}
              name="kind"
              value={value.kind}
              onChange={(e) => setValue((v) => ({ ...v, kind: e.target.value as TKind }))}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <LocalisedText
        id={`department-visitor-name-${initial.id ?? "new"}`}
        label={t("visitorNames")}
        rows={1}
        maxLength={120}
        value={value.visitorNames}
        onChange={(visitorNames) => setValue((v) => ({ ...v, visitorNames }))}
        fieldName={(lang) => `visitorName_${lang}`}
        error={WIDGET_LANGUAGES.map((l) => issue(`visitorName_${l}`)).find(Boolean)}
      />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-[12px] text-zinc-500">{t("slaHint")}</legend>
        {(["firstResponseMinutes", "resolutionMinutes"] as const).map((key) => (
          <Field key={key} id={`department-${key}-${initial.id ?? "new"}`} label={t(`sla.${key}`)} error={issue(key)}>
            {(f) => (
              <input
                {...f}
                name={key}
                type="number"
                inputMode="numeric"
                min={1}
                max={43200}
                step={1}
                placeholder={t("slaNone")}
                value={value[key]}
                onChange={(e) => setValue((v) => ({ ...v, [key]: e.target.value }))}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <Outcome error={formError} />
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onDone}
          className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
        >
          {t("cancel")}
        </button>
        <SubmitButton testId="department-save">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
