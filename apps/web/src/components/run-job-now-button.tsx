"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Play } from "lucide-react";

/** What a "run … now" action answers: queued with the job's id, or refused. */
export type TRunJobNowState = { status: "idle" } | { status: "queued"; jobId: string } | { status: "forbidden" };

/**
 * A provider-console button that queues a job now (the lifecycle run, the orphan sweep) and
 * says what happened. `messages`: the namespace with `runNow`, `queued` ({id}) and `forbidden`.
 */
export function RunJobNowButton({
  action: run,
  messages,
}: {
  action: (previous: TRunJobNowState) => Promise<TRunJobNowState>;
  messages: string;
}) {
  const t = useTranslations(messages);
  const [state, action, pending] = useActionState<TRunJobNowState>(run, { status: "idle" });
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
