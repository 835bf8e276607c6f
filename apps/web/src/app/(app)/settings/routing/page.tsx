import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { timeZoneList } from "@forecourt/protocol";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { loadRoutingPage } from "@/server/handlers/routing";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { RoutingEditor } from "./routing-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("routing"))("title") };
}

/** Settings → Routing: each dealer's ordered rules, and its business hours, holidays and away message. */
export default async function RoutingPage() {
  const session = await requirePermission("settings.routing.manage");
  const t = await getTranslations("routing");
  const data = pageData(await loadRoutingPage(session, undefined));
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/routing" />
      <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
        <p className="text-[13px] text-zinc-500">{t("intro")}</p>
        <RoutingEditor dealers={data.dealers} timeZones={timeZoneList()} />
      </div>
    </>
  );
}
