import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";
import { getMember } from "@forecourt/core/accounts/get-member";
import { NotFoundError } from "@forecourt/core/errors";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/session";
import { MemberPanel } from "../../../../../settings/users/member-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ProviderMemberPage({
  params,
}: {
  params: Promise<{ customerId: string; membershipId: string }>;
}) {
  const { customerId, membershipId } = await params;
  const { actor } = await requireActor("provider.users.manage");
  if (!UUID.test(customerId) || !UUID.test(membershipId)) notFound();
  const t = await getTranslations("providerConsole");
  const tp = await getTranslations("provider");
  const member = await getMember({ actor, customerId, membershipId }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={tp("title")} />
      <ProviderTabs current="/provider" />
      <div className="mx-auto w-full max-w-4xl space-y-4 px-6 py-6">
        <Link
          href={`/provider/customers/${customerId}`}
          className="inline-flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-800"
        >
          <ChevronLeft className="size-4" aria-hidden="true" />
          {t("backToCustomer")}
        </Link>
        <MemberPanel member={member} customerId={customerId} allowOwner />
      </div>
    </>
  );
}
