"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Check, Copy, Download, KeyRound } from "lucide-react";
import { SubmitButton } from "@/components/accounts/action-form";
import type { TActionState } from "@/server/action-helpers";
import { regenerateRecoveryCodesAction } from "@/server/actions/two-factor";
import { Field } from "@/components/forms/field";

/** A set of recovery codes, shown once: copy, download, and "I have saved them". */
export function RecoveryCodeList({ codes, onDone }: { codes: string[]; onDone?: () => void }) {
  const t = useTranslations("twoFactor");
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");
  const download = () => {
    const url = URL.createObjectURL(new Blob([`Forecourt recovery codes\n\n${text}\n`], { type: "text/plain" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: "forecourt-recovery-codes.txt" });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="space-y-3 px-5 py-4" data-testid="recovery-codes">
      <p
        role="status"
        className="flex gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900"
      >
        <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        {t("recoveryShownOnce")}
      </p>
      <ol className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3 font-mono text-[13px] sm:grid-cols-5 sm:gap-x-4">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
          className="inline-flex items-center gap-1.5 rounded-md border border-zinc-200 px-2.5 py-1.5 text-[13px] hover:bg-zinc-50"
        >
          {copied ? (
            <Check className="size-3.5" aria-hidden="true" />
          ) : (
            <Copy className="size-3.5" aria-hidden="true" />
          )}
          {copied ? t("recoveryCopied") : t("recoveryCopy")}
        </button>
        <button
          type="button"
          onClick={download}
          className="inline-flex items-center gap-1.5 rounded-md border border-zinc-200 px-2.5 py-1.5 text-[13px] hover:bg-zinc-50"
        >
          <Download className="size-3.5" aria-hidden="true" /> {t("recoveryDownload")}
        </button>
        {onDone ? (
          <button
            type="button"
            onClick={onDone}
            data-testid="recovery-codes-saved"
            className="ml-auto rounded-md bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-zinc-800"
          >
            {t("recoverySaved")}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** Enrolled: how many codes are left, and a new set with a current authenticator code. */
export function RecoveryCodesPanel({ left }: { left: number }) {
  const t = useTranslations("twoFactor");
  const [state, regenerate] = useActionState(regenerateRecoveryCodesAction, { ok: null } as TActionState);
  if (state.ok) return <RecoveryCodeList codes={(state.data as { recoveryCodes: string[] }).recoveryCodes} />;
  return (
    <div className="space-y-3 px-5 py-4">
      <p className={`text-[13px] ${left === 0 ? "text-red-700" : "text-zinc-600"}`} data-testid="recovery-codes-left">
        {t("recoveryLeft", { count: left })}
      </p>
      <form action={regenerate} className="space-y-1.5">
        <Field id="regenerate-code" label={t("code")}>
          {(control) => (
            <div className="flex gap-2">
              <input
                {...control}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                className={`${control.className} w-32 font-mono tracking-[0.3em]`}
              />
              <SubmitButton testId="regenerate-recovery-codes">{t("recoveryRegenerate")}</SubmitButton>
            </div>
          )}
        </Field>
        <p className="text-xs text-zinc-500">{t("recoveryRegenerateHelp")}</p>
        {state.ok === false ? (
          <p role="alert" className="text-xs text-red-700">
            {t("wrongCode")}
          </p>
        ) : null}
      </form>
    </div>
  );
}
