import { principalFromSession } from "@forecourt/core/principal";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getQueueOverview } from "@forecourt/core/contract/get-lifecycle-queue";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requirePermission, sessionCan } from "@/server/session";
import { RunJobNowButton } from "@/components/run-job-now-button";
import { runLifecycleNowAction } from "@/server/actions/contract";
import { intlLocale } from "@/i18n/locales";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contract.queues"))("title") };
}

const STATE_STYLE: Record<string, string> = {
  completed: "text-emerald-700",
  failed: "text-red-700",
  active: "text-brand-700",
  waiting: "text-zinc-600",
  delayed: "text-zinc-500",
};

/**
 * Provider console: a read-only view of the BullMQ queues (counts, job schedulers, recent jobs)
 * from BullMQ's Queue API, so no second web server or token is needed. See docs/contract-lifecycle.md.
 */
/**
 * A job's payload or result for people: "customerId 6f1c…, day 2026-12-01" instead of raw JSON
 * ("{}" reads as nothing: a dash). The full JSON stays in the cell's tooltip.
 */
function inWords(value: unknown, empty = "—"): string {
  if (value === null || value === undefined) return empty;
  if (typeof value !== "object") return String(value);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return empty;
  const short = (v: unknown) =>
    typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v)
      ? `${v.slice(0, 8)}…`
      : typeof v === "object"
        ? JSON.stringify(v)
        : String(v);
  return entries.map(([k, v]) => `${k} ${short(v)}`).join(", ");
}

export default async function QueuesPage() {
  const session = await requirePermission("provider.queues.view");
  const t = await getTranslations("contract.queues");
  const locale = await getLocale();
  const time = (ms: number | null) =>
    ms
      ? new Intl.DateTimeFormat(intlLocale(locale), {
          dateStyle: "medium",
          timeStyle: "medium",
        }).format(new Date(ms))
      : "—";
  let queues: Awaited<ReturnType<typeof getQueueOverview>> = [];
  let unavailable = false;
  try {
    queues = await getQueueOverview({ actor: principalFromSession(session) });
  } catch {
    unavailable = true;
  }
  return (
    <>
      <PageHeader title={t("title")}>
        {sessionCan(session, "provider.subscriptions.manage") ? (
          <RunJobNowButton action={runLifecycleNowAction} messages="contract.queues" />
        ) : null}
      </PageHeader>
      <ProviderTabs current="/provider/queues" />
      <div className="mx-auto w-full max-w-5xl space-y-6 px-6 py-8">
        {unavailable ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-[13px] text-red-800">
            {t("unavailable")}
          </p>
        ) : null}
        {queues.map((q) => (
          <section key={q.name} className="rounded-xl border border-zinc-200" data-testid={`queue-${q.name}`}>
            <header className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-zinc-200 px-5 py-3">
              <h2 className="text-sm font-semibold">{q.name}</h2>
              {Object.entries(q.counts).map(([state, count]) => (
                <span key={state} className="text-[12px] text-zinc-500">
                  {t(`states.${state}`)} <span className="font-medium text-zinc-900 tabular-nums">{count}</span>
                </span>
              ))}
            </header>
            {q.schedulers.length > 0 ? (
              <ul className="border-b border-zinc-100 px-5 py-3 text-[13px]">
                {q.schedulers.map((s) => (
                  <li key={s.key} className="flex flex-wrap gap-x-4">
                    <span className="font-medium">{s.name}</span>
                    <span className="text-zinc-500">
                      {t("schedule", { pattern: s.pattern ?? "—", tz: s.tz ?? "UTC" })}
                    </span>
                    <span className="text-zinc-500">{t("next", { time: time(s.next) })}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {q.jobs.length === 0 ? (
              <p className="px-5 py-4 text-[13px] text-zinc-500">{t("noJobs")}</p>
            ) : (
              <table className="w-full text-left text-[13px]">
                <tbody className="divide-y divide-zinc-100">
                  {q.jobs.map((job) => (
                    <tr key={job.id}>
                      <td className="max-w-36 truncate py-2 pr-3 pl-5 font-mono text-xs text-zinc-500" title={job.id}>
                        {job.id?.startsWith("repeat:") ? t("scheduledRun") : job.id}
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">{job.name}</td>
                      <td className={`py-2 pr-3 whitespace-nowrap ${STATE_STYLE[job.state] ?? "text-zinc-600"}`}>
                        {t(`states.${job.state}`)}
                      </td>
                      <td
                        className="max-w-56 truncate py-2 pr-3 font-mono text-xs text-zinc-500"
                        title={JSON.stringify(job.data)}
                      >
                        {inWords(job.data)}
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap text-zinc-500">{time(job.createdAt)}</td>
                      <td
                        className="max-w-72 truncate py-2 pr-5 font-mono text-xs text-zinc-500"
                        title={job.failedReason ?? JSON.stringify(job.result)}
                      >
                        {job.failedReason ?? inWords(job.result, "")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
