import { getLocale, getTranslations } from "next-intl/server";
import type { TSubscriptionOverview } from "@forecourt/core/contract/get-subscription-overview";
import { formatDay } from "./format";

type TEvent = TSubscriptionOverview["events"][number];

const DOT: Record<TEvent["kind"], string> = {
  start: "bg-emerald-500",
  first_invoice: "bg-zinc-400",
  invoice: "bg-zinc-300",
  dissolution_window: "bg-amber-500",
  provider_cancellation_window: "bg-violet-500",
  ordinary_notice_deadline: "bg-orange-500",
  term_end: "bg-zinc-900",
  renewal: "bg-brand-500",
  termination: "bg-red-600",
};

/** The computed schedule as a vertical timeline, with a "today" marker (provider console). */
export async function ScheduleTimeline({ events, day }: { events: TEvent[]; day: string }) {
  const t = await getTranslations("contract.events");
  const locale = await getLocale();
  const f = (iso: string) => formatDay(iso, locale);
  const dateOf = (e: TEvent) => ("window" in e ? e.window.opens : e.date);
  const items: ({ today: true } | { today: false; event: TEvent })[] = [];
  let placed = false;
  for (const event of events) {
    if (!placed && dateOf(event) > day) {
      items.push({ today: true });
      placed = true;
    }
    items.push({ today: false, event });
  }
  if (!placed) items.push({ today: true });

  return (
    <ol className="relative space-y-0.5 border-l border-zinc-200 pl-5" data-testid="schedule-timeline">
      {items.map((item, i) => {
        if (item.today) {
          return (
            <li key={`today-${i}`} className="relative py-1">
              <span className="absolute top-2.5 -left-[25px] size-2.5 rounded-full bg-brand-600 ring-4 ring-brand-100" />
              <span className="text-[12px] font-semibold tracking-wide text-brand-700 uppercase">
                {t("today", { date: f(day) })}
              </span>
            </li>
          );
        }
        const e = item.event;
        const term =
          "term" in e
            ? e.term.kind === "initial"
              ? t("initialTerm")
              : t("renewalTerm", { n: e.term.renewalNumber })
            : "";
        const when = "window" in e ? `${f(e.window.opens)} – ${f(e.window.closes)}` : f(e.date);
        return (
          <li key={`${e.kind}-${dateOf(e)}-${i}`} className="relative flex items-baseline gap-3 py-1.5 text-[13px]">
            <span className={`absolute top-3 -left-[24px] size-2 rounded-full ${DOT[e.kind]}`} />
            <span className="w-52 shrink-0 text-zinc-500 tabular-nums">{when}</span>
            <span className="text-zinc-900">
              {t(`kinds.${e.kind}`)}
              {term ? <span className="text-zinc-500"> · {term}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
