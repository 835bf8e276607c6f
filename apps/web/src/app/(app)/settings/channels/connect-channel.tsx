"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ArrowLeft, ChevronRight, Loader2, Plus, X } from "lucide-react";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import type { TActionState } from "@/server/action-helpers";
import {
  connectEmailAction,
  connectMessengerAction,
  connectSmsAction,
  connectTelegramAction,
  connectWhatsAppAction,
  createWidgetChannelAction,
} from "@/server/actions/channels";
import { connectApiChannelAction } from "@/server/actions/api-channel";
import { buttonClass, Outcome } from "./form-bits";
import { Field } from "@/components/forms/field";
import { useChannelAction, useFieldError, useRefusalText } from "./use-channel-action";

/** Only the channel types that work end to end are offered (no "coming soon"). */
const CHOICES = ["WIDGET", "WHATSAPP", "MESSENGER", "TWILIO_SMS", "TELEGRAM", "EMAIL", "API"] as const;
type TChoice = (typeof CHOICES)[number];
type TDealer = { id: string; name: string };

const ACTIONS: Record<TChoice, (input: unknown) => Promise<TActionState>> = {
  WIDGET: createWidgetChannelAction,
  WHATSAPP: connectWhatsAppAction,
  MESSENGER: connectMessengerAction,
  TELEGRAM: connectTelegramAction,
  EMAIL: connectEmailAction,
  TWILIO_SMS: connectSmsAction,
  API: connectApiChannelAction,
};

/** "Connect a channel": a dialog that asks which kind, then that kind's form for one dealer. */
export function ConnectChannel({ dealers }: { dealers: TDealer[] }) {
  const t = useTranslations("channels.connect");
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<TChoice | null>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        className={buttonClass.primary}
        onClick={() => {
          setChoice(null);
          dialog.current?.showModal();
        }}
        disabled={dealers.length === 0}
        data-testid="connect-channel"
      >
        <Plus className="size-3.5" aria-hidden="true" />
        {t("open")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="connect-title"
        className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-900/30"
        onClose={() => setChoice(null)}
        data-testid="connect-dialog"
      >
        <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-5 py-3.5">
          <div className="flex min-w-0 items-center gap-2">
            {choice ? (
              <button
                type="button"
                className={buttonClass.ghost}
                onClick={() => setChoice(null)}
                aria-label={t("back")}
              >
                <ArrowLeft className="size-4" aria-hidden="true" />
              </button>
            ) : null}
            <h2 id="connect-title" className="truncate text-sm font-semibold">
              {choice ? t(`title.${choice}`) : t("chooseTitle")}
            </h2>
          </div>
          <button type="button" className={buttonClass.ghost} onClick={close} aria-label={t("close")}>
            <X className="size-4" aria-hidden="true" />
          </button>
        </div>
        <div className="max-h-[calc(100dvh-8rem)] overflow-y-auto">
          {choice ? (
            <ConnectForm
              key={choice}
              type={choice}
              dealers={dealers}
              onConnected={(channelId) => {
                close();
                // Scroll to the new channel's card (its :target ring shows which one it is).
                window.location.hash = `channel-${channelId}`;
              }}
            />
          ) : (
            <ChoiceList onChoose={setChoice} />
          )}
        </div>
      </dialog>
    </>
  );
}

function ChoiceList({ onChoose }: { onChoose: (choice: TChoice) => void }) {
  const t = useTranslations("channels.connect");
  const label = useChannelLabel();
  return (
    <ul className="divide-y divide-zinc-100 p-2" aria-label={t("chooseTitle")}>
      {CHOICES.map((type) => (
        <li key={type}>
          <button
            type="button"
            onClick={() => onChoose(type)}
            className="flex w-full items-center gap-3 rounded-lg px-3 py-3 text-left transition hover:bg-zinc-50"
            data-testid={`choose-${type}`}
          >
            <ChannelIcon type={type} size="lg" label={false} />
            <span className="min-w-0 flex-1">
              <span className="block text-[13px] font-semibold">{label(type)}</span>
              <span className="block text-xs text-zinc-500">{t(`describe.${type}`)}</span>
            </span>
            <ChevronRight className="size-4 shrink-0 text-zinc-500" aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}

type TValues = Record<string, string>;

/** What each kind's form sends: core's input shape (ZConnectWhatsAppChannel / ZConnectMessengerChannel / ZConnectSmsChannel). */
function inputOf(type: TChoice, v: TValues) {
  if (type === "WIDGET" || type === "API") return { dealerId: v.dealerId, name: v.name };
  if (type === "TELEGRAM") return { dealerId: v.dealerId, name: v.name, botToken: v.botToken };
  if (type === "EMAIL") return { dealerId: v.dealerId, name: v.name, fromName: v.fromName, fromAddress: v.fromAddress };
  if (type === "TWILIO_SMS") {
    return {
      dealerId: v.dealerId,
      name: v.name,
      // One of the two is enough: an empty field is "not given", not an invalid value.
      config: {
        accountSid: v.accountSid,
        messagingServiceSid: v.messagingServiceSid?.trim() || null,
        fromNumber: v.fromNumber?.trim() || null,
      },
      secrets: { authToken: v.authToken },
    };
  }
  if (type === "WHATSAPP") {
    return {
      dealerId: v.dealerId,
      name: v.name,
      config: { phoneNumberId: v.phoneNumberId, wabaId: v.wabaId, displayPhoneNumber: v.displayPhoneNumber },
      secrets: { accessToken: v.accessToken, appSecret: v.appSecret },
    };
  }
  return {
    dealerId: v.dealerId,
    name: v.name,
    config: { pageId: v.pageId, pageName: v.pageName },
    secrets: { pageAccessToken: v.pageAccessToken, appSecret: v.appSecret },
  };
}

type TFieldSpec = {
  key: string;
  path: string;
  secret?: boolean;
  required?: boolean;
  inputMode?: "numeric" | "email" | "tel";
  mono?: boolean;
};

const FIELDS: Record<TChoice, TFieldSpec[]> = {
  WIDGET: [],
  API: [],
  WHATSAPP: [
    { key: "phoneNumberId", path: "config.phoneNumberId", required: true, inputMode: "numeric" },
    { key: "wabaId", path: "config.wabaId", required: true, inputMode: "numeric" },
    { key: "displayPhoneNumber", path: "config.displayPhoneNumber" },
    { key: "accessToken", path: "secrets.accessToken", secret: true, required: true },
    { key: "appSecret", path: "secrets.appSecret", secret: true, required: true },
  ],
  MESSENGER: [
    { key: "pageId", path: "config.pageId", required: true, inputMode: "numeric" },
    { key: "pageName", path: "config.pageName" },
    { key: "pageAccessToken", path: "secrets.pageAccessToken", secret: true, required: true },
    { key: "appSecret", path: "secrets.appSecret", secret: true, required: true },
  ],
  TELEGRAM: [{ key: "botToken", path: "botToken", secret: true, required: true }],
  EMAIL: [
    { key: "fromName", path: "fromName", required: true },
    { key: "fromAddress", path: "fromAddress", required: true, inputMode: "email" },
  ],
  TWILIO_SMS: [
    { key: "accountSid", path: "config.accountSid", required: true, mono: true },
    { key: "messagingServiceSid", path: "config.messagingServiceSid", mono: true },
    { key: "fromNumber", path: "config.fromNumber", inputMode: "tel", mono: true },
    { key: "authToken", path: "secrets.authToken", secret: true, required: true },
  ],
};

function ConnectForm({
  type,
  dealers,
  onConnected,
}: {
  type: TChoice;
  dealers: TDealer[];
  onConnected: (channelId: string) => void;
}) {
  const t = useTranslations("channels.connect");
  const tf = useTranslations("channels.inputs");
  const { state, pending, run } = useChannelAction(ACTIONS[type]);
  const refusal = useRefusalText()(state);
  const fieldError = useFieldError(state);
  const [values, setValues] = useState<TValues>({ dealerId: dealers[0]?.id ?? "", name: "" });
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  // A field-level refusal is shown at its field; the form line then only says to check them.
  const formError = state.ok === false && state.issues?.length ? t("checkFields") : refusal;
  return (
    <form
      className="space-y-4 px-5 py-4"
      data-testid={`connect-form-${type}`}
      onSubmit={(e) => {
        e.preventDefault();
        run(inputOf(type, values), (result) => {
          if (result.ok) onConnected((result.data as { channelId: string }).channelId);
        });
      }}
    >
      <p className="text-[13px] text-zinc-600">{t(`intro.${type}`)}</p>
      {dealers.length > 1 ? (
        <Field id={`connect-${type}-dealer`} label={tf("dealer")} error={fieldError("dealerId")}>
          {(props) => (
            <select {...props} value={values.dealerId} onChange={(e) => set("dealerId", e.target.value)} required>
              {dealers.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="text-[13px]">
          <span className="text-zinc-500">{tf("dealer")}: </span>
          <span className="font-medium">{dealers[0]?.name}</span>
        </p>
      )}
      <Field id={`connect-${type}-name`} label={tf("channelName")} help={t("nameHelp")} error={fieldError("name")}>
        {(props) => (
          <input {...props} value={values.name} onChange={(e) => set("name", e.target.value)} maxLength={80} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS[type].map((f) => (
          <div key={f.key} className={f.secret ? "sm:col-span-2" : ""}>
            <Field
              id={`connect-${type}-${f.key}`}
              label={tf(f.key)}
              help={tf.has(`help.${f.key}`) ? tf(`help.${f.key}`) : undefined}
              error={fieldError(f.path)}
            >
              {(props) => (
                <input
                  {...props}
                  className={`${props.className} ${f.secret || f.inputMode === "numeric" || f.inputMode === "tel" || f.mono ? "font-mono" : ""}`}
                  type={f.secret ? "password" : "text"}
                  inputMode={f.inputMode}
                  autoComplete="off"
                  spellCheck={false}
                  value={values[f.key] ?? ""}
                  onChange={(e) => set(f.key, e.target.value)}
                  required={f.required}
                />
              )}
            </Field>
          </div>
        ))}
      </div>
      {type !== "WIDGET" && type !== "EMAIL" && type !== "API" ? (
        <p className="text-xs text-zinc-500">
          {t(type === "TWILIO_SMS" ? "secretsNoteSms" : type === "TELEGRAM" ? "secretsNoteTelegram" : "secretsNote")}
        </p>
      ) : null}
      {/* Stays in view while the fields scroll (a phone, or the longer WhatsApp form). */}
      <div className="sticky bottom-0 -mx-5 -mb-4 flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 bg-white px-5 py-3">
        <Outcome error={formError} />
        <button
          type="submit"
          className={`${buttonClass.primary} ml-auto`}
          disabled={pending}
          data-testid="connect-submit"
        >
          {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
          {t(`submit.${type}`)}
        </button>
      </div>
    </form>
  );
}
