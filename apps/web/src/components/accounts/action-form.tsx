"use client";

import { createContext, useActionState, useContext, useEffect, useRef, useTransition, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { AlertCircle, Check, Loader2 } from "lucide-react";
import type { TActionState } from "@/server/action-helpers";
import { FieldIssues } from "@/components/forms/field";

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;

/** ActionForm submits from onSubmit (so a refusal keeps what was typed): its pending state reaches SubmitButton here. */
const ActionPending = createContext(false);
const NO_ISSUES: never[] = [];

export function SubmitButton({
  children,
  variant = "primary",
  testId,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  const status = useFormStatus();
  const inActionForm = useContext(ActionPending);
  const pending = status.pending || inActionForm;
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
  testId,
}: {
  action: TAction;
  children: ReactNode;
  className?: string;
  success?: string;
  testId?: string;
}) {
  const t = useTranslations("accounts");
  const [state, formAction] = useActionState(action, { ok: null } as TActionState);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  // A form action resets the form when it finishes, refused or not, so a refusal would lose what
  // was typed. Submitting from onSubmit keeps it; after a success the form resets as before.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  // A refusal in words, with what the server said about the first field it refused.
  const issue = state.ok === false ? state.issues?.[0] : undefined;
  const errorText =
    state.ok === false
      ? `${t.has(`errors.${state.error}`) ? t(`errors.${state.error}`) : t("errors.generic")}${issue ? ` (${issue.message})` : ""}`
      : null;
  return (
    <form
      ref={form}
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={className}
      data-testid={testId}
    >
      <ActionPending.Provider value={pending}>
        <FieldIssues.Provider value={state.ok === false ? (state.issues ?? []) : NO_ISSUES}>
          {children}
        </FieldIssues.Provider>
      </ActionPending.Provider>
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
