import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { loadLeadFormsPage } from "@/server/handlers/lead-forms";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { LeadFormsEditor } from "./lead-forms-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("leadForms"))("title") };
}

/** Settings → Lead forms: each dealer's forms, where its leads go (ADF/XML) and the delivery log (docs/leads.md). */
export default async function LeadFormsPage() {
  const session = await requirePermission("settings.lead_forms.manage");
  const t = await getTranslations("leadForms");
  const data = pageData(await loadLeadFormsPage(session, undefined));
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/lead-forms" />
      <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
        <p className="text-[13px] text-zinc-500">{t("intro")}</p>
        <LeadFormsEditor dealers={data.dealers} />
      </div>
    </>
  );
}
