import { principalFromSession } from "@forecourt/core/principal";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HardDrive } from "lucide-react";
import { listOrphanSweeps } from "@forecourt/core/storage/list-orphan-sweeps";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/server/session";
import { RunJobNowButton } from "@/components/run-job-now-button";
import { runOrphanSweepNowAction } from "@/server/actions/storage";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orphanSweeps"))("title") };
}

const STATE_STYLE: Record<string, string> = {
  completed: "text-emerald-700",
  failed: "text-red-700",
  running: "text-amber-700",
};

/**
 * Provider console → Deletions → Orphan sweeps: each run of the sweep that deletes attachment
 * files no row references (docs/retention.md). Counts, bytes and storage keys (uuids) only.
 */
export default async function OrphanSweepsPage() {
  const session = await requirePermission("provider.queues.view");
  const t = await getTranslations("orphanSweeps");
  const format = await getFormatter();
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) : "—";
  const bytes = (n: number) => format.number(n, { style: "unit", unit: "byte", unitDisplay: "narrow" });
  const rows = await listOrphanSweeps({ actor: principalFromSession(session) });
  return (
    <>
      <PageHeader title={t("title")}>
        <Link href="/provider/deletions" className="text-[13px] text-zinc-600 hover:underline">
          {t("back")}
        </Link>
        <RunJobNowButton action={runOrphanSweepNowAction} messages="orphanSweeps" />
      </PageHeader>
      <div className="px-6 py-6">
        <p className="mb-4 max-w-3xl text-[13px] text-zinc-500">{t("body")}</p>
        {rows.length === 0 ? (
          <EmptyState icon={HardDrive} title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <div className="overflow-x-auto rounded-xl border border-zinc-200">
            <table className="w-full text-left text-[13px]" data-testid="orphan-sweeps">
              <thead className="border-b border-zinc-200 text-xs text-zinc-500">
                <tr>
                  <th className="px-4 py-2 font-medium">{t("started")}</th>
                  <th className="px-4 py-2 font-medium">{t("trigger")}</th>
                  <th className="px-4 py-2 font-medium">{t("state")}</th>
                  <th className="px-4 py-2 text-right font-medium">{t("scanned")}</th>
                  <th className="px-4 py-2 text-right font-medium">{t("referenced")}</th>
                  <th className="px-4 py-2 text-right font-medium">{t("tooNew")}</th>
                  <th className="px-4 py-2 text-right font-medium">{t("removed")}</th>
                  <th className="px-4 py-2 text-right font-medium">{t("bytes")}</th>
                  <th className="px-4 py-2 font-medium">{t("details")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="px-4 py-2.5 whitespace-nowrap text-zinc-600">{when(row.startedAt)}</td>
                    <td className="px-4 py-2.5">{t(`triggers.${row.trigger === "manual" ? "manual" : "schedule"}`)}</td>
                    <td className={`px-4 py-2.5 ${STATE_STYLE[row.state] ?? "text-zinc-600"}`}>
                      {t.has(`states.${row.state}`) ? t(`states.${row.state}`) : row.state}
                      {row.error ? <span className="block text-xs text-red-700">{row.error}</span> : null}
                    </td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{format.number(row.filesScanned)}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{format.number(row.filesReferenced)}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{format.number(row.filesTooNew)}</td>
                    <td className="px-4 py-2.5 text-right font-medium tabular-nums">
                      {format.number(row.filesRemoved)}
                    </td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{bytes(row.bytesRemoved)}</td>
                    <td className="px-4 py-2.5 text-xs text-zinc-600">
                      <div>{t("grace", { hours: row.graceHours })}</div>
                      {row.foldersRemoved > 0 ? <div>{t("folders", { count: row.foldersRemoved })}</div> : null}
                      {row.entriesSkipped > 0 ? <div>{t("skipped", { count: row.entriesSkipped })}</div> : null}
                      {row.removedKeys.length > 0 ? (
                        <details>
                          <summary className="cursor-pointer">{t("perTenant")}</summary>
                          <ul className="mt-1 space-y-0.5 font-mono">
                            {Object.entries(row.removedByTenant).map(([customerId, v]) => (
                              <li key={customerId}>
                                {customerId}: {format.number(v.files)} · {bytes(v.bytes)}
                              </li>
                            ))}
                          </ul>
                          <p className="mt-1 text-zinc-500">{t("keys")}</p>
                          <ul className="max-h-40 overflow-y-auto font-mono">
                            {row.removedKeys.map((key) => (
                              <li key={key}>{key}</li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
