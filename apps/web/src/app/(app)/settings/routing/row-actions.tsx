"use client";

import { Trash2 } from "lucide-react";

/** A switch that submits its own form with the opposite state (rules and bots: on / off). */
export function ToggleSwitchForm({
  action,
  id,
  enabled,
  label,
}: {
  action: (form: FormData) => void;
  id: string;
  enabled: boolean;
  label: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <button
        type="submit"
        role="switch"
        aria-checked={enabled}
        aria-label={label}
        className={`relative inline-flex h-5 w-9 items-center rounded-full transition ${enabled ? "bg-emerald-600" : "bg-zinc-300"}`}
      >
        <span
          className={`inline-block size-4 rounded-full bg-white shadow transition ${enabled ? "translate-x-4" : "translate-x-0.5"}`}
        />
      </button>
    </form>
  );
}

/** A delete button that asks first (the browser's confirm), then submits its own form. */
export function DeleteForm({
  action,
  id,
  label,
  confirm,
}: {
  action: (form: FormData) => void;
  id: string;
  label: string;
  confirm: string;
}) {
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className="rounded-md p-1.5 text-zinc-500 hover:bg-red-50 hover:text-red-700"
        aria-label={label}
      >
        <Trash2 className="size-4" aria-hidden="true" />
      </button>
    </form>
  );
}
