"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Trash2 } from "lucide-react";
import { eraseContactAction, type TEraseState } from "./actions";

export function EraseForm({ contactId }: { contactId: string }) {
  const t = useTranslations("dsr");
  const [state, action, pending] = useActionState<TEraseState, FormData>(eraseContactAction, { status: "idle" });
  return (
    <form action={action} className="space-y-3" data-testid="erase-form">
      <input type="hidden" name="contactId" value={contactId} />
      <label className="flex items-start gap-2 text-[13px] text-zinc-700">
        <input type="checkbox" name="confirm" className="mt-0.5 size-4 rounded border-zinc-300" />
        <span>{t("eraseConfirm")}</span>
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="flex items-center gap-1.5 rounded-lg bg-red-600 px-3 py-1.5 text-[13px] font-medium text-white transition hover:bg-red-700 disabled:opacity-60"
        >
          <Trash2 className="size-3.5" aria-hidden="true" />
          {pending ? t("erasing") : t("erase")}
        </button>
        <span aria-live="polite" className="text-xs text-red-700">
          {state.status === "confirm" ? t("eraseNeedsConfirm") : null}
          {state.status === "forbidden" ? t("forbidden") : null}
          {state.status === "missing" ? t("missing") : null}
          {state.status === "outside_scope" ? t("outsideScope") : null}
        </span>
      </div>
    </form>
  );
}
