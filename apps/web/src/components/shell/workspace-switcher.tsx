"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Check, ChevronsUpDown } from "lucide-react";
import { switchTenantAction } from "@/server/actions/switch-tenant";

type TWorkspace = { customerId: string; customerName: string; role: string };

/** Shows the active tenant; lets users with several memberships switch. */
export function WorkspaceSwitcher({
  workspaces,
  activeId,
  subtitle,
}: {
  workspaces: TWorkspace[];
  activeId: string | null;
  subtitle: string;
}) {
  const t = useTranslations("shell");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const root = useRef<HTMLDivElement>(null);
  const active = workspaces.find((w) => w.customerId === activeId);
  const canSwitch = workspaces.length > 1;

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  function choose(customerId: string) {
    setOpen(false);
    if (customerId === activeId) return;
    startTransition(async () => {
      const result = await switchTenantAction(customerId);
      if (!result.ok) {
        router.refresh();
        return;
      }
      // A full load of the section's start page: no client state of the previous tenant (the
      // open conversation, its contact panel, the router cache, the socket) may survive, and
      // an object id in the URL belongs to the previous tenant.
      window.location.assign(`/${window.location.pathname.split("/")[1] ?? ""}`);
    });
  }

  const initials = (active?.customerName ?? "F").slice(0, 1).toUpperCase();
  return (
    <div ref={root} className="relative px-2">
      <button
        type="button"
        disabled={!canSwitch || pending}
        onClick={() => setOpen((v) => !v)}
        aria-haspopup="listbox"
        aria-expanded={open}
        data-testid="workspace-switcher"
        className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left transition enabled:hover:bg-zinc-200/60"
      >
        <span
          aria-hidden="true"
          className="flex size-7 shrink-0 items-center justify-center rounded-md bg-zinc-900 text-xs font-semibold text-white"
        >
          {initials}
        </span>
        {/* The name is the button's name (WCAG 2.5.3: the label contains the visible text); the purpose is said first. */}
        <span className="sr-only">{canSwitch ? t("switchWorkspace") : t("workspace")}: </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-[13px] font-semibold text-zinc-900">
            {active?.customerName ?? t("noWorkspace")}
          </span>
          <span className="block truncate text-[11px] text-zinc-500">{subtitle}</span>
        </span>
        {canSwitch ? <ChevronsUpDown className="size-3.5 text-zinc-500" aria-hidden="true" /> : null}
      </button>
      {open ? (
        <ul
          role="listbox"
          aria-label={t("switchWorkspace")}
          className="absolute inset-x-2 top-full z-20 mt-1 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          {workspaces.map((w) => (
            <li key={w.customerId} role="option" aria-selected={w.customerId === activeId}>
              <button
                type="button"
                onClick={() => choose(w.customerId)}
                className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-[13px] hover:bg-zinc-100"
              >
                <span className="flex-1 truncate">{w.customerName}</span>
                {w.customerId === activeId ? <Check className="size-3.5 text-brand-600" aria-hidden="true" /> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
