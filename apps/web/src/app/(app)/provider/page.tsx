import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Building2 } from "lucide-react";
import { countCustomers } from "@forecourt/core";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

export default async function ProviderConsolePage() {
  const session = await requirePermission("provider.console");
  const t = await getTranslations("provider");
  const count = await countCustomers({ actor: { userId: session.user.id, providerRole: session.user.providerRole } });
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState icon={Building2} title={t("emptyTitle")} body={t("emptyBody", { count })} />
    </>
  );
}
