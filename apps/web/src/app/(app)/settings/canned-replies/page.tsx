import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { loadCannedRepliesPage } from "@/server/handlers/canned-replies";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { CannedRepliesEditor } from "./canned-replies-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cannedReplies"))("title") };
}

/** Settings → Canned replies: the replies agents insert with "/" in the composer, per dealer or shared. */
export default async function CannedRepliesPage() {
  const session = await requirePermission("canned_replies.manage");
  const t = await getTranslations("cannedReplies");
  const data = pageData(await loadCannedRepliesPage(session, undefined));
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/canned-replies" />
      <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-6 sm:px-6 sm:py-8">
        <p className="text-[13px] text-zinc-500">{t("intro")}</p>
        <CannedRepliesEditor {...data} />
      </div>
    </>
  );
}
