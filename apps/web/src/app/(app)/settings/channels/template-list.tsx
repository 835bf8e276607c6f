"use client";

import { useTranslations } from "next-intl";
import type { TChannelTemplate } from "@forecourt/core/channels/get-channel-connection-info";
import { Badge } from "@/components/accounts/section";

const TONES: Record<TChannelTemplate["status"], "green" | "amber" | "red" | "zinc"> = {
  APPROVED: "green",
  PENDING: "amber",
  PAUSED: "amber",
  REJECTED: "red",
  DISABLED: "zinc",
};

/** A WhatsApp channel's synced message templates (what agents may send outside the 24-hour window). */
export function TemplateList({ templates }: { templates: TChannelTemplate[] }) {
  const t = useTranslations("channels.templates");
  if (templates.length === 0) {
    return <p className="mt-3 rounded-lg bg-zinc-50 px-3 py-2.5 text-[13px] text-zinc-500">{t("empty")}</p>;
  }
  return (
    <ul className="mt-3 divide-y divide-zinc-100 rounded-lg border border-zinc-200" data-testid="template-list">
      {templates.map((template) => (
        <li key={template.id} className="space-y-1 px-3 py-2.5" data-testid="template">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-mono text-[12px] font-medium text-zinc-900">{template.name}</span>
            <span className="text-xs text-zinc-500">
              {template.language} ·{" "}
              {t.has(`categories.${template.category}`) ? t(`categories.${template.category}`) : template.category}
            </span>
            <span className="ml-auto">
              <Badge tone={TONES[template.status]}>{t(`statuses.${template.status}`)}</Badge>
            </span>
          </div>
          <p className="text-[13px] whitespace-pre-line text-zinc-700">{template.body}</p>
        </li>
      ))}
    </ul>
  );
}
