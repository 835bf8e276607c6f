import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Inbox } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage() {
  await requirePermission("inbox.view");
  const t = await getTranslations("inbox");
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState icon={Inbox} title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
