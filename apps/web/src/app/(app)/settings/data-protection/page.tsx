import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChevronLeft, FileCheck2, ShieldCheck } from "lucide-react";
import { getDataProtectionOverview } from "@forecourt/core/retention/get-data-protection-overview";
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from "@forecourt/core/retention/cutoff";
import { CertificateTable } from "@/components/data-protection/certificate-table";
import { EmptyState } from "@/components/empty-state";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requirePermission, tenantPrincipalOf } from "@/server/session";
import { RetentionForm } from "./retention-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataProtection"))("title") };
}

function monthsOf(value: unknown): number | null {
  return value && typeof value === "object" && "months" in value && typeof value.months === "number"
    ? value.months
    : null;
}

export default async function DataProtectionPage() {
  const session = await requirePermission("settings.data_protection.manage");
  const t = await getTranslations("dataProtection");
  const format = await getFormatter();
  const actor = tenantPrincipalOf(session);
  if (!actor) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState icon={ShieldCheck} title={t("noTenantTitle")} body={t("noTenantBody")} />
      </>
    );
  }
  const overview = await getDataProtectionOverview({ actor, now: new Date() });
  return (
    <>
      <PageHeader title={t("title")}>
        <Link href="/settings" className="flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-800">
          <ChevronLeft className="size-4" aria-hidden="true" />
          {t("backToSettings")}
        </Link>
      </PageHeader>
      <SettingsTabs session={session} current="/settings/data-protection" />
      <div className="mx-auto w-full max-w-4xl space-y-6 px-6 py-8">
        <section className="rounded-xl border border-zinc-200">
          <div className="border-b border-zinc-200 px-5 py-4">
            <h2 className="text-sm font-semibold">{t("retentionTitle")}</h2>
            <p className="mt-0.5 text-[13px] text-zinc-500">
              {t("retentionBody", { months: overview.retentionMonths, default: overview.defaultMonths })}
            </p>
          </div>
          <div className="px-5 py-4">
            <RetentionForm current={overview.retentionMonths} min={RETENTION_MONTHS_MIN} max={RETENTION_MONTHS_MAX} />
            <p className="mt-2 text-[13px] text-zinc-600" data-testid="current-cutoff">
              {t("currentCutoff", {
                date: format.dateTime(overview.currentCutoff, { dateStyle: "long", timeZone: "UTC" }),
              })}
            </p>
          </div>
        </section>

        <section className="rounded-xl border border-zinc-200">
          <div className="border-b border-zinc-200 px-5 py-4">
            <h2 className="text-sm font-semibold">{t("instructionsTitle")}</h2>
            <p className="mt-0.5 text-[13px] text-zinc-500">{t("instructionsBody")}</p>
          </div>
          {overview.instructions.length === 0 ? (
            <p className="px-5 py-6 text-center text-[13px] text-zinc-500">{t("instructionsEmpty")}</p>
          ) : (
            <table className="w-full text-left text-[13px]" data-testid="instructions">
              <thead className="border-b border-zinc-200 text-xs text-zinc-500">
                <tr>
                  <th className="px-5 py-2 font-medium">{t("when")}</th>
                  <th className="px-5 py-2 font-medium">{t("who")}</th>
                  <th className="px-5 py-2 font-medium">{t("change")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {overview.instructions.map((i) => (
                  <tr key={i.id}>
                    <td className="px-5 py-2.5 whitespace-nowrap text-zinc-600">
                      {format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </td>
                    <td className="px-5 py-2.5">
                      {i.createdBy ? (
                        <>
                          <span className="font-medium">{i.createdBy.name}</span>{" "}
                          <span className="text-zinc-500">{i.createdBy.email}</span>
                        </>
                      ) : (
                        <span className="text-zinc-500">{t("formerUser")}</span>
                      )}
                    </td>
                    <td className="px-5 py-2.5">
                      {i.kind === "retention.period"
                        ? t("retentionChange", {
                            old: monthsOf(i.oldValue) ?? overview.defaultMonths,
                            new: monthsOf(i.newValue) ?? 0,
                          })
                        : i.kind}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="rounded-xl border border-zinc-200">
          <div className="border-b border-zinc-200 px-5 py-4">
            <h2 className="text-sm font-semibold">{t("certificatesTitle")}</h2>
            <p className="mt-0.5 text-[13px] text-zinc-500">{t("certificatesBody")}</p>
          </div>
          {overview.certificates.length === 0 ? (
            <EmptyState icon={FileCheck2} title={t("certificatesEmptyTitle")} body={t("certificatesEmptyBody")} />
          ) : (
            <CertificateTable rows={overview.certificates} />
          )}
        </section>
      </div>
    </>
  );
}
