import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { getMember } from "@forecourt/core/accounts/get-member";
import { NotFoundError } from "@forecourt/core/errors";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/session";
import { MemberPanel } from "../member-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function MemberPage({ params }: { params: Promise<{ membershipId: string }> }) {
  const { membershipId } = await params;
  const { session, actor } = await requireActor("settings.users.manage");
  if (!UUID.test(membershipId)) notFound();
  const t = await getTranslations("users");
  const member = await getMember({ actor, customerId: session.active!.customerId, membershipId }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/users" />
      <div className="mx-auto w-full max-w-4xl space-y-4 px-6 py-6">
        <Link
          href="/settings/users"
          className="inline-flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-800"
        >
          <ChevronLeft className="size-4" aria-hidden="true" />
          {t("back")}
        </Link>
        <MemberPanel member={member} allowOwner={session.active?.role === "OWNER"} />
      </div>
    </>
  );
}
