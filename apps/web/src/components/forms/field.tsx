"use client";

import {
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  useId,
  type ReactElement,
  type ReactNode,
} from "react";
import { AlertCircle } from "lucide-react";
import type { TInputIssue } from "@forecourt/core/errors";
import { inputClass, invalidInputClass, labelClass } from "@/components/accounts/styles";

const compactLabelClass = "block text-[11px] text-zinc-500";

/**
 * The input issues of the last refusal of the form around a Field (ActionForm provides them), so
 * a Field named like the schema's path shows its message without every form threading it through.
 */
export const FieldIssues = createContext<readonly TInputIssue[]>([]);

/** The first issue for `name`: the exact path, or a nested one ("vehicles.0.vin" for "vehicles"). */
export function issueFor(issues: readonly TInputIssue[] | undefined, name: string | undefined): string | null {
  if (!name || !issues) return null;
  return issues.find((i) => i.path === name || i.path.startsWith(`${name}.`))?.message ?? null;
}

type TControlProps = {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
  className: string;
};

/**
 * The one labelled form field: the label, the control, its help text and, when the server refused
 * it, the message at the field (aria-invalid, described by the message). The control is either a
 * single element (id, aria and the input style are added to it, so server components can use it)
 * or a function of those props (for client forms that build the control themselves).
 */
export function Field({
  label,
  name,
  id: givenId,
  help,
  error,
  className = "space-y-1.5",
  aside,
  compact = false,
  children,
}: {
  label: ReactNode;
  /** The schema path whose issue this field shows (defaults to the child's `name`). */
  name?: string;
  id?: string;
  help?: ReactNode;
  /** An explicit message; otherwise the form's issue for `name`. */
  error?: string | null;
  className?: string;
  /** Beside the label, at the right (e.g. "Forgot password?"). */
  aside?: ReactNode;
  /** The dense style of the inbox's side panels: small grey label. */
  compact?: boolean;
  children: ReactElement<Record<string, unknown>> | ((props: TControlProps) => ReactNode);
}) {
  const generated = useId();
  const issues = useContext(FieldIssues);
  const child = typeof children === "function" ? null : children;
  const childProps = child && isValidElement(child) ? child.props : {};
  const id = givenId ?? (typeof childProps.id === "string" ? childProps.id : generated);
  const path = name ?? (typeof childProps.name === "string" ? childProps.name : undefined);
  const message = error ?? issueFor(issues, path);
  const describedBy =
    [help ? `${id}-help` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const controlProps: TControlProps = {
    id,
    "aria-invalid": !!message,
    "aria-describedby": describedBy,
    className: message ? invalidInputClass : inputClass,
  };
  const control =
    typeof children === "function"
      ? children(controlProps)
      : cloneElement(children, {
          ...controlProps,
          // A control with its own classes (a textarea's height, a narrow select) keeps them; the
          // error border replaces only the input style.
          className:
            typeof childProps.className === "string" && childProps.className !== inputClass
              ? `${childProps.className}${message ? " !border-red-400" : ""}`
              : controlProps.className,
        });
  const labelElement = (
    <label htmlFor={id} className={compact ? compactLabelClass : labelClass}>
      {label}
    </label>
  );
  return (
    <div className={className}>
      {aside ? (
        <div className="flex items-baseline justify-between gap-2">
          {labelElement}
          {aside}
        </div>
      ) : (
        labelElement
      )}
      {control}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-zinc-500">
          {help}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="flex items-center gap-1 text-xs text-red-700" data-testid="field-error">
          <AlertCircle className="size-3.5 shrink-0" aria-hidden="true" />
          {message}
        </p>
      ) : null}
    </div>
  );
}
