import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Building2 } from "lucide-react";
import { listCustomers } from "@forecourt/core/provider/list-customers";
import { Badge, Section, statusTone } from "@/components/accounts/section";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { inputClass } from "@/components/accounts/styles";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/session";
import { CustomerForm } from "./customer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

export default async function ProviderConsolePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { actor } = await requireActor("provider.console");
  const t = await getTranslations("providerConsole");
  const tp = await getTranslations("provider");
  const { q } = await searchParams;
  const customers = await listCustomers({ actor, query: q });
  const all = q ? await listCustomers({ actor }) : customers;
  return (
    <>
      <PageHeader title={tp("title")} />
      <ProviderTabs current="/provider" />
      <div className="mx-auto w-full max-w-5xl space-y-6 px-6 py-8">
        <Section
          title={t("customersTitle")}
          description={t("customersBody", { count: all.length })}
          actions={
            <form method="get" role="search">
              <input
                name="q"
                type="search"
                defaultValue={q}
                placeholder={t("search")}
                aria-label={t("search")}
                className={`${inputClass} w-56`}
              />
            </form>
          }
          testId="customer-list"
        >
          {customers.length === 0 ? (
            <EmptyState icon={Building2} title={t("emptyTitle")} body={t("emptyBody")} />
          ) : (
            <table className="w-full text-[13px]">
              <thead className="text-left text-xs text-zinc-500">
                <tr className="border-b border-zinc-200">
                  <th className="px-5 py-2 font-medium">{t("name")}</th>
                  <th className="px-3 py-2 font-medium">{t("kind")}</th>
                  <th className="px-3 py-2 font-medium">{t("tier")}</th>
                  <th className="px-3 py-2 font-medium">{t("dealers")}</th>
                  <th className="px-3 py-2 font-medium">{t("users")}</th>
                  <th className="px-5 py-2 font-medium">{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {customers.map((c) => (
                  <tr key={c.id} className="border-b border-zinc-100 last:border-0 hover:bg-zinc-50">
                    <td className="px-5 py-2.5">
                      <Link href={`/provider/customers/${c.id}`} className="font-medium hover:underline">
                        {c.name}
                      </Link>
                      {c.parent ? <div className="text-xs text-zinc-500">{c.parent.name}</div> : null}
                    </td>
                    <td className="px-3 py-2.5">{t(`kinds.${c.kind}`)}</td>
                    <td className="px-3 py-2.5">
                      <Badge tone={c.tier === "PLUS" ? "blue" : "zinc"}>{t(`tiers.${c.tier}`)}</Badge>
                    </td>
                    <td className="px-3 py-2.5 tabular-nums">{c._count.dealers}</td>
                    <td className="px-3 py-2.5 tabular-nums">{c._count.memberships}</td>
                    <td className="px-5 py-2.5">
                      <Badge tone={statusTone(c.status)}>{t(`statuses.${c.status}`)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title={t("newCustomer")} description={t("newCustomerBody")}>
          <CustomerForm parents={all} />
        </Section>
      </div>
    </>
  );
}
