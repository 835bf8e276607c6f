import type { ReactNode } from "react";
import type { TActionState } from "@/server/action-helpers";

/** The refusal of an action result (core's vocabulary: message and input issues), or null. */
export function failureOf(result: TActionState) {
  return result.ok === false ? { message: result.message, issues: result.issues } : null;
}

export const button = {
  primary:
    "inline-flex items-center justify-center gap-1.5 rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white shadow-xs transition hover:bg-zinc-700 disabled:opacity-60",
  secondary:
    "inline-flex items-center justify-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-[12px] font-medium text-zinc-800 shadow-xs transition hover:bg-zinc-50 disabled:opacity-60",
  danger:
    "inline-flex items-center justify-center gap-1.5 rounded-lg border border-red-200 bg-white px-2.5 py-1.5 text-[12px] font-medium text-red-700 shadow-xs transition hover:bg-red-50 disabled:opacity-60",
};

const TONES = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  zinc: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  blue: "bg-sky-50 text-sky-700 ring-sky-200",
} as const;

export function Badge({ tone, children, testId }: { tone: keyof typeof TONES; children: ReactNode; testId?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${TONES[tone]}`}
      data-testid={testId}
    >
      {children}
    </span>
  );
}
