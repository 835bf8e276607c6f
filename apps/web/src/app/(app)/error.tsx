"use client";

import { useTranslations } from "next-intl";
import { TriangleAlert } from "lucide-react";
import { EmptyState } from "@/components/empty-state";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <EmptyState
      icon={TriangleAlert}
      title={t("title")}
      body={t("body")}
      action={
        <button
          type="button"
          onClick={reset}
          className="rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-zinc-700"
        >
          {t("retry")}
        </button>
      }
    />
  );
}
