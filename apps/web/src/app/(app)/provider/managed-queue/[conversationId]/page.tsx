import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { ChannelBadge } from "@/components/channel-badge";
import { PageHeader } from "@/components/page-header";
import { loadManagedConversationPage } from "@/server/handlers/managed-queue";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { AutoRefresh } from "../auto-refresh";
import { ManagedReply } from "./managed-reply";
import { ManagedThread } from "./managed-thread";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managedQueue"))("conversationTitle") };
}

/** A Plus customer's conversation in the managed-agent view: the latest messages and a reply box. */
export default async function ManagedConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const session = await requirePermission("provider.managed_queue.view");
  const { conversationId } = await params;
  const t = await getTranslations("managedQueue");
  const c = pageData(await loadManagedConversationPage(session, { conversationId }));
  return (
    <>
      <PageHeader title={`${c.contactName || t("anonymous")} · ${c.customerName}`}>
        <Link
          href="/provider/managed-queue"
          className="flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-900"
          data-testid="back-to-queue"
        >
          <ArrowLeft className="size-3.5" aria-hidden="true" />
          {t("backToQueue")}
        </Link>
      </PageHeader>
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-6 py-6">
        <div className="flex flex-wrap items-center gap-3 text-[13px] text-zinc-600">
          <ChannelBadge type={c.channelType} />
          <span>{c.dealerName}</span>
          <AutoRefresh seconds={15} label={t("refreshing")} />
        </div>
        <p className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-[13px] text-brand-800">
          {t("shownAsProvider")}
        </p>
        <ManagedThread messages={c.messages} channelType={c.channelType} />
        {c.mayReply ? (
          <ManagedReply conversationId={c.id} />
        ) : (
          <p className="text-[13px] text-zinc-500">{t("readOnly")}</p>
        )}
      </div>
    </>
  );
}
