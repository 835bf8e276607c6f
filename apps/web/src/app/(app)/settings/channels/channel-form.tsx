"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { TWidgetChannel } from "@forecourt/core/chat/widget-channels";
import { WEEKDAYS, WIDGET_LANGUAGES, type TBusinessHours, type TFieldMode } from "@forecourt/protocol";
import { ChannelIcon } from "@/components/channel-badge";
import { updateWidgetChannelAction, type TWidgetChannelState } from "@/server/actions/update-widget-channel";
import { StatusControl } from "./status-control";
import { WidgetJsApi } from "./widget-js-api";
import { LocalisedText } from "@/components/forms/localised-text";

const INPUT = "w-full rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 text-[13px]";
const LABEL = "flex flex-col gap-1 text-[12px] font-medium text-zinc-600";
const LEGAL_BASES = ["CONSENT", "CONTRACT", "LEGITIMATE_INTERESTS"] as const;
const MODES: TFieldMode[] = ["off", "optional", "required"];

type TDay = { open: boolean; from: string; to: string };

export function ChannelForm({ channel, webUrl }: { channel: TWidgetChannel; webUrl: string }) {
  const t = useTranslations("channels");
  const tc = useTranslations("chat.contact.bases");
  const tl = useTranslations("routing.rule.language");
  const [config, setConfig] = useState(channel.config);
  const [name, setName] = useState(channel.name);
  const [origins, setOrigins] = useState(channel.config.allowedOrigins.join("\n"));
  const alwaysOpenInitially = Object.keys(channel.businessHours).length === 0;
  const [alwaysOpen, setAlwaysOpen] = useState(alwaysOpenInitially);
  const [days, setDays] = useState<Record<string, TDay>>(() =>
    Object.fromEntries(
      WEEKDAYS.map((d) => {
        const first = channel.businessHours[d]?.[0];
        return [
          d,
          {
            open: alwaysOpenInitially ? !["sat", "sun"].includes(d) : !!first,
            from: first?.[0] ?? "09:00",
            to: first?.[1] ?? "17:30",
          },
        ];
      }),
    ),
  );
  const [state, setState] = useState<TWidgetChannelState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof typeof config>(key: K, value: (typeof config)[K]) =>
    setConfig((c) => ({ ...c, [key]: value }));
  const snippet = `<script src="${webUrl}/widget.js" data-key="${channel.publicKey}" async></script>`;

  function save() {
    const businessHours: TBusinessHours = alwaysOpen
      ? {}
      : Object.fromEntries(WEEKDAYS.filter((d) => days[d]?.open).map((d) => [d, [[days[d]!.from, days[d]!.to]]]));
    const allowedOrigins = origins
      .split(/\s+/)
      .map((o) => o.trim().replace(/\/$/, ""))
      .filter(Boolean);
    startTransition(async () => {
      setState(
        await updateWidgetChannelAction({
          channelId: channel.id,
          name,
          config: { ...config, allowedOrigins },
          businessHours,
        }),
      );
    });
  }

  return (
    <form
      id={`channel-${channel.id}`}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white target:ring-2 target:ring-brand-500"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      aria-label={channel.name}
      data-testid="channel-form"
    >
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-200 px-5 py-4">
        <div className="flex min-w-0 items-center gap-3">
          <ChannelIcon type="WIDGET" size="lg" />
          <div className="min-w-0">
            <h3 className="truncate text-sm font-semibold">{channel.name}</h3>
            <p className="truncate text-[13px] text-zinc-500">{t("subtitle")}</p>
          </div>
        </div>
        <StatusControl
          channelId={channel.id}
          status={channel.status}
          disabledByLifecycleOn={channel.disabledByLifecycleOn}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 px-5 py-4 sm:grid-cols-2">
        <label className={LABEL}>
          {t("name")}
          <input className={INPUT} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        <label className={LABEL}>
          {t("dealerName")}
          <input
            className={INPUT}
            value={config.dealerName}
            onChange={(e) => set("dealerName", e.target.value)}
            maxLength={80}
          />
        </label>
        <label className={LABEL}>
          {t("primaryColour")}
          <input
            type="color"
            className="h-8 w-16"
            value={config.primaryColour}
            onChange={(e) => set("primaryColour", e.target.value)}
          />
        </label>
        <label className={LABEL}>
          {t("textColour")}
          <input
            type="color"
            className="h-8 w-16"
            value={config.textColour}
            onChange={(e) => set("textColour", e.target.value)}
          />
        </label>
        <label className={`${LABEL} sm:col-span-2`}>
          {t("greeting")}
          <input
            className={INPUT}
            value={config.greeting}
            onChange={(e) => set("greeting", e.target.value)}
            maxLength={280}
          />
        </label>
        <label className={LABEL}>
          {t("widgetLanguage")}
          <select
            className={INPUT}
            value={config.language}
            onChange={(e) => set("language", e.target.value as typeof config.language)}
          >
            <option value="auto">{t("widgetLanguageAuto")}</option>
            {WIDGET_LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {tl(lang)}
              </option>
            ))}
          </select>
        </label>
        <div className="sm:col-span-3">
          <LocalisedText
            id={`widget-${channel.id}-greeting`}
            label={t("greetingPerLanguage")}
            rows={1}
            maxLength={280}
            value={config.texts.greeting}
            onChange={(greeting) => set("texts", { ...config.texts, greeting })}
          />
        </div>
        <label className={`${LABEL} sm:col-span-2`}>
          {t("logoUrl")}
          <input
            className={INPUT}
            type="url"
            value={config.logoUrl}
            onChange={(e) => set("logoUrl", e.target.value)}
            placeholder="https://"
          />
        </label>
        <label className={`${LABEL} sm:col-span-2`}>
          {t("allowedOrigins")}
          <textarea
            className={`${INPUT} font-mono`}
            rows={3}
            value={origins}
            onChange={(e) => setOrigins(e.target.value)}
          />
          <span className="font-normal text-zinc-500">{t("allowedOriginsHelp")}</span>
        </label>
      </div>
      <fieldset className="border-t border-zinc-200 px-5 py-4">
        <legend className="sr-only">{t("preChat")}</legend>
        <h3 className="mb-3 text-[13px] font-semibold">{t("preChat")}</h3>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {(["name", "email", "phone"] as const).map((f) => (
            <label key={f} className={LABEL}>
              {t(`fields.${f}`)}
              <select
                className={INPUT}
                value={config.preChat[f]}
                onChange={(e) => set("preChat", { ...config.preChat, [f]: e.target.value as TFieldMode })}
              >
                {MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`modes.${m}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label className={LABEL}>
            {t("legalBasis")}
            <select
              className={INPUT}
              value={config.legalBasis}
              onChange={(e) => set("legalBasis", e.target.value as (typeof config)["legalBasis"])}
            >
              {LEGAL_BASES.map((b) => (
                <option key={b} value={b}>
                  {tc(b)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 self-end text-[13px] sm:col-span-2">
            <input
              type="checkbox"
              checked={config.askDepartment}
              onChange={(e) => set("askDepartment", e.target.checked)}
            />
            {t("askDepartment", { departments: channel.departments.map((d) => d.name).join(", ") || "—" })}
          </label>
          <label className={`${LABEL} sm:col-span-3`}>
            {t("consentText")}
            <textarea
              className={INPUT}
              rows={2}
              value={config.consentText}
              onChange={(e) => set("consentText", e.target.value)}
              maxLength={1000}
            />
          </label>
          <div className="sm:col-span-3">
            <LocalisedText
              id={`widget-${channel.id}-consent`}
              label={t("consentPerLanguage")}
              value={config.texts.consentText}
              onChange={(consentText) => set("texts", { ...config.texts, consentText })}
            />
          </div>
        </div>
      </fieldset>
      <fieldset className="border-t border-zinc-200 px-5 py-4">
        <legend className="sr-only">{t("hours", { zone: channel.dealer.timeZone })}</legend>
        <div className="mb-3 flex items-center justify-between">
          <h3 className="text-[13px] font-semibold">{t("hours", { zone: channel.dealer.timeZone })}</h3>
          <label className="flex items-center gap-2 text-[13px]">
            <input type="checkbox" checked={alwaysOpen} onChange={(e) => setAlwaysOpen(e.target.checked)} />
            {t("alwaysOpen")}
          </label>
        </div>
        {!alwaysOpen ? (
          <div className="grid grid-cols-[6rem_auto_1fr_1fr] items-center gap-x-3 gap-y-2 text-[13px]">
            {WEEKDAYS.map((d) => {
              const day = days[d]!;
              const update = (patch: Partial<TDay>) => setDays((all) => ({ ...all, [d]: { ...day, ...patch } }));
              return [
                <span key={`${d}-l`}>{t(`days.${d}`)}</span>,
                <input
                  key={`${d}-o`}
                  type="checkbox"
                  aria-label={t("openOn", { day: t(`days.${d}`) })}
                  checked={day.open}
                  onChange={(e) => update({ open: e.target.checked })}
                />,
                <input
                  key={`${d}-f`}
                  type="time"
                  className={INPUT}
                  aria-label={t("from")}
                  value={day.from}
                  disabled={!day.open}
                  onChange={(e) => update({ from: e.target.value })}
                />,
                <input
                  key={`${d}-t`}
                  type="time"
                  className={INPUT}
                  aria-label={t("to")}
                  value={day.to}
                  disabled={!day.open}
                  onChange={(e) => update({ to: e.target.value })}
                />,
              ];
            })}
          </div>
        ) : null}
        <label className={`${LABEL} mt-4`}>
          {t("offlineText")}
          <input
            className={INPUT}
            value={config.offlineText}
            onChange={(e) => set("offlineText", e.target.value)}
            maxLength={500}
          />
        </label>
        <div className="mt-3">
          <LocalisedText
            id={`widget-${channel.id}-offline`}
            label={t("offlinePerLanguage")}
            rows={1}
            maxLength={500}
            value={config.texts.offlineText}
            onChange={(offlineText) => set("texts", { ...config.texts, offlineText })}
          />
        </div>
      </fieldset>
      <div className="border-t border-zinc-200 px-5 py-4">
        <h3 className="mb-2 text-[13px] font-semibold">{t("embed")}</h3>
        <code
          className="block overflow-x-auto rounded-md bg-zinc-50 p-2 font-mono text-[12px] break-all text-zinc-700"
          data-testid="embed-snippet"
        >
          {snippet}
        </code>
      </div>
      <WidgetJsApi
        channelId={channel.id}
        publicKey={channel.publicKey}
        webUrl={webUrl}
        identitySecret={channel.identitySecret}
      />
      <div className="flex items-center justify-end gap-3 border-t border-zinc-200 px-5 py-3">
        {state.status === "saved" ? <span className="text-[13px] text-emerald-700">{t("saved")}</span> : null}
        {state.status === "invalid" ? (
          <span role="alert" className="text-[13px] text-red-700">
            {t("invalid", { message: state.message })}
          </span>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white disabled:opacity-50"
        >
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
