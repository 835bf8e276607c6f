"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TManagedQueueItem } from "@forecourt/core/provider/list-managed-queue";
import { ChannelBadge } from "@/components/channel-badge";

function isTyping(target: EventTarget | null) {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

/** The queue, oldest first: J/K (or the arrow keys) move, Enter opens; every row is also a plain link. */
export function QueueList({ items }: { items: TManagedQueueItem[] }) {
  const t = useTranslations("managedQueue");
  const format = useFormatter();
  const router = useRouter();
  const [active, setActive] = useState(0);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const move =
        event.key === "j" || event.key === "ArrowDown" ? 1 : event.key === "k" || event.key === "ArrowUp" ? -1 : 0;
      if (move) {
        event.preventDefault();
        setActive((i) => {
          const next = Math.min(items.length - 1, Math.max(0, i + move));
          links.current[next]?.focus();
          return next;
        });
      } else if (event.key === "Enter" && document.activeElement === document.body && items[active]) {
        router.push(`/provider/managed-queue/${items[active].conversationId}`);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [items, active, router]);
  const waited = (seconds: number) =>
    seconds < 3600
      ? t("waitingMinutes", { minutes: Math.floor(seconds / 60) })
      : seconds < 2 * 86_400
        ? t("waitingHours", { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) })
        : t("waitingDays", { days: Math.floor(seconds / 86_400), hours: Math.floor((seconds % 86_400) / 3600) });
  return (
    <>
      <p className="text-xs text-zinc-500">{t("keys")}</p>
      <ol className="divide-y divide-zinc-100 rounded-xl border border-zinc-200" data-testid="managed-queue">
        {items.map((item, i) => (
          <li key={item.conversationId}>
            <Link
              ref={(el) => {
                links.current[i] = el;
              }}
              href={`/provider/managed-queue/${item.conversationId}`}
              onFocus={() => setActive(i)}
              data-testid="managed-queue-item"
              className={`grid gap-1 px-5 py-3 text-[13px] outline-none hover:bg-zinc-50 focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-200 sm:grid-cols-[1.3fr_1.5fr_auto_auto] sm:items-center sm:gap-4 ${
                i === active ? "bg-zinc-50/80" : ""
              }`}
            >
              <span className="font-medium text-zinc-900">{item.contactName || t("anonymous")}</span>
              <span className="text-zinc-600">
                {item.customerName} · {item.dealerName}
              </span>
              <span className="flex flex-wrap items-center gap-1.5">
                <ChannelBadge type={item.channelType} />
                {item.reasons.map((r) => (
                  <span
                    key={r}
                    className="rounded-full border border-amber-200 bg-amber-50 px-2 py-0.5 text-[11px] font-medium text-amber-800"
                  >
                    {r === "outside_hours"
                      ? t("reasons.outside_hours")
                      : t("reasons.unanswered", { minutes: item.managedAfterMinutes })}
                  </span>
                ))}
              </span>
              <span
                className="text-right text-zinc-500 tabular-nums"
                title={format.dateTime(new Date(item.firstContactAt), { dateStyle: "medium", timeStyle: "short" })}
              >
                {waited(item.waitingSeconds)}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}
