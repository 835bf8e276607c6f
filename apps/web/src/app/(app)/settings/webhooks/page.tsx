import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { loadWebhooksPage } from "@/server/handlers/webhooks";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { WebhooksSettings } from "./webhooks-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

/** Settings → Webhooks: endpoints that receive signed events (docs/webhooks.md), their secrets and delivery logs. */
export default async function WebhooksPage() {
  const session = await requirePermission("settings.integrations.manage");
  const t = await getTranslations("webhooks");
  const data = pageData(await loadWebhooksPage(session, undefined));
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/webhooks" />
      <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
        <p className="text-[13px] leading-5 text-zinc-500">{t("intro")}</p>
        <WebhooksSettings endpoints={data.endpoints} eventTypes={data.eventTypes} />
      </div>
    </>
  );
}
