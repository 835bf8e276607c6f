"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Eye, KeyRound, Loader2, RefreshCw } from "lucide-react";
import type { TApiChannelInfo } from "@forecourt/core/api-channel/list-api-channels";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import { revealApiChannelSecretAction, rotateApiChannelSecretAction } from "@/server/actions/api-channel";
import { buttonClass, CopyField, Outcome } from "./form-bits";
import { StatusControl } from "./status-control";
import { useChannelAction, useRefusalText } from "./use-channel-action";

const SECTION = "border-t border-zinc-200 px-5 py-4";
const HEADING = "text-[13px] font-semibold text-zinc-900";

/**
 * An API channel (OEM app): the public inbox identifier and the Client API base to give the
 * app's developers, the HMAC secret for the app's backend (masked; shown on request, audited;
 * rotatable), enable/disable.
 */
export function ApiChannelCard({ info, webUrl }: { info: TApiChannelInfo; webUrl: string }) {
  const t = useTranslations("apiChannel");
  const label = useChannelLabel();
  const format = useFormatter();
  const [secret, setSecret] = useState<string | null>(null);
  const base = `${webUrl.replace(/\/+$/, "")}/api/v1/client/inboxes/${info.inboxIdentifier}`;
  return (
    <article
      id={`channel-${info.channelId}`}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white target:ring-2 target:ring-brand-500"
      aria-labelledby={`channel-${info.channelId}-name`}
      data-testid="api-channel"
      data-channel-type="API"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
        <div className="flex min-w-0 items-center gap-3">
          <ChannelIcon type="API" size="lg" />
          <div className="min-w-0">
            <h3 id={`channel-${info.channelId}-name`} className="truncate text-sm font-semibold">
              {info.name}
            </h3>
            <p className="truncate text-[13px] text-zinc-500">
              {label("API")} ·{" "}
              {t("since", { date: format.dateTime(new Date(info.createdAt), { dateStyle: "medium" }) })}
            </p>
          </div>
        </div>
        <StatusControl
          channelId={info.channelId}
          status={info.status}
          disabledByLifecycleOn={info.disabledByLifecycleOn}
        />
      </header>

      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-how`}>
        <h4 id={`channel-${info.channelId}-how`} className={HEADING}>
          {t("howTitle")}
        </h4>
        <p className="mt-1 text-[13px] text-zinc-600">{t("howBody")}</p>
        <div className="mt-3 space-y-3">
          <CopyField label={t("inboxIdentifier")} value={info.inboxIdentifier} testId="api-inbox-identifier" />
          <CopyField label={t("baseUrl")} value={base} testId="api-base-url" />
        </div>
      </section>

      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-secret`}>
        <h4 id={`channel-${info.channelId}-secret`} className={`${HEADING} flex items-center gap-1.5`}>
          <KeyRound className="size-3.5 text-zinc-500" aria-hidden="true" />
          {t("secretTitle")}
        </h4>
        <p className="mt-1 text-[13px] text-zinc-600">{t("secretBody")}</p>
        <div className="mt-3">
          {secret ? (
            <CopyField label={t("secret")} value={secret} testId="api-secret" />
          ) : (
            <p className="text-[13px]">
              <span className="text-zinc-500">{t("secret")}: </span>
              <code className="font-mono text-[12px]" data-testid="api-secret-masked">
                {info.maskedSecret}
              </code>
            </p>
          )}
        </div>
        <div className="mt-3 flex flex-wrap items-start gap-2">
          {secret ? null : <Reveal channelId={info.channelId} onSecret={setSecret} />}
          <Rotate channelId={info.channelId} onSecret={setSecret} />
        </div>
      </section>
    </article>
  );
}

function Reveal({ channelId, onSecret }: { channelId: string; onSecret: (secret: string) => void }) {
  const t = useTranslations("apiChannel");
  const { state, pending, run } = useChannelAction(revealApiChannelSecretAction);
  const refusal = useRefusalText()(state);
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={pending}
        onClick={() =>
          run({ channelId }, (r) => {
            if (r.ok) onSecret((r.data as { hmacSecret: string }).hmacSecret);
          })
        }
        data-testid="api-secret-reveal"
      >
        {pending ? (
          <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
        ) : (
          <Eye className="size-3.5" aria-hidden="true" />
        )}
        {t("reveal")}
      </button>
      <Outcome error={refusal} />
    </div>
  );
}

function Rotate({ channelId, onSecret }: { channelId: string; onSecret: (secret: string) => void }) {
  const t = useTranslations("apiChannel");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, run } = useChannelAction(rotateApiChannelSecretAction);
  const refusal = useRefusalText()(state);
  if (!confirming)
    return (
      <button
        type="button"
        className={buttonClass.ghost}
        onClick={() => setConfirming(true)}
        data-testid="api-secret-rotate"
      >
        <RefreshCw className="size-3.5" aria-hidden="true" />
        {t("rotate")}
      </button>
    );
  return (
    <div className="flex max-w-md flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50/60 p-3" role="group">
      <p className="text-xs text-amber-900">{t("rotateConfirm")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass.primary}
          disabled={pending}
          onClick={() =>
            run({ channelId }, (r) => {
              if (!r.ok) return;
              onSecret((r.data as { hmacSecret: string }).hmacSecret);
              setConfirming(false);
            })
          }
          data-testid="api-secret-rotate-confirm"
        >
          {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
          {t("rotateYes")}
        </button>
        <button type="button" className={buttonClass.ghost} onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
      <Outcome error={refusal} />
    </div>
  );
}
