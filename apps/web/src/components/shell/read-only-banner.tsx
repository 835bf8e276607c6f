import { getLocale, getTranslations } from "next-intl/server";
import { Lock } from "lucide-react";
import { formatDay } from "@/components/contract/format";

/**
 * Shown on every page while the active customer is terminated and in its read-only period
 * (L 5.2): owners and admins can read and export until the given day; nothing can be changed.
 */
export async function ReadOnlyBanner({ until }: { until: string }) {
  const t = await getTranslations("readOnly");
  const locale = await getLocale();
  return (
    <div
      role="status"
      data-testid="read-only-banner"
      className="flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-6 py-2 text-[13px] text-amber-900"
    >
      <Lock className="size-3.5 shrink-0" aria-hidden="true" />
      <span>{t("banner", { date: formatDay(until, locale) })}</span>
    </div>
  );
}
