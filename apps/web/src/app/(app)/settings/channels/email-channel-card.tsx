"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Loader2, Send } from "lucide-react";
import type { TEmailChannelInfo } from "@forecourt/core/channels/list-email-channels";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import { sendEmailTestAction } from "@/server/actions/channels";
import { buttonClass, CopyField, Outcome } from "./form-bits";
import { Field } from "@/components/forms/field";
import { StatusControl } from "./status-control";
import { useChannelAction, useFieldError, useRefusalText } from "./use-channel-action";

const SECTION = "border-t border-zinc-200 px-5 py-4";
const HEADING = "text-[13px] font-semibold text-zinc-900";

/** A connected e-mail channel: the inbound address to forward the dealer's mailbox to, who replies come from, a test. */
export function EmailChannelCard({ info }: { info: TEmailChannelInfo }) {
  const t = useTranslations("channels.email");
  const tc = useTranslations("channels");
  const label = useChannelLabel();
  const format = useFormatter();
  return (
    <article
      id={`channel-${info.channelId}`}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white target:ring-2 target:ring-brand-500"
      aria-labelledby={`channel-${info.channelId}-name`}
      data-testid="email-channel"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
        <div className="flex min-w-0 items-center gap-3">
          <ChannelIcon type="EMAIL" size="lg" />
          <div className="min-w-0">
            <h3 id={`channel-${info.channelId}-name`} className="truncate text-sm font-semibold">
              {info.name}
            </h3>
            <p className="truncate text-[13px] text-zinc-500">
              {label("EMAIL")} · {info.fromAddress}
            </p>
          </div>
        </div>
        <StatusControl
          channelId={info.channelId}
          status={info.status}
          disabledByLifecycleOn={info.disabledByLifecycleOn}
        />
      </header>
      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-forward`}>
        <h4 id={`channel-${info.channelId}-forward`} className={HEADING}>
          {t("forwardTitle")}
        </h4>
        <p className="mt-1 text-[13px] text-zinc-600">{t("forwardHelp", { from: info.fromAddress })}</p>
        <div className="mt-3">
          <CopyField label={t("inboundAddress")} value={info.inboundAddress} testId="inbound-address" />
        </div>
      </section>
      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-details`}>
        <h4 id={`channel-${info.channelId}-details`} className={HEADING}>
          {tc("details.title")}
        </h4>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-[13px] sm:grid-cols-2">
          <Detail term={tc("inputs.fromName")} value={info.fromName} />
          <Detail term={tc("inputs.fromAddress")} value={info.fromAddress} />
          <Detail term={tc("details.dealer")} value={info.dealer.name} />
          <Detail term={tc("details.connectedAt")} value={format.dateTime(info.connectedAt, { dateStyle: "medium" })} />
        </dl>
        <p className="mt-2 text-xs text-zinc-500">{t("repliesNote")}</p>
      </section>
      <div className={SECTION}>
        <TestEmail info={info} />
      </div>
    </article>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex min-w-0 justify-between gap-3 border-b border-zinc-100 py-1 sm:block sm:border-0 sm:py-0">
      <dt className="shrink-0 text-zinc-500">{term}</dt>
      <dd className="min-w-0 text-right break-all text-zinc-900 sm:text-left">{value}</dd>
    </div>
  );
}

function TestEmail({ info }: { info: TEmailChannelInfo }) {
  const t = useTranslations("channels.email");
  const tt = useTranslations("channels.test");
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState("");
  const { state, pending, run } = useChannelAction(sendEmailTestAction);
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
          data-testid="open-test-email"
        >
          <Send className="size-3.5" aria-hidden="true" />
          {t("testTitle")}
        </button>
        {info.status !== "ACTIVE" ? <span className="text-xs text-zinc-500">{tt("disabled")}</span> : null}
        <Outcome success={state.ok ? t("testSent") : null} />
      </div>
    );
  }
  return (
    <form
      className="space-y-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ channelId: info.channelId, to }, (r) => r.ok && setOpen(false));
      }}
      data-testid="test-email-form"
    >
      <Field id={`${id}-to`} label={t("testTo")} help={t("testHelp")} error={fieldError("to")}>
        {(props) => (
          <input
            {...props}
            type="email"
            inputMode="email"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            required
            maxLength={254}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending} data-testid="send-test-email">
          {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
          {tt("send")}
        </button>
        <button type="button" className={buttonClass.ghost} onClick={() => setOpen(false)}>
          {tt("cancel")}
        </button>
        <Outcome error={state.ok === false && state.issues?.length ? null : refusal} />
      </div>
    </form>
  );
}
