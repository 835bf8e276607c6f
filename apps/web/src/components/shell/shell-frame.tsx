"use client";

import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Menu } from "lucide-react";
import { registerServiceWorker } from "@/components/push/web-push-client";

/**
 * The frame's layout: the sidebar beside the page from `md` up; on a phone the page gets the
 * whole width and the sidebar opens as a drawer from a menu button (closed again by Escape, a
 * tap outside, or navigating).
 */
export function ShellFrame(props: {
  sidebar: ReactNode;
  title: string;
  menuLabel: string;
  /** "Skip to content": the first Tab stop jumps past the navigation (WCAG 2.4.1). */
  skipLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  // The service worker makes the app installable and shows pushes (docs/push.md).
  useEffect(() => void registerServiceWorker(), []);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="flex h-screen overflow-hidden">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-[13px] font-medium text-zinc-900 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {props.skipLabel}
      </a>
      {open ? (
        <div
          className="fixed inset-0 z-30 bg-zinc-900/30 md:hidden"
          onClick={() => setOpen(false)}
          aria-hidden="true"
        />
      ) : null}
      <aside
        className={`${open ? "fixed inset-y-0 left-0 z-40 flex shadow-xl" : "hidden"} w-60 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 md:static md:z-auto md:flex md:shadow-none`}
        data-testid="sidebar"
      >
        {props.sidebar}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex h-11 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 md:hidden">
          <button
            type="button"
            onClick={() => setOpen(true)}
            aria-label={props.menuLabel}
            aria-expanded={open}
            className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100"
            data-testid="open-sidebar"
          >
            <Menu className="size-4" aria-hidden="true" />
          </button>
          <span className="truncate text-[13px] font-medium text-zinc-900">{props.title}</span>
        </div>
        {props.children}
      </div>
    </div>
  );
}
