"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { AlertCircle, Check, Loader2 } from "lucide-react";
import type { TActionState } from "@/server/action-helpers";

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;

export function SubmitButton({
  children,
  variant = "primary",
  testId,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  const { pending } = useFormStatus();
  const styles = {
    primary: "bg-zinc-900 text-white hover:bg-zinc-700",
    secondary: "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50",
    danger: "bg-red-600 text-white hover:bg-red-700",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      data-testid={testId}
      className={`inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-[13px] font-medium shadow-xs transition disabled:opacity-60 ${styles}`}
    >
      {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

/**
 * A form bound to a server action that returns a handler result: shows the outcome inline
 * (success text, or the error code translated from accounts.errors.*).
 */
export function ActionForm({
  action,
  children,
  className,
  success,
  resetOnSuccess = false,
  testId,
}: {
  action: TAction;
  children: ReactNode;
  className?: string;
  success?: string;
  resetOnSuccess?: boolean;
  testId?: string;
}) {
  const t = useTranslations("accounts");
  const [state, formAction] = useActionState(action, { ok: null } as TActionState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) form.current?.reset();
  }, [state, resetOnSuccess]);
  const errorText =
    state.ok === false ? (t.has(`errors.${state.error}`) ? t(`errors.${state.error}`) : t("errors.generic")) : null;
  return (
    <form ref={form} action={formAction} className={className} data-testid={testId}>
      {children}
      {errorText ? (
        <p role="alert" className="mt-2 flex items-center gap-1.5 text-xs text-red-700" data-testid="form-error">
          <AlertCircle className="size-3.5 shrink-0" aria-hidden="true" />
          {errorText}
        </p>
      ) : null}
      {state.ok && success ? (
        <p role="status" className="mt-2 flex items-center gap-1.5 text-xs text-emerald-700" data-testid="form-success">
          <Check className="size-3.5 shrink-0" aria-hidden="true" />
          {success}
        </p>
      ) : null}
    </form>
  );
}
