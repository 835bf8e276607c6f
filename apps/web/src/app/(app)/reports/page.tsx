import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BarChart3 } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage() {
  await requirePermission("reports.view");
  const t = await getTranslations("reports");
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState icon={BarChart3} title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
