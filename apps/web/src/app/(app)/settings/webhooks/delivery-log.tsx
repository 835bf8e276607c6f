"use client";

import { useCallback, useEffect, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { AlertCircle, RefreshCw, Send } from "lucide-react";
import type { TWebhookDelivery } from "@forecourt/protocol";
import { listWebhookDeliveriesAction, redeliverWebhookAction } from "@/server/actions/webhooks";
import { Badge, button, failureOf } from "./webhook-bits";

const TONE = { DELIVERED: "green", FAILED: "red", PENDING: "blue", SKIPPED: "zinc" } as const;

type TState =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; deliveries: TWebhookDelivery[]; nextCursor: string | null };

/** An endpoint's delivery log (newest first): status, event, time, attempts, answer; Redeliver. */
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const [state, setState] = useState<TState>({ kind: "loading" });
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const load = useCallback(
    async (cursor?: string) => {
      const result = await listWebhookDeliveriesAction({ endpointId, cursor });
      if (!result.ok) {
        setState({ kind: "error", message: failureOf(result)?.message ?? t("genericError") });
        return;
      }
      const page = result.data as { deliveries: TWebhookDelivery[]; nextCursor: string | null };
      setState((s) => ({
        kind: "ready",
        deliveries: cursor && s.kind === "ready" ? [...s.deliveries, ...page.deliveries] : page.deliveries,
        nextCursor: page.nextCursor,
      }));
    },
    [endpointId, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="border-t border-zinc-100 px-4 py-3" aria-label={t("deliveries")} data-testid="webhook-log">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-[12px] font-semibold tracking-wide text-zinc-500 uppercase">{t("deliveries")}</h3>
        <button
          type="button"
          className={button.secondary}
          onClick={() => {
            setNotice(null);
            setState({ kind: "loading" });
            void load();
          }}
          data-testid="webhook-log-refresh"
        >
          <RefreshCw className="size-3.5" aria-hidden="true" /> {t("refresh")}
        </button>
      </div>
      {notice ? (
        <p role="status" className="mb-2 text-[12px] text-zinc-600">
          {notice}
        </p>
      ) : null}
      {state.kind === "loading" ? (
        <ul className="space-y-2" aria-busy="true" aria-label={t("loading")}>
          {[0, 1, 2].map((i) => (
            <li key={i} className="h-9 animate-pulse rounded-lg bg-zinc-100" />
          ))}
        </ul>
      ) : state.kind === "error" ? (
        <div role="alert" className="flex items-center gap-2 rounded-lg bg-red-50 px-3 py-2 text-[12px] text-red-700">
          <AlertCircle className="size-3.5 shrink-0" aria-hidden="true" />
          <span className="flex-1">{state.message}</span>
          <button type="button" className={button.secondary} onClick={() => void load()}>
            {t("retry")}
          </button>
        </div>
      ) : state.deliveries.length === 0 ? (
        <p
          className="rounded-lg bg-zinc-50 px-3 py-4 text-center text-[12px] text-zinc-500"
          data-testid="webhook-log-empty"
        >
          {t("logEmpty")}
        </p>
      ) : (
        <>
          <ul className="divide-y divide-zinc-100">
            {state.deliveries.map((d) => (
              <li
                key={d.id}
                className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-3"
                data-testid="webhook-delivery"
              >
                <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
                  <Badge tone={TONE[d.status]} testId="webhook-delivery-status">
                    {t(`status.${d.status}`)}
                  </Badge>
                  <code className="text-[12px] text-zinc-900">{d.eventType}</code>
                  <time className="text-[12px] text-zinc-500" dateTime={d.lastAttemptAt ?? d.createdAt}>
                    {format.dateTime(new Date(d.lastAttemptAt ?? d.createdAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  </time>
                </div>
                <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-[12px] text-zinc-600">
                  <span>{t("attempts", { count: d.attempts })}</span>
                  {d.responseStatus !== null ? <span className="font-mono">HTTP {d.responseStatus}</span> : null}
                  {d.durationMs !== null ? <span>{d.durationMs} ms</span> : null}
                  {d.responseExcerpt ? (
                    <span className="max-w-[16rem] truncate text-zinc-500" title={d.responseExcerpt}>
                      {d.responseExcerpt}
                    </span>
                  ) : null}
                  {d.status !== "PENDING" && enabled ? (
                    <button
                      type="button"
                      className={button.secondary}
                      disabled={pending}
                      data-testid="webhook-redeliver"
                      onClick={() =>
                        start(async () => {
                          const result = await redeliverWebhookAction({ deliveryId: d.id });
                          setNotice(result.ok ? t("redelivering") : (failureOf(result)?.message ?? t("genericError")));
                          if (result.ok) await load();
                        })
                      }
                    >
                      <Send className="size-3.5" aria-hidden="true" /> {t("redeliver")}
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {state.nextCursor ? (
            <div className="mt-2 flex justify-center">
              <button type="button" className={button.secondary} onClick={() => void load(state.nextCursor!)}>
                {t("more")}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
