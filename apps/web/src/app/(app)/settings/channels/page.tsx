import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MessageSquare } from "lucide-react";
import { redirect } from "next/navigation";
import { getConfig } from "@forecourt/config";
import { listWidgetChannels } from "@forecourt/core/chat/widget-channels";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission, tenantPrincipalOf } from "@/server/session";
import { ChannelForm } from "./channel-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels"))("title") };
}

/** Settings → Channels: the website chat of each dealer, its look, pre-chat form and hours. */
export default async function ChannelsPage() {
  const session = await requirePermission("settings.channels.manage");
  const agent = tenantPrincipalOf(session);
  if (!agent) redirect("/forbidden");
  const t = await getTranslations("channels");
  const channels = await listWidgetChannels({ agent });
  return (
    <>
      <PageHeader title={t("title")} />
      {channels.length === 0 ? (
        <EmptyState icon={MessageSquare} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <div className="mx-auto w-full max-w-3xl space-y-8 px-6 py-8">
          <p className="text-[13px] text-zinc-500">{t("intro")}</p>
          {channels.map((c) => (
            <ChannelForm key={c.id} channel={c} webUrl={getConfig().WEB_URL} />
          ))}
        </div>
      )}
    </>
  );
}
