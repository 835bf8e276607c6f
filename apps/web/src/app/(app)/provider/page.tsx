import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Building2 } from "lucide-react";
import { countCustomers } from "@forecourt/core";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import Link from "next/link";
import { requirePermission, sessionCan } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

export default async function ProviderConsolePage() {
  const session = await requirePermission("provider.console");
  const t = await getTranslations("provider");
  const tc = await getTranslations("contract");
  const count = await countCustomers({ actor: { userId: session.user.id, providerRole: session.user.providerRole } });
  return (
    <>
      <PageHeader title={t("title")}>
        <nav className="flex items-center gap-4 text-[13px]">
          <Link href="/provider/contracts" className="text-zinc-500 hover:text-zinc-900">
            {tc("contractsLink")}
          </Link>
          {sessionCan(session, "provider.queues.view") ? (
            <Link href="/provider/queues" className="text-zinc-500 hover:text-zinc-900">
              {tc("queuesLink")}
            </Link>
          ) : null}
        </nav>
      </PageHeader>
      <EmptyState icon={Building2} title={t("emptyTitle")} body={t("emptyBody", { count })} />
    </>
  );
}
