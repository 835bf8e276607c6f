import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import Link from "next/link";
import { requirePermission, sessionCan } from "@/server/session";
import { LocaleForm } from "./locale-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const session = await requirePermission("settings.profile");
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="mx-auto w-full max-w-2xl space-y-6 px-6 py-8">
        <section className="rounded-xl border border-zinc-200">
          <div className="border-b border-zinc-200 px-5 py-4">
            <h2 className="text-sm font-semibold">{t("profileTitle")}</h2>
            <p className="mt-0.5 text-[13px] text-zinc-500">{t("profileBody")}</p>
          </div>
          <dl className="grid grid-cols-[10rem_1fr] gap-y-3 px-5 py-4 text-[13px]">
            <dt className="text-zinc-500">{t("name")}</dt>
            <dd>{session.user.name}</dd>
            <dt className="text-zinc-500">{t("email")}</dt>
            <dd>{session.user.email}</dd>
          </dl>
          <div className="border-t border-zinc-200 px-5 py-4">
            <LocaleForm current={session.user.locale} />
          </div>
        </section>
        {sessionCan(session, "settings.channels.manage") ? (
          <Link
            href="/settings/channels"
            className="block rounded-xl border border-zinc-200 px-5 py-4 text-sm font-semibold hover:bg-zinc-50"
          >
            {(await getTranslations("channels"))("link")} →
          </Link>
        ) : null}
      </div>
    </>
  );
}
