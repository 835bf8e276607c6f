import type { ReactNode } from "react";

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="flex h-14 shrink-0 items-center justify-between border-b border-zinc-200 px-6">
      <h1 className="text-[15px] font-semibold tracking-tight text-zinc-900">{title}</h1>
      {children}
    </header>
  );
}
