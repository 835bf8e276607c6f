import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShieldOff } from "lucide-react";
import { EmptyState } from "@/components/empty-state";

export default async function ForbiddenPage() {
  const t = await getTranslations("errors");
  return (
    <EmptyState
      icon={ShieldOff}
      title={t("forbiddenTitle")}
      body={t("forbiddenBody")}
      action={
        <Link href="/" className="text-[13px] font-medium text-brand-600 hover:underline">
          {t("backToInbox")}
        </Link>
      }
    />
  );
}
