import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listCustomers } from "@forecourt/core/provider/list-customers";
import { AuditLog } from "@/components/accounts/audit-log";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function ProviderAuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { actor } = await requireActor("provider.console");
  const tp = await getTranslations("provider");
  return (
    <>
      <PageHeader title={tp("title")} />
      <ProviderTabs current="/provider/audit" />
      <div className="mx-auto w-full max-w-6xl px-6 py-6">
        <AuditLog actor={actor} params={await searchParams} provider customers={await listCustomers({ actor })} />
      </div>
    </>
  );
}
