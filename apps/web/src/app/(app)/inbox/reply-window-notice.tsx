"use client";

import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Clock, LayoutTemplate, UserRound } from "lucide-react";
import type { TReplyWindow } from "@forecourt/protocol";
import { timeLeftText, windowNotice, type TWindowNotice } from "./reply-window";

/** The current time, refreshed every `ms` (the countdown shows minutes, so once a minute). */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** The reply window's notice, live: it moves to "closed" by itself when the window runs out. */
export function useWindowNotice(window: TReplyWindow | null | undefined): TWindowNotice {
  return windowNotice(window, useNow());
}

/** The line above the composer: how long the window is open, or who may answer, or that it has closed. */
export function ReplyWindowNotice(props: {
  notice: TWindowNotice;
  canSendTemplates: boolean;
  onSendTemplate: () => void;
}) {
  const t = useTranslations("chat");
  const format = useFormatter();
  const { notice } = props;
  if (notice.kind === "none") return null;
  if (notice.kind === "open") {
    return (
      <p
        className="mx-3 mb-1.5 flex items-center gap-1.5 text-[12px] text-emerald-700"
        data-testid="reply-window"
        data-state="open"
      >
        <Clock className="size-3.5" aria-hidden="true" />
        {t("window.open", { left: timeLeftText(t, notice.hours, notice.minutes) })}
      </p>
    );
  }
  if (notice.kind === "human_agent") {
    return (
      <p
        className="mx-3 mb-1.5 flex items-center gap-1.5 text-[12px] text-amber-700"
        data-testid="reply-window"
        data-state="human_agent"
      >
        <UserRound className="size-3.5" aria-hidden="true" />
        {t("window.humanAgent", {
          date: format.dateTime(new Date(notice.until), { dateStyle: "medium", timeStyle: "short" }),
        })}
      </p>
    );
  }
  return (
    <div
      className="mx-3 mb-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900"
      data-testid="reply-window"
      data-state="closed"
      role="status"
    >
      <p className="min-w-48 flex-1">{notice.templates ? t("window.closedTemplates") : t("window.closed")}</p>
      {notice.templates && props.canSendTemplates ? (
        <button
          type="button"
          onClick={props.onSendTemplate}
          className="flex items-center gap-1 rounded-md bg-zinc-900 px-2.5 py-1 text-[12px] font-medium text-white hover:bg-zinc-800"
          data-testid="open-templates"
        >
          <LayoutTemplate className="size-3.5" aria-hidden="true" />
          {t("window.sendTemplate")}
        </button>
      ) : null}
    </div>
  );
}
