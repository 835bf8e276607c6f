import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { loadDepartmentsPage } from "@/server/handlers/departments";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { DepartmentsEditor } from "./departments-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("departments"))("title") };
}

/** Settings → Departments: each dealer's teams (sales, service, parts…), managed by the dealer group's admins. */
export default async function DepartmentsPage() {
  const session = await requirePermission("settings.departments.manage");
  const t = await getTranslations("departments");
  const data = pageData(await loadDepartmentsPage(session, undefined));
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/departments" />
      <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
        <p className="text-[13px] text-zinc-500">{t("intro")}</p>
        <DepartmentsEditor dealers={data.dealers} />
      </div>
    </>
  );
}
