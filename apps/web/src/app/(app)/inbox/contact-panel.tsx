"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Car, ChevronLeft, Plus, X } from "lucide-react";
import type { TConversationDetail } from "@forecourt/core/chat/get-conversation";
import { EMPTY_VEHICLE, VehicleEditor, vehicleFieldMessage, type TVehicleDraft } from "./vehicle-editor";
import { VehicleOfInterest } from "./vehicle-of-interest";
import { Field } from "@/components/forms/field";

const LEGAL_BASES = [
  "CONSENT",
  "CONTRACT",
  "LEGAL_OBLIGATION",
  "VITAL_INTERESTS",
  "PUBLIC_TASK",
  "LEGITIMATE_INTERESTS",
] as const;

const INPUT = "w-full rounded-md border border-zinc-200 bg-white px-2 py-1 text-[13px] disabled:bg-zinc-50";
const PANEL_FIELD = "flex flex-col gap-1";

/** The contact beside the conversation: details, legal basis record and vehicles, editable. */
export function ContactPanel(props: {
  detail: NonNullable<TConversationDetail>;
  canEdit: boolean;
  onSaved: () => void;
  /** Below xl the panel is hidden until opened: a drawer on a tablet, the whole screen on a phone. */
  open: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("chat.contact");
  const format = useFormatter();
  const c = props.detail.contact;
  const [name, setName] = useState(c?.name ?? "");
  const [email, setEmail] = useState(c?.email ?? "");
  const [phone, setPhone] = useState(c?.phone ?? "");
  const [legalBasis, setLegalBasis] = useState<string>(c?.legalBasis ?? "");
  const [vehicles, setVehicles] = useState<TVehicleDraft[]>(
    (c?.vehicles ?? []).map((v) => ({
      id: v.id,
      vin: v.vin ?? "",
      plate: v.plate ?? "",
      make: v.make ?? "",
      model: v.model ?? "",
      year: v.year ? String(v.year) : "",
      motDate: v.motDate ?? "",
    })),
  );
  const [state, setState] = useState<"idle" | "saving" | "saved" | { error: string }>("idle");
  // The server's refusals by field: "email", "vehicles.0.vin"…
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { open, onClose } = props;
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);

  if (!c) return null;

  async function save() {
    setState("saving");
    setFieldErrors({});
    // Fired and forgotten from the form, so a failed fetch (offline) must not reject: show it.
    const res = await fetch(`/api/inbox/contacts/${c!.id}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name,
        email,
        phone,
        legalBasis: legalBasis || null,
        vehicles: vehicles.map((v) => ({
          id: v.id,
          vin: v.vin,
          plate: v.plate,
          make: v.make,
          model: v.model,
          year: v.year,
          motDate: v.motDate,
          remove: v.remove,
        })),
      }),
    }).catch(() => null);
    if (!res) return setState({ error: t("saveError") });
    if (res.ok) {
      setState("saved");
      props.onSaved();
    } else {
      const body = (await res.json().catch(() => ({}))) as {
        error?: string;
        issues?: { path: string; message: string }[];
      };
      const errors: Record<string, string> = {};
      for (const issue of body.issues ?? []) {
        const path = issue.path.replace(/^body\./, "");
        const vehicleField = /^vehicles\.(\d+)\.(\w+)$/.exec(path);
        errors[path] = vehicleField ? vehicleFieldMessage(t, vehicleField[2]!, issue.message) : issue.message;
      }
      if (errors.email) errors.email = t("emailInvalid");
      setFieldErrors(errors);
      // What was typed stays in the fields; the message says where to look.
      setState({ error: Object.keys(errors).length > 0 ? t("checkFields") : (body.error ?? t("saveError")) });
    }
  }

  const disabled = !props.canEdit;
  return (
    <>
      {open ? (
        <div className="fixed inset-0 z-30 bg-zinc-900/30 xl:hidden" onClick={onClose} aria-hidden="true" />
      ) : null}
      <aside
        ref={panelRef}
        id="contact-panel"
        tabIndex={-1}
        className={`${open ? "fixed inset-0 z-40 flex shadow-xl sm:left-auto sm:w-80" : "hidden"} flex-col gap-4 overflow-y-auto border-l border-zinc-200 bg-white p-4 outline-none xl:static xl:z-auto xl:flex xl:w-72 xl:shrink-0 xl:shadow-none`}
        aria-label={t("title")}
        data-testid="contact-panel"
      >
        <div className="flex items-center gap-2">
          <button
            type="button"
            onClick={onClose}
            className="-ml-1 flex items-center gap-1 rounded-md p-1 text-[13px] text-zinc-600 hover:bg-zinc-100 sm:hidden"
          >
            <ChevronLeft className="size-4" aria-hidden="true" /> {t("backToConversation")}
          </button>
          <h3 className="flex-1 text-right text-[13px] font-semibold text-zinc-900 sm:text-left">{t("title")}</h3>
          <button
            type="button"
            onClick={onClose}
            aria-label={t("closePanel")}
            className="hidden rounded-md p-1 text-zinc-500 hover:bg-zinc-100 sm:block xl:hidden"
            data-testid="close-contact-panel"
          >
            <X className="size-4" aria-hidden="true" />
          </button>
        </div>
        {props.detail.vehicleOfInterest ? <VehicleOfInterest vehicle={props.detail.vehicleOfInterest} /> : null}
        {c.optOuts.map((o) => (
          <p
            key={`${o.channelType}-${o.at}`}
            className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-[12px] text-amber-900"
            role="status"
            data-testid="contact-opt-out"
          >
            {t.has(`optOut.${o.reason}`)
              ? t(`optOut.${o.reason}`, {
                  date: format.dateTime(new Date(o.at), { dateStyle: "medium", timeStyle: "short" }),
                })
              : t("optOut.generic", {
                  date: format.dateTime(new Date(o.at), { dateStyle: "medium", timeStyle: "short" }),
                })}
          </p>
        ))}
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t("name")} compact className={PANEL_FIELD}>
            <input className={INPUT} value={name} onChange={(e) => setName(e.target.value)} disabled={disabled} />
          </Field>
          <Field label={t("email")} error={fieldErrors.email} compact className={PANEL_FIELD}>
            <input
              className={INPUT}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              disabled={disabled}
            />
          </Field>
          <Field label={t("phone")} error={fieldErrors.phone} compact className={PANEL_FIELD}>
            <input
              className={INPUT}
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              disabled={disabled}
            />
          </Field>
          <Field label={t("legalBasis")} compact className={PANEL_FIELD}>
            <select
              className={INPUT}
              value={legalBasis}
              onChange={(e) => setLegalBasis(e.target.value)}
              disabled={disabled}
            >
              <option value="">{t("legalBasisNone")}</option>
              {LEGAL_BASES.map((b) => (
                <option key={b} value={b}>
                  {t(`bases.${b}`)}
                </option>
              ))}
            </select>
          </Field>
          {c.legalBasisRecordedAt ? (
            <p className="text-[11px] leading-4 text-zinc-500" data-testid="legal-basis-record">
              {t("recordedAt", {
                date: format.dateTime(new Date(c.legalBasisRecordedAt), { dateStyle: "medium", timeStyle: "short" }),
              })}
              {c.legalBasisNote ? ` — ${c.legalBasisNote}` : ""}
            </p>
          ) : null}
          <div className="flex items-center justify-between pt-2">
            <h4 className="flex items-center gap-1 text-[12px] font-semibold text-zinc-700">
              <Car className="size-3.5" aria-hidden="true" /> {t("vehicles")}
            </h4>
            {!disabled ? (
              <button
                type="button"
                onClick={() => setVehicles((vs) => [...vs, { ...EMPTY_VEHICLE }])}
                className="flex items-center gap-1 text-[12px] text-brand-600"
              >
                <Plus className="size-3" aria-hidden="true" /> {t("addVehicle")}
              </button>
            ) : null}
          </div>
          {vehicles.filter((v) => !v.remove).length === 0 ? (
            <p className="text-[12px] text-zinc-500">{t("noVehicles")}</p>
          ) : null}
          {vehicles.map((v, i) =>
            v.remove ? null : (
              <VehicleEditor
                key={v.id ?? `new-${i}`}
                vehicle={v}
                index={i}
                disabled={disabled}
                errors={Object.fromEntries(
                  Object.entries(fieldErrors)
                    .filter(([path]) => path.startsWith(`vehicles.${i}.`))
                    .map(([path, message]) => [path.slice(`vehicles.${i}.`.length), message]),
                )}
                onChange={(patch) => setVehicles((vs) => vs.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
                onRemove={() =>
                  setVehicles((vs) =>
                    v.id ? vs.map((x, j) => (j === i ? { ...x, remove: true } : x)) : vs.filter((_, j) => j !== i),
                  )
                }
              />
            ),
          )}
          {!disabled ? (
            <button
              type="submit"
              disabled={state === "saving"}
              className="mt-1 rounded-md bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white disabled:opacity-50"
            >
              {state === "saving" ? t("saving") : t("save")}
            </button>
          ) : null}
          {state === "saved" ? <p className="text-[12px] text-emerald-700">{t("saved")}</p> : null}
          {typeof state === "object" ? (
            <p role="alert" className="text-[12px] text-red-700">
              {state.error}
            </p>
          ) : null}
        </form>
      </aside>
    </>
  );
}
