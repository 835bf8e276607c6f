import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Users } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("title") };
}

export default async function ContactsPage() {
  await requirePermission("contacts.view");
  const t = await getTranslations("contacts");
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState icon={Users} title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
