import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/accounts/audit-log";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function TenantAuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { session, actor } = await requireActor("audit.view");
  const t = await getTranslations("audit");
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/audit" />
      <div className="mx-auto w-full max-w-6xl px-6 py-6">
        <AuditLog actor={actor} params={await searchParams} provider={false} />
      </div>
    </>
  );
}
