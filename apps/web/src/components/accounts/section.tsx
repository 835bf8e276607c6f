import Link from "next/link";
import type { ReactNode } from "react";

/** A settings-style card: title, optional description and actions, then content. */
export function Section({
  title,
  description,
  actions,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white" data-testid={testId}>
      <div className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-4">
        <div>
          <h2 className="text-sm font-semibold">{title}</h2>
          {description ? <p className="mt-0.5 text-[13px] text-zinc-500">{description}</p> : null}
        </div>
        {actions}
      </div>
      <div>{children}</div>
    </section>
  );
}

export function Badge({
  children,
  tone = "zinc",
}: {
  children: ReactNode;
  tone?: "zinc" | "green" | "red" | "amber" | "blue";
}) {
  const tones = {
    zinc: "bg-zinc-100 text-zinc-700 ring-zinc-200",
    green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
    red: "bg-red-50 text-red-700 ring-red-200",
    amber: "bg-amber-50 text-amber-800 ring-amber-200",
    blue: "bg-brand-50 text-brand-700 ring-brand-100",
  }[tone];
  return (
    <span
      className={`inline-flex items-center rounded-md px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${tones}`}
    >
      {children}
    </span>
  );
}

export function Tabs({ items, current }: { items: { href: string; label: string }[]; current: string }) {
  return (
    // Scrolls sideways on a phone instead of pushing the page wider.
    <nav className="flex gap-1 overflow-x-auto border-b border-zinc-200 px-4 sm:px-6" aria-label="Sections">
      {items.map((item) => {
        const active = current === item.href;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px shrink-0 border-b-2 px-2.5 py-2.5 text-[13px] font-medium whitespace-nowrap transition ${
              active ? "border-brand-600 text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

export function statusTone(status: string): "green" | "amber" | "zinc" | "red" {
  if (status === "ACTIVE") return "green";
  if (status === "DEACTIVATED" || status === "PENDING") return "amber";
  if (status === "SUSPENDED") return "red";
  return "zinc";
}
