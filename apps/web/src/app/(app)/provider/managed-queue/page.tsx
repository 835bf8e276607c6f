import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Headset } from "lucide-react";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { loadManagedQueuePage } from "@/server/handlers/managed-queue";
import { pageData } from "@/server/page-data";
import { requirePermission, sessionCan } from "@/server/session";
import { AutoRefresh } from "./auto-refresh";
import { QueueList } from "./queue-list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("managedQueue"))("title") };
}

/**
 * Provider console → Managed queue (Plus tier, docs/plus.md): the Plus customers' conversations
 * no agent answered within the order form's minutes, or that came in while the dealer was
 * closed, oldest first. Refreshes every 15 seconds; J/K move, Enter opens.
 */
export default async function ManagedQueuePage() {
  const session = await requirePermission("provider.managed_queue.view");
  const t = await getTranslations("managedQueue");
  const items = pageData(await loadManagedQueuePage(session, undefined));
  return (
    <>
      <PageHeader title={t("title")}>
        <AutoRefresh seconds={15} label={t("refreshing")} />
      </PageHeader>
      {sessionCan(session, "provider.console") ? <ProviderTabs current="/provider/managed-queue" /> : null}
      <div className="mx-auto w-full max-w-5xl space-y-4 px-6 py-8">
        <p className="text-[13px] text-zinc-500">{t("intro")}</p>
        {items.length === 0 ? (
          <div className="rounded-xl border border-zinc-200">
            <EmptyState icon={Headset} title={t("emptyTitle")} body={t("emptyBody")} />
          </div>
        ) : (
          <QueueList items={items} />
        )}
      </div>
    </>
  );
}
