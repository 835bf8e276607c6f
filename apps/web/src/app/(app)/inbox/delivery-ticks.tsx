"use client";

import { useTranslations } from "next-intl";
import { Check, CheckCheck, Clock, RotateCcw, TriangleAlert } from "lucide-react";
import type { TDelivery } from "@forecourt/protocol";

/**
 * Where an outbound channel message is, as the customer's app shows it: a clock while queued,
 * one tick when sent, two when delivered, two blue ones when read (or a voice note played).
 * A failure says why, in the channel's words, and offers Retry (the server decides whether a
 * retry can help; a permanent refusal answers with its reason).
 */
export function DeliveryTicks(props: { delivery: TDelivery; retrying: boolean; onRetry: () => void }) {
  const t = useTranslations("chat");
  const { status, error } = props.delivery;
  const label = t(`delivery.${status}`);
  if (status === "FAILED") {
    return (
      <div
        className="mt-1 flex flex-wrap items-center justify-end gap-x-2 gap-y-1 text-[11px]"
        data-testid="delivery"
        data-status={status}
      >
        <span className="flex items-center gap-1 font-medium text-red-700">
          <TriangleAlert className="size-3.5" aria-hidden="true" />
          {label}
        </span>
        {error?.message ? (
          <span className="text-red-700/90" data-testid="delivery-error">
            {error.message}
          </span>
        ) : null}
        <button
          type="button"
          onClick={props.onRetry}
          disabled={props.retrying}
          className="flex items-center gap-1 rounded-md border border-red-200 bg-white px-1.5 py-0.5 font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
          data-testid="retry-delivery"
        >
          <RotateCcw className={`size-3 ${props.retrying ? "animate-spin" : ""}`} aria-hidden="true" />
          {props.retrying ? t("retryingDelivery") : t("retry")}
        </button>
      </div>
    );
  }
  const Icon = status === "QUEUED" ? Clock : status === "SENT" ? Check : CheckCheck;
  const read = status === "READ" || status === "PLAYED";
  return (
    <span className="mt-0.5 flex items-center justify-end" data-testid="delivery" data-status={status} title={label}>
      <Icon
        className={`size-3.5 ${read ? "text-sky-500" : "text-zinc-500"}`}
        strokeWidth={status === "QUEUED" ? 2 : 2.5}
        aria-hidden="true"
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}
