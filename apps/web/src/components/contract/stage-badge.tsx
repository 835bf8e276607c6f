import { getTranslations } from "next-intl/server";
import type { CustomerStage } from "@forecourt/contract";

const STYLE: Record<CustomerStage, string> = {
  none: "border-zinc-200 bg-zinc-50 text-zinc-600",
  pending: "border-sky-200 bg-sky-50 text-sky-800",
  active: "border-emerald-200 bg-emerald-50 text-emerald-800",
  terminated: "border-amber-200 bg-amber-50 text-amber-800",
  locked: "border-red-200 bg-red-50 text-red-800",
  deletion_due: "border-red-300 bg-red-100 text-red-900",
};

/** Where a customer's contract stands (computed by packages/contract). */
export async function StageBadge({ stage }: { stage: CustomerStage }) {
  const t = await getTranslations("contract.stages");
  return (
    <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${STYLE[stage]}`} data-testid="stage-badge">
      {t(stage)}
    </span>
  );
}
