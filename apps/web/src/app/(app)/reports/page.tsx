import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BarChart3 } from "lucide-react";
import { getDailyStats, type TStatTotals } from "@forecourt/core/reports/get-daily-stats";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission, tenantPrincipalOf } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

const RANGES = [3, 12, 24, 36] as const;

function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60 ? `${seconds % 60} s` : ""}`.trim();
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ months?: string }> }) {
  const session = await requirePermission("reports.view");
  const t = await getTranslations("reportStats");
  const tr = await getTranslations("reports");
  const tc = await getTranslations("channelTypes");
  const format = await getFormatter();
  const actor = tenantPrincipalOf(session);
  const { months: rawMonths } = await searchParams;
  const months = RANGES.find((r) => String(r) === rawMonths) ?? 12;
  const report = actor
    ? await getDailyStats({
        actor,
        dealerIds: session.active?.dealers.map((d) => d.id) ?? [],
        months,
        now: new Date(),
      })
    : null;

  const header = (
    <PageHeader title={tr("title")}>
      <nav className="flex items-center gap-1" aria-label={t("range")}>
        {RANGES.map((r) => (
          <Link
            key={r}
            href={`/reports?months=${r}`}
            aria-current={r === months ? "page" : undefined}
            className="rounded-md px-2.5 py-1 text-[13px] text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white"
          >
            {t("lastMonths", { months: r })}
          </Link>
        ))}
      </nav>
    </PageHeader>
  );
  if (!report || !report.total) {
    return (
      <>
        {header}
        <EmptyState icon={BarChart3} title={tr("emptyTitle")} body={tr("emptyBody")} />
      </>
    );
  }

  const columns: { key: keyof TStatTotals; label: string; kind: "n" | "d" }[] = [
    { key: "conversationsStarted", label: t("started"), kind: "n" },
    { key: "conversationsClosed", label: t("closed"), kind: "n" },
    { key: "messagesIn", label: t("messagesIn"), kind: "n" },
    { key: "messagesOut", label: t("messagesOut"), kind: "n" },
    { key: "avgFirstResponseSeconds", label: t("firstResponse"), kind: "d" },
    { key: "avgResolutionSeconds", label: t("resolution"), kind: "d" },
  ];
  const cell = (row: TStatTotals, c: (typeof columns)[number]) =>
    c.kind === "n" ? format.number(row[c.key] ?? 0) : duration(row[c.key]);
  const table = (title: string, rows: (TStatTotals & { label: string })[], testId: string) => (
    <section className="rounded-xl border border-zinc-200">
      <h2 className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold">{title}</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-[13px]" data-testid={testId}>
          <thead className="border-b border-zinc-200 text-xs text-zinc-500">
            <tr>
              <th className="px-5 py-2 font-medium" />
              {columns.map((c) => (
                <th key={c.key} className="px-3 py-2 text-right font-medium">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="px-5 py-2 text-left font-medium whitespace-nowrap">
                  {row.label}
                </th>
                {columns.map((c) => (
                  <td key={c.key} className="px-3 py-2 text-right tabular-nums">
                    {cell(row, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
  const monthLabel = (month: string) =>
    format.dateTime(new Date(`${month}-01T00:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });

  return (
    <>
      {header}
      <div className="mx-auto w-full max-w-5xl space-y-6 px-6 py-8">
        <p className="text-[13px] text-zinc-500" data-testid="report-range">
          {t("rangeBody", {
            from: format.dateTime(new Date(`${report.from}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
            to: format.dateTime(new Date(`${report.to}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
          })}{" "}
          {t("anonymised")}
        </p>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          {columns.map((c) => (
            <div key={c.key} className="rounded-xl border border-zinc-200 px-4 py-3">
              <dt className="text-xs text-zinc-500">{c.label}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{cell(report.total!, c)}</dd>
            </div>
          ))}
        </dl>
        {table(
          t("byMonth"),
          report.byMonth.map((r) => ({ ...r, label: monthLabel(r.month) })),
          "stats-by-month",
        )}
        {table(
          t("byChannel"),
          report.byChannel.map((r) => ({
            ...r,
            label: tc.has(r.channelType) ? tc(r.channelType) : r.channelType,
          })),
          "stats-by-channel",
        )}
        {report.byDealer.length > 1
          ? table(
              t("byDealer"),
              report.byDealer.map((r) => ({ ...r, label: r.dealerName ?? t("formerDealer") })),
              "stats-by-dealer",
            )
          : null}
      </div>
    </>
  );
}
