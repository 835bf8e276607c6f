import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** The designed "nothing here yet" panel: an icon, what this place is for, and a next step. */
export function EmptyState({
  icon: Icon,
  title,
  body,
  action,
}: {
  icon: LucideIcon;
  title: string;
  body: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-1 items-center justify-center p-8">
      <div className="flex max-w-md flex-col items-center text-center" data-testid="empty-state">
        <div className="mb-4 flex size-12 items-center justify-center rounded-xl border border-zinc-200 bg-white shadow-sm">
          <Icon className="size-5 text-zinc-500" aria-hidden="true" />
        </div>
        <h2 className="text-[15px] font-semibold text-zinc-900">{title}</h2>
        <p className="mt-1.5 text-sm leading-6 text-zinc-500">{body}</p>
        {action ? <div className="mt-5">{action}</div> : null}
      </div>
    </div>
  );
}
