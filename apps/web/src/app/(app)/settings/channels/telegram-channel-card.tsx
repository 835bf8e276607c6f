"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Loader2, PlugZap, Stethoscope, Unplug } from "lucide-react";
import type { TTelegramConnectionInfo } from "@forecourt/core/channels/telegram-connection";
import { ChannelIcon, useChannelLabel } from "@/components/channel-badge";
import { checkTelegramAction, disconnectTelegramAction } from "@/server/actions/channels";
import type { TActionState } from "@/server/action-helpers";
import { buttonClass, CopyField, Outcome } from "./form-bits";
import { StatusControl } from "./status-control";
import { useChannelAction, useRefusalText } from "./use-channel-action";

const SECTION = "border-t border-zinc-200 px-5 py-4";
const HEADING = "text-[13px] font-semibold text-zinc-900";

/** A connected Telegram bot: who it is, where Telegram posts, a connection check, enable/disable, disconnect. */
export function TelegramChannelCard({ info }: { info: TTelegramConnectionInfo }) {
  const t = useTranslations("channels.telegram");
  const tc = useTranslations("channels");
  const label = useChannelLabel();
  const format = useFormatter();
  const handle = info.config.botUsername ? `@${info.config.botUsername}` : info.config.botId;
  return (
    <article
      id={`channel-${info.channelId}`}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white target:ring-2 target:ring-brand-500"
      aria-labelledby={`channel-${info.channelId}-name`}
      data-testid="telegram-channel"
      data-channel-type="TELEGRAM"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
        <div className="flex min-w-0 items-center gap-3">
          <ChannelIcon type="TELEGRAM" size="lg" />
          <div className="min-w-0">
            <h3 id={`channel-${info.channelId}-name`} className="truncate text-sm font-semibold">
              {info.name}
            </h3>
            <p className="truncate text-[13px] text-zinc-500">
              {label("TELEGRAM")} · {handle}
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
        <p className="mt-1 text-[13px] text-zinc-600">{t("howBody", { handle })}</p>
        {info.config.botUsername ? (
          <p className="mt-2 text-[13px]">
            <a
              className="font-medium text-brand-700 underline-offset-2 hover:underline"
              href={`https://t.me/${info.config.botUsername}`}
              target="_blank"
              rel="noreferrer noopener"
              data-testid="telegram-link"
            >
              t.me/{info.config.botUsername}
            </a>
          </p>
        ) : null}
        <div className="mt-3">
          <CopyField label={t("webhookUrl")} value={info.webhookUrl} testId="telegram-webhook-url" />
        </div>
        <p className="mt-2 text-xs text-zinc-500" data-testid="telegram-webhook-state">
          {info.webhookRegistered ? t("webhookRegistered") : t("webhookRemoved")}
        </p>
      </section>

      <section className={SECTION} aria-labelledby={`channel-${info.channelId}-details`}>
        <h4 id={`channel-${info.channelId}-details`} className={HEADING}>
          {tc("details.title")}
        </h4>
        <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-[13px] sm:grid-cols-2">
          <Detail term={t("botId")} value={info.config.botId} mono />
          <Detail term={tc("inputs.botToken")} value={info.masked.botToken} mono testId="masked-token" />
          <Detail term={tc("details.dealer")} value={info.dealer.name} />
          <Detail term={tc("details.connectedAt")} value={format.dateTime(info.connectedAt, { dateStyle: "medium" })} />
        </dl>
      </section>

      <div className={`${SECTION} flex flex-wrap items-start justify-between gap-3`}>
        <CheckConnection channelId={info.channelId} />
        <Disconnect channelId={info.channelId} handle={handle} />
      </div>
    </article>
  );
}

function Detail({ term, value, mono, testId }: { term: string; value: string; mono?: boolean; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{term}</dt>
      <dd className={`truncate ${mono ? "font-mono text-[12px]" : ""}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Telegram's own wording for the codes it shares with Meta ("token_invalid" …), else the page's. */
function useTelegramRefusal() {
  const t = useTranslations("channels.telegram.errors");
  const generic = useRefusalText();
  return (state: TActionState) => (state.ok === false && t.has(state.error) ? t(state.error) : generic(state));
}

type TCheck = { botUsername: string; webhookRepaired: boolean; pendingUpdates: number; lastError: string | null };

function CheckConnection({ channelId }: { channelId: string }) {
  const t = useTranslations("channels.telegram");
  const { state, pending, run } = useChannelAction(checkTelegramAction);
  const refusal = useTelegramRefusal()(state);
  const result = state.ok ? (state.data as TCheck) : null;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={pending}
        onClick={() => run({ channelId })}
        data-testid="telegram-check"
      >
        {pending ? (
          <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
        ) : (
          <Stethoscope className="size-3.5" aria-hidden="true" />
        )}
        {t("check")}
      </button>
      <Outcome
        error={refusal ?? (result?.lastError ? t("checkLastError", { error: result.lastError }) : null)}
        success={
          result && !result.lastError
            ? result.webhookRepaired
              ? t("checkRepaired", { handle: `@${result.botUsername}` })
              : t("checkOk", { handle: `@${result.botUsername}` })
            : null
        }
      />
    </div>
  );
}

function Disconnect({ channelId, handle }: { channelId: string; handle: string }) {
  const t = useTranslations("channels.telegram");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, run } = useChannelAction(disconnectTelegramAction);
  const refusal = useTelegramRefusal()(state);
  if (!confirming)
    return (
      <button
        type="button"
        className={buttonClass.ghost}
        onClick={() => setConfirming(true)}
        data-testid="telegram-disconnect"
      >
        <Unplug className="size-3.5" aria-hidden="true" />
        {t("disconnect")}
      </button>
    );
  return (
    <div className="flex max-w-sm flex-col gap-2 rounded-lg border border-red-200 bg-red-50/60 p-3" role="group">
      <p className="text-xs text-red-900">{t("disconnectConfirm", { handle })}</p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass.danger}
          disabled={pending}
          onClick={() => run({ channelId })}
          data-testid="telegram-disconnect-confirm"
        >
          {pending ? (
            <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
          ) : (
            <PlugZap className="size-3.5" aria-hidden="true" />
          )}
          {t("disconnectYes")}
        </button>
        <button type="button" className={buttonClass.ghost} onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
      <Outcome error={refusal} />
    </div>
  );
}
