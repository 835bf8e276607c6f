"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { KeyRound, Loader2, Send } from "lucide-react";
import type { TSmsConnectionInfo } from "@forecourt/core/channels/list-sms-connections";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import { sendSmsTestMessageAction, updateSmsCredentialsAction } from "@/server/actions/channels";
import { buttonClass, CopyField, Outcome } from "./form-bits";
import { Field } from "@/components/forms/field";
import { Detail } from "./meta-channel-card";
import { StatusControl } from "./status-control";
import { useChannelAction, useFieldError, useRefusalText } from "./use-channel-action";

const SECTION = "border-t border-zinc-200 px-5 py-4";
const HEADING = "text-[13px] font-semibold text-zinc-900";

/** A connected SMS channel (the dealer's own Twilio account): what to paste into Twilio, its ids, the token, a test. */
export function SmsChannelCard({ info }: { info: TSmsConnectionInfo }) {
  const t = useTranslations("channels");
  const label = useChannelLabel();
  const format = useFormatter();
  const sender = info.config.fromNumber ?? info.config.messagingServiceSid ?? "";
  return (
    <article
      id={`channel-${info.channelId}`}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white target:ring-2 target:ring-brand-500"
      aria-labelledby={`channel-${info.channelId}-name`}
      data-testid="sms-channel"
      data-channel-type="TWILIO_SMS"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
        <div className="flex min-w-0 items-center gap-3">
          <ChannelIcon type="TWILIO_SMS" size="lg" />
          <div className="min-w-0">
            <h3 id={`channel-${info.channelId}-name`} className="truncate text-sm font-semibold">
              {info.name}
            </h3>
            <p className="truncate text-[13px] text-zinc-500">
              {label("TWILIO_SMS")} · {sender}
            </p>
          </div>
        </div>
        <StatusControl
          channelId={info.channelId}
          status={info.status}
          disabledByLifecycleOn={info.disabledByLifecycleOn}
        />
      </header>

      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-twilio`}>
        <h4 id={`channel-${info.channelId}-twilio`} className={HEADING}>
          {t("twilio.title")}
        </h4>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-[13px] text-zinc-600 marker:text-zinc-400">
          <li>{t("twilio.step1")}</li>
          <li>{t("twilio.step2")}</li>
          <li>{t("twilio.step3")}</li>
        </ol>
        <div className="mt-3 space-y-3">
          <CopyField label={t("twilio.inboundUrl")} value={info.inboundUrl} testId="sms-inbound-url" />
          <CopyField label={t("twilio.statusUrl")} value={info.statusUrl} testId="sms-status-url" />
        </div>
      </section>

      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-details`}>
        <h4 id={`channel-${info.channelId}-details`} className={HEADING}>
          {t("details.title")}
        </h4>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-[13px] sm:grid-cols-2">
          <Detail term={t("inputs.accountSid")} value={info.config.accountSid} mono />
          {info.config.messagingServiceSid ? (
            <Detail term={t("inputs.messagingServiceSid")} value={info.config.messagingServiceSid} mono />
          ) : null}
          {info.config.fromNumber ? <Detail term={t("inputs.fromNumber")} value={info.config.fromNumber} mono /> : null}
          <Detail term={t("inputs.authToken")} value={info.masked.authToken} mono testId="masked-token" />
          <Detail term={t("details.dealer")} value={info.dealer.name} />
          <Detail term={t("details.connectedAt")} value={format.dateTime(info.connectedAt, { dateStyle: "medium" })} />
        </dl>
        <ReplaceAuthToken channelId={info.channelId} />
      </section>

      <div className={SECTION}>
        <SmsTestMessage info={info} />
      </div>
    </article>
  );
}

function ReplaceAuthToken({ channelId }: { channelId: string }) {
  const t = useTranslations("channels");
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState("");
  const { state, pending, run, reset } = useChannelAction(updateSmsCredentialsAction);
  const refusal = useRefusalText()(state);
  const fieldError = useFieldError(state);
  if (!open)
    return (
      <div className="mt-3 space-y-1">
        <button
          type="button"
          className={buttonClass.ghost}
          onClick={() => {
            reset();
            setOpen(true);
          }}
          data-testid="replace-auth-token"
        >
          <KeyRound className="size-3.5" aria-hidden="true" />
          {t("twilio.replaceToken")}
        </button>
        <Outcome success={state.ok ? t("credentials.saved") : null} />
      </div>
    );
  return (
    <form
      className="mt-3 space-y-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ channelId, secrets: { authToken: token } }, (r) => {
          if (r.ok) {
            setToken("");
            setOpen(false);
          }
        });
      }}
    >
      <Field
        id={`sms-token-${channelId}`}
        label={t("inputs.authToken")}
        help={t("twilio.tokenHelp")}
        error={fieldError("secrets.authToken")}
      >
        {(props) => (
          <input
            {...props}
            className={`${props.className} font-mono`}
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
          {t("credentials.save")}
        </button>
        <button type="button" className={buttonClass.ghost} onClick={() => setOpen(false)}>
          {t("meta.cancel")}
        </button>
        <Outcome error={state.ok === false && !state.issues?.length ? refusal : null} />
      </div>
    </form>
  );
}

function SmsTestMessage({ info }: { info: TSmsConnectionInfo }) {
  const t = useTranslations("channels.test");
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState("");
  const [text, setText] = useState(() => t("defaultText"));
  const { state, pending, run } = useChannelAction(sendSmsTestMessageAction);
  const refusal = useRefusalText()(state);
  const fieldError = useFieldError(state);
  const id = `test-${info.channelId}`;
  if (!open)
    return (
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass.ghost}
          onClick={() => setOpen(true)}
          disabled={info.status !== "ACTIVE"}
          data-testid="open-test-message"
        >
          <Send className="size-3.5" aria-hidden="true" />
          {t("title")}
        </button>
        {info.status !== "ACTIVE" ? <span className="text-xs text-zinc-500">{t("disabled")}</span> : null}
        <Outcome success={state.ok ? t("sent") : null} />
      </div>
    );
  return (
    <form
      className="space-y-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ channelId: info.channelId, to, text }, (r) => r.ok && setOpen(false));
      }}
      data-testid="test-message-form"
    >
      <div className="grid gap-3 sm:grid-cols-[minmax(0,13rem)_minmax(0,1fr)]">
        <Field id={`${id}-to`} label={t("to.TWILIO_SMS")} error={fieldError("to")}>
          {(props) => (
            <input
              {...props}
              aria-describedby={[props["aria-describedby"], `${id}-help`].filter(Boolean).join(" ")}
              className={`${props.className} font-mono`}
              inputMode="tel"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              required
              maxLength={32}
            />
          )}
        </Field>
        <Field id={`${id}-text`} label={t("text")} error={fieldError("text")}>
          {(props) => (
            <input {...props} value={text} onChange={(e) => setText(e.target.value)} required maxLength={320} />
          )}
        </Field>
      </div>
      <p id={`${id}-help`} className="text-xs text-zinc-500">
        {t("toHelp.TWILIO_SMS")}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending} data-testid="send-test">
          {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
          {t("send")}
        </button>
        <button type="button" className={buttonClass.ghost} onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
        <Outcome error={state.ok === false && state.issues?.length ? null : refusal} />
      </div>
    </form>
  );
}
