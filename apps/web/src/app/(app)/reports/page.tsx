import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BarChart3 } from "lucide-react";
import { getDailyStats, ZReportRange, type TStatTotals } from "@forecourt/core/reports/get-daily-stats";
import { inputClass } from "@/components/accounts/styles";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission, tenantPrincipalOf } from "@/server/session";
import { Field } from "@/components/forms/field";

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

const LEAD_KINDS = ["TEST_DRIVE", "TRADE_IN", "SERVICE", "FINANCE"] as const;

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ months?: string; from?: string; to?: string }>;
}) {
  const session = await requirePermission("reports.view");
  const t = await getTranslations("reportStats");
  const tr = await getTranslations("reports");
  const tc = await getTranslations("channelTypes");
  const format = await getFormatter();
  const actor = tenantPrincipalOf(session);
  const { months: rawMonths, from: rawFrom, to: rawTo } = await searchParams;
  // Any range (from/to, inclusive) or one of the presets; a bad range is said at the field, the dates stay.
  const custom = rawFrom || rawTo ? ZReportRange.safeParse({ from: rawFrom ?? "", to: rawTo ?? "" }) : null;
  const rangeError = custom && !custom.success ? t("badRange") : null;
  const months = custom?.success ? undefined : (RANGES.find((r) => String(r) === rawMonths) ?? 12);
  const report = actor
    ? await getDailyStats({
        actor,
        dealerIds: session.active?.dealers.map((d) => d.id) ?? [],
        months,
        range: custom?.success ? custom.data : undefined,
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
            aria-current={r === months && !custom ? "page" : undefined}
            className="rounded-md px-2.5 py-1 text-[13px] text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white"
          >
            {t("lastMonths", { months: r })}
          </Link>
        ))}
      </nav>
    </PageHeader>
  );
  const rangeForm = (
    <form method="get" action="/reports" className="flex flex-wrap items-end gap-3" aria-label={t("customRange")}>
      <Field label={t("from")} className="space-y-1">
        <input
          id="report-from"
          name="from"
          type="date"
          defaultValue={rawFrom ?? report?.from ?? ""}
          required
          className={`${inputClass} w-44`}
        />
      </Field>
      <Field label={t("to")} className="space-y-1">
        <input
          id="report-to"
          name="to"
          type="date"
          defaultValue={rawTo ?? report?.to ?? ""}
          required
          aria-invalid={!!rangeError}
          aria-describedby={rangeError ? "report-range-error" : undefined}
          className={`${inputClass} w-44`}
        />
      </Field>
      <button
        type="submit"
        className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 hover:bg-zinc-50"
      >
        {t("show")}
      </button>
      {rangeError ? (
        <p id="report-range-error" role="alert" className="w-full text-xs text-red-700" data-testid="field-error">
          {rangeError}
        </p>
      ) : null}
    </form>
  );
  if (!report || !report.total) {
    return (
      <>
        {header}
        <div className="mx-auto w-full max-w-5xl px-6 pt-6">{rangeForm}</div>
        <EmptyState icon={BarChart3} title={tr("emptyTitle")} body={tr("emptyBody")} />
      </>
    );
  }

  const leadsOf = (row: TStatTotals) => LEAD_KINDS.reduce((n, k) => n + row.leads[k], 0);
  const columns: { key: "leadsTotal" | Exclude<keyof TStatTotals, "leads">; label: string; kind: "n" | "d" | "r" }[] = [
    { key: "conversationsStarted", label: t("started"), kind: "n" },
    { key: "conversationsClosed", label: t("closed"), kind: "n" },
    { key: "messagesIn", label: t("messagesIn"), kind: "n" },
    { key: "messagesOut", label: t("messagesOut"), kind: "n" },
    { key: "avgFirstResponseSeconds", label: t("firstResponse"), kind: "d" },
    { key: "avgResolutionSeconds", label: t("resolution"), kind: "d" },
    { key: "avgRating", label: t("csat"), kind: "r" },
    { key: "leadsTotal", label: t("leads"), kind: "n" },
  ];
  const cell = (row: TStatTotals, c: (typeof columns)[number]) => {
    if (c.key === "leadsTotal") return format.number(leadsOf(row));
    if (c.kind === "r")
      return row.avgRating === null
        ? "—"
        : `${format.number(row.avgRating, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ★ (${format.number(row.ratings)})`;
    const value = row[c.key] as number | null;
    return c.kind === "n" ? format.number(value ?? 0) : duration(value);
  };
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
        {rangeForm}
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
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
        {table(
          t("byDepartment"),
          report.byDepartment.map((r) => ({
            ...r,
            label: r.departmentId
              ? `${r.departmentName ?? t("formerDepartment")}${report.byDealer.length > 1 && r.dealerName ? ` · ${r.dealerName}` : ""}`
              : t("noDepartment"),
          })),
          "stats-by-department",
        )}
        {table(
          t("byAgent"),
          report.byAgent.map((r) => ({
            ...r,
            label: r.agentId ? (r.agentName ?? t("formerAgent")) : t("nobody"),
          })),
          "stats-by-agent",
        )}
        <section className="rounded-xl border border-zinc-200">
          <h2 className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold">{t("leadsByKind")}</h2>
          <dl className="grid grid-cols-2 gap-3 p-4 md:grid-cols-4" data-testid="leads-by-kind">
            {LEAD_KINDS.map((k) => (
              <div key={k}>
                <dt className="text-xs text-zinc-500">{t(`leadKind.${k}`)}</dt>
                <dd className="mt-1 text-lg font-semibold tabular-nums">{format.number(report.total!.leads[k])}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </>
  );
}
