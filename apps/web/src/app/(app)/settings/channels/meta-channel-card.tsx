"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { KeyRound, Loader2, RefreshCw, Send } from "lucide-react";
import type { TChannelConnectionInfo } from "@forecourt/core/channels/get-channel-connection-info";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import {
  regenerateVerifyTokenAction,
  sendChannelTestMessageAction,
  syncTemplatesAction,
  updateChannelCredentialsAction,
} from "@/server/actions/channels";
import { buttonClass, CopyField, Outcome } from "./form-bits";
import { Field } from "@/components/forms/field";
import { StatusControl } from "./status-control";
import { TemplateList } from "./template-list";
import { useChannelAction, useFieldError, useRefusalText } from "./use-channel-action";

const SECTION = "border-t border-zinc-200 px-5 py-4";
const HEADING = "text-[13px] font-semibold text-zinc-900";

/** A connected WhatsApp number or Messenger page: its ids, what to paste into Meta, credentials, a test, templates. */
export function MetaChannelCard({ info }: { info: TChannelConnectionInfo }) {
  const t = useTranslations("channels");
  const label = useChannelLabel();
  const format = useFormatter();
  const subtitle =
    info.type === "WHATSAPP"
      ? info.config.displayPhoneNumber || info.config.phoneNumberId
      : info.config.pageName || info.config.pageId;
  return (
    <article
      id={`channel-${info.channelId}`}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white target:ring-2 target:ring-brand-500"
      aria-labelledby={`channel-${info.channelId}-name`}
      data-testid="meta-channel"
      data-channel-type={info.type}
    >
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
        <div className="flex min-w-0 items-center gap-3">
          <ChannelIcon type={info.type} size="lg" />
          <div className="min-w-0">
            <h3 id={`channel-${info.channelId}-name`} className="truncate text-sm font-semibold">
              {info.name}
            </h3>
            <p className="truncate text-[13px] text-zinc-500">
              {label(info.type)} · {subtitle}
            </p>
          </div>
        </div>
        <StatusControl
          channelId={info.channelId}
          status={info.status}
          disabledByLifecycleOn={info.disabledByLifecycleOn}
        />
      </header>

      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-meta`}>
        <h4 id={`channel-${info.channelId}-meta`} className={HEADING}>
          {t("meta.title")}
        </h4>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-[13px] text-zinc-600 marker:text-zinc-400">
          <li>{t(`meta.step1.${info.type}`)}</li>
          <li>{t("meta.step2")}</li>
          <li>{t(`meta.step3.${info.type}`)}</li>
        </ol>
        <div className="mt-3 space-y-3">
          <CopyField label={t("meta.callbackUrl")} value={info.callbackUrl} testId="callback-url" />
          <CopyField label={t("meta.verifyToken")} value={info.verifyToken} testId="verify-token" />
        </div>
        <p className="mt-2 text-xs text-zinc-500">{t("meta.sameApp")}</p>
        <RegenerateVerifyToken channelId={info.channelId} />
      </section>

      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-details`}>
        <h4 id={`channel-${info.channelId}-details`} className={HEADING}>
          {t("details.title")}
        </h4>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-[13px] sm:grid-cols-2">
          {info.type === "WHATSAPP" ? (
            <>
              <Detail term={t("inputs.phoneNumberId")} value={info.config.phoneNumberId} mono />
              <Detail term={t("inputs.wabaId")} value={info.config.wabaId} mono />
              <Detail term={t("inputs.accessToken")} value={info.masked.accessToken} mono testId="masked-token" />
              <Detail term={t("inputs.appSecret")} value={info.masked.appSecret} mono />
            </>
          ) : (
            <>
              <Detail term={t("inputs.pageId")} value={info.config.pageId} mono />
              <Detail term={t("inputs.pageName")} value={info.config.pageName || "—"} />
              <Detail
                term={t("inputs.pageAccessToken")}
                value={info.masked.pageAccessToken}
                mono
                testId="masked-token"
              />
              <Detail term={t("inputs.appSecret")} value={info.masked.appSecret} mono />
            </>
          )}
          <Detail term={t("details.dealer")} value={info.dealer.name} />
          <Detail term={t("details.connectedAt")} value={format.dateTime(info.connectedAt, { dateStyle: "medium" })} />
        </dl>
        <ReplaceCredentials info={info} />
      </section>

      <div className={SECTION}>
        <TestMessage info={info} />
      </div>

      {info.type === "WHATSAPP" ? (
        <section className={SECTION} aria-labelledby={`channel-${info.channelId}-templates`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div>
              <h4 id={`channel-${info.channelId}-templates`} className={HEADING}>
                {t("templates.title")}
              </h4>
              <p className="text-xs text-zinc-500" data-testid="template-summary">
                {info.templates.lastSyncedAt
                  ? t("templates.summary", {
                      count: info.templates.count,
                      when: format.dateTime(info.templates.lastSyncedAt, { dateStyle: "medium", timeStyle: "short" }),
                    })
                  : t("templates.never")}
              </p>
            </div>
            <SyncTemplates channelId={info.channelId} />
          </div>
          <TemplateList templates={info.templates.items} />
        </section>
      ) : null}
    </article>
  );
}

export function Detail({
  term,
  value,
  mono,
  testId,
}: {
  term: string;
  value: string;
  mono?: boolean;
  testId?: string;
}) {
  return (
    <div className="flex min-w-0 justify-between gap-3 border-b border-zinc-100 py-1 sm:block sm:border-0 sm:py-0">
      <dt className="shrink-0 text-zinc-500">{term}</dt>
      <dd
        className={`min-w-0 text-right break-all text-zinc-900 sm:text-left ${mono ? "font-mono text-[12px]" : ""}`}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}

function RegenerateVerifyToken({ channelId }: { channelId: string }) {
  const t = useTranslations("channels.meta");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, run } = useChannelAction(regenerateVerifyTokenAction);
  const refusal = useRefusalText()(state);
  return (
    <div className="mt-3 space-y-1">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 px-3 py-2 text-[13px] text-amber-900">
          <span className="min-w-0 flex-1">{t("regenerateConfirm")}</span>
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={pending}
            onClick={() => run({ channelId }, (r) => r.ok && setConfirming(false))}
            data-testid="regenerate-confirm"
          >
            {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
            {t("regenerateYes")}
          </button>
          <button type="button" className={buttonClass.ghost} onClick={() => setConfirming(false)}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={buttonClass.ghost}
          onClick={() => setConfirming(true)}
          data-testid="regenerate-verify-token"
        >
          <RefreshCw className="size-3.5" aria-hidden="true" />
          {t("regenerate")}
        </button>
      )}
      <Outcome error={refusal} success={state.ok ? t("regenerated") : null} />
    </div>
  );
}

function ReplaceCredentials({ info }: { info: TChannelConnectionInfo }) {
  const t = useTranslations("channels");
  const [open, setOpen] = useState(false);
  const tokenKey = info.type === "WHATSAPP" ? "accessToken" : "pageAccessToken";
  const [values, setValues] = useState({ token: "", appSecret: "" });
  const { state, pending, run, reset } = useChannelAction(updateChannelCredentialsAction);
  const refusal = useRefusalText()(state);
  const fieldError = useFieldError(state);
  if (!open) {
    return (
      <div className="mt-3 space-y-1">
        <button
          type="button"
          className={buttonClass.ghost}
          onClick={() => {
            reset();
            setOpen(true);
          }}
          data-testid="replace-credentials"
        >
          <KeyRound className="size-3.5" aria-hidden="true" />
          {t("credentials.replace")}
        </button>
        <Outcome success={state.ok ? t("credentials.saved") : null} />
      </div>
    );
  }
  const id = `cred-${info.channelId}`;
  return (
    <form
      className="mt-3 space-y-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        // Only what was typed changes; an empty field keeps the stored value.
        const secrets = {
          ...(values.token ? { [tokenKey]: values.token } : {}),
          ...(values.appSecret ? { appSecret: values.appSecret } : {}),
        };
        run({ channelId: info.channelId, secrets }, (r) => {
          if (r.ok) {
            setValues({ token: "", appSecret: "" });
            setOpen(false);
          }
        });
      }}
      data-testid="credentials-form"
    >
      <p className="text-xs text-zinc-600">{t("credentials.help")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-token`} label={t(`inputs.${tokenKey}`)} error={fieldError(`secrets.${tokenKey}`)}>
          {(props) => (
            <input
              {...props}
              className={`${props.className} font-mono`}
              type="password"
              autoComplete="off"
              value={values.token}
              onChange={(e) => setValues((v) => ({ ...v, token: e.target.value }))}
            />
          )}
        </Field>
        <Field id={`${id}-secret`} label={t("inputs.appSecret")} error={fieldError("secrets.appSecret")}>
          {(props) => (
            <input
              {...props}
              className={`${props.className} font-mono`}
              type="password"
              autoComplete="off"
              value={values.appSecret}
              onChange={(e) => setValues((v) => ({ ...v, appSecret: e.target.value }))}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending} data-testid="credentials-save">
          {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
          {t("credentials.save")}
        </button>
        <button type="button" className={buttonClass.ghost} onClick={() => setOpen(false)}>
          {t("meta.cancel")}
        </button>
        <Outcome error={fieldError("secrets") ?? (state.ok === false && !state.issues?.length ? refusal : null)} />
      </div>
    </form>
  );
}

function TestMessage({ info }: { info: TChannelConnectionInfo }) {
  const t = useTranslations("channels.test");
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState("");
  const [text, setText] = useState(() => t("defaultText"));
  const { state, pending, run } = useChannelAction(sendChannelTestMessageAction);
  const refusal = useRefusalText()(state);
  const fieldError = useFieldError(state);
  const id = `test-${info.channelId}`;
  if (!open) {
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
  }
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
        <Field id={`${id}-to`} label={t(`to.${info.type}`)} error={fieldError("to")}>
          {(props) => (
            <input
              {...props}
              aria-describedby={[props["aria-describedby"], `${id}-help`].filter(Boolean).join(" ")}
              className={`${props.className} font-mono`}
              inputMode={info.type === "WHATSAPP" ? "tel" : "numeric"}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              required
              maxLength={64}
            />
          )}
        </Field>
        <Field id={`${id}-text`} label={t("text")} error={fieldError("text")}>
          {(props) => (
            <input {...props} value={text} onChange={(e) => setText(e.target.value)} required maxLength={1000} />
          )}
        </Field>
      </div>
      <p id={`${id}-help`} className="text-xs text-zinc-500">
        {t(`toHelp.${info.type}`)}
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

function SyncTemplates({ channelId }: { channelId: string }) {
  const t = useTranslations("channels.templates");
  const { state, pending, run } = useChannelAction(syncTemplatesAction);
  const refusal = useRefusalText()(state);
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={pending}
        onClick={() => run({ channelId })}
        data-testid="sync-templates"
      >
        <RefreshCw className={`size-3.5 ${pending ? "animate-spin" : ""}`} aria-hidden="true" />
        {pending ? t("syncing") : t("sync")}
      </button>
      <Outcome error={refusal} success={state.ok ? t("synced") : null} />
    </div>
  );
}
