"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Play } from "lucide-react";
import { runOrphanSweepNowAction, type TRunSweepState } from "@/server/actions/storage";

export function RunSweepButton() {
  const t = useTranslations("orphanSweeps");
  const [state, action, pending] = useActionState<TRunSweepState>(runOrphanSweepNowAction, { status: "idle" });
  return (
    <form action={action} className="flex items-center gap-3">
      {state.status === "queued" ? (
        <span role="status" className="text-xs text-emerald-700">
          {t("queued", { id: state.jobId })}
        </span>
      ) : null}
      {state.status === "forbidden" ? (
        <span role="alert" className="text-xs text-red-700">
          {t("forbidden")}
        </span>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium shadow-xs hover:bg-zinc-50 disabled:opacity-60"
      >
        <Play className="size-3.5" aria-hidden="true" />
        {t("runNow")}
      </button>
    </form>
  );
}
