import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SearchX } from "lucide-react";
import { EmptyState } from "@/components/empty-state";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-screen">
      <EmptyState
        icon={SearchX}
        title={t("notFoundTitle")}
        body={t("notFoundBody")}
        action={
          <Link href="/" className="text-[13px] font-medium text-brand-600 hover:underline">
            {t("backToInbox")}
          </Link>
        }
      />
    </main>
  );
}
