import { principalFromSession } from "@forecourt/core/principal";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FileCheck2 } from "lucide-react";
import { listDeletionCertificates } from "@forecourt/core/retention/list-deletion-certificates";
import { CertificateTable } from "@/components/data-protection/certificate-table";
import { EmptyState } from "@/components/empty-state";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requirePermission, sessionCan } from "@/server/session";
import { redirect } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deletions"))("title") };
}

const KINDS = ["RETENTION", "CUSTOMER_DELETION", "DSR_ERASURE"] as const;

export default async function ProviderDeletionsPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const session = await requirePermission("provider.console");
  if (!sessionCan(session, "deletion_certificates.view")) redirect("/forbidden");
  const t = await getTranslations("deletions");
  const { kind: rawKind } = await searchParams;
  const kind = KINDS.find((k) => k === rawKind);
  const rows = await listDeletionCertificates({
    actor: principalFromSession(session),
    kind,
  });
  const tab = (value: string | undefined, label: string) => (
    <Link
      key={label}
      href={value ? `/provider/deletions?kind=${value}` : "/provider/deletions"}
      aria-current={kind === value ? "page" : undefined}
      className="rounded-md px-2.5 py-1 text-[13px] text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white"
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")}>
        <nav className="flex items-center gap-1" aria-label={t("filter")}>
          {tab(undefined, t("all"))}
          {KINDS.map((k) => tab(k, t(`kinds.${k}`)))}
        </nav>
        {sessionCan(session, "provider.queues.view") ? (
          <Link
            href="/provider/deletions/orphan-sweeps"
            className="rounded-md border border-zinc-300 px-2.5 py-1 text-[13px] text-zinc-700 hover:bg-zinc-50"
          >
            {t("orphanSweeps")}
          </Link>
        ) : null}
      </PageHeader>
      <ProviderTabs current="/provider/deletions" />
      <div className="px-6 py-6">
        <p className="mb-4 max-w-3xl text-[13px] text-zinc-500">{t("providerBody")}</p>
        {rows.length === 0 ? (
          <EmptyState icon={FileCheck2} title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <div className="rounded-xl border border-zinc-200">
            <CertificateTable rows={rows} showCustomer />
          </div>
        )}
      </div>
    </>
  );
}
