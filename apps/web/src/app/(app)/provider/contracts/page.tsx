import { principalFromSession } from "@forecourt/core/principal";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FileText } from "lucide-react";
import { calendarDay } from "@forecourt/core/contract/dates";
import { listCustomerContracts } from "@forecourt/core/contract/list-customer-contracts";
import { formatDay } from "@/components/contract/format";
import { StageBadge } from "@/components/contract/stage-badge";
import { EmptyState } from "@/components/empty-state";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requirePermission, sessionCan } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contract"))("contractsTitle") };
}

/** Provider console: every customer's contract stage, upcoming terminations and deletions. */
export default async function ProviderContractsPage() {
  const session = await requirePermission("provider.console");
  const t = await getTranslations("contract");
  const locale = await getLocale();
  const day = calendarDay(new Date());
  const rows = await listCustomerContracts({
    actor: principalFromSession(session),
    day,
  });
  const f = (iso: string | null) => (iso ? formatDay(iso, locale) : "—");
  return (
    <>
      <PageHeader title={t("contractsTitle")}>
        {sessionCan(session, "provider.queues.view") ? (
          <Link href="/provider/queues" className="text-[13px] text-zinc-500 hover:text-zinc-900">
            {t("queues.link")}
          </Link>
        ) : null}
      </PageHeader>
      <ProviderTabs current="/provider/contracts" />
      {rows.length === 0 ? (
        <EmptyState icon={FileText} title={t("contractsEmptyTitle")} body={t("contractsEmptyBody")} />
      ) : (
        <div className="px-6 py-6">
          <table className="w-full text-left text-[13px]" data-testid="contracts-table">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500">
              <tr>
                <th className="py-2 pr-4 font-medium">{t("columns.customer")}</th>
                <th className="py-2 pr-4 font-medium">{t("columns.stage")}</th>
                <th className="py-2 pr-4 font-medium">{t("columns.subscriptions")}</th>
                <th className="py-2 pr-4 font-medium">{t("columns.nextTermination")}</th>
                <th className="py-2 pr-4 font-medium">{t("columns.readOnlyUntil")}</th>
                <th className="py-2 pr-4 font-medium">{t("columns.deletionDate")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((row) => (
                <tr key={row.id} className="hover:bg-zinc-50">
                  <td className="py-2.5 pr-4">
                    <Link
                      href={`/provider/customers/${row.id}/subscription`}
                      className="font-medium text-zinc-900 hover:underline"
                    >
                      {row.name}
                    </Link>
                    <span className="ml-2 text-zinc-500">{t(`kinds.${row.kind}`)}</span>
                  </td>
                  <td className="py-2.5 pr-4">
                    <StageBadge stage={row.stage} />
                  </td>
                  <td className="py-2.5 pr-4 tabular-nums">{row.subscriptions}</td>
                  <td className="py-2.5 pr-4 tabular-nums">{f(row.nextTermination)}</td>
                  <td className="py-2.5 pr-4 tabular-nums">{f(row.readOnlyUntil)}</td>
                  <td className="py-2.5 pr-4 tabular-nums">{f(row.deletionDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
