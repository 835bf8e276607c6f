"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, Check, Copy } from "lucide-react";

/** A form-level outcome line: the refusal (alert) or a success (status). */
export function Outcome({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="flex items-center gap-1.5 text-xs text-red-700" data-testid="form-error">
        <AlertCircle className="size-3.5 shrink-0" aria-hidden="true" />
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="flex items-center gap-1.5 text-xs text-emerald-700" data-testid="form-success">
        <Check className="size-3.5 shrink-0" aria-hidden="true" />
        {success}
      </p>
    );
  }
  return null;
}

/** A value to paste elsewhere (callback URL, verify token): monospace, selectable, with a copy button. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslations("channels");
  const [copied, setCopied] = useState(false);
  const id = `${testId}-value`;
  return (
    <div className="min-w-0 space-y-1">
      <div id={`${id}-label`} className="text-xs font-medium text-zinc-600">
        {label}
      </div>
      <div className="flex items-stretch gap-2">
        <code
          id={id}
          aria-labelledby={`${id}-label`}
          className="min-w-0 flex-1 rounded-lg border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 font-mono text-[12px] leading-5 break-all text-zinc-800 select-all"
          data-testid={testId}
        >
          {value}
        </code>
        <button
          type="button"
          onClick={() => {
            navigator.clipboard.writeText(value).then(
              () => {
                setCopied(true);
                setTimeout(() => setCopied(false), 2000);
              },
              // No clipboard (an insecure origin, or permission refused): the value stays selectable.
              () => setCopied(false),
            );
          }}
          className="inline-flex shrink-0 items-center gap-1 rounded-lg border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-700 shadow-xs hover:bg-zinc-50"
          aria-label={t("copyLabel", { what: label })}
          data-testid={`${testId}-copy`}
        >
          {copied ? (
            <Check className="size-3.5 text-emerald-600" aria-hidden="true" />
          ) : (
            <Copy className="size-3.5" aria-hidden="true" />
          )}
          <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
        </button>
      </div>
    </div>
  );
}

export const buttonClass = {
  primary:
    "inline-flex items-center justify-center gap-1.5 rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white shadow-xs transition hover:bg-zinc-700 disabled:opacity-60",
  secondary:
    "inline-flex items-center justify-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 shadow-xs transition hover:bg-zinc-50 disabled:opacity-60",
  ghost:
    "inline-flex items-center justify-center gap-1.5 rounded-lg px-2 py-1 text-[13px] font-medium text-zinc-600 transition hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-60",
  danger:
    "inline-flex items-center justify-center gap-1.5 rounded-lg bg-red-700 px-3 py-1.5 text-[13px] font-medium text-white shadow-xs transition hover:bg-red-600 disabled:opacity-60",
} as const;
