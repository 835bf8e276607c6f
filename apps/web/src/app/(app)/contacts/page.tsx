import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Download, Search, Users } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { loadContactsPage } from "@/server/handlers/contacts-pages";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("title") };
}

export default async function ContactsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; erased?: string; missingFiles?: string }>;
}) {
  const session = await requirePermission("contacts.view");
  const t = await getTranslations("contacts");
  const td = await getTranslations("dsr");
  const format = await getFormatter();
  const params = await searchParams;
  const { q, contacts, canExport } = pageData(await loadContactsPage(session, { q: params.q }));

  return (
    <>
      <PageHeader title={t("title")}>
        {canExport ? (
          <a
            href="/contacts/legal-basis"
            className="flex items-center gap-1.5 rounded-lg border border-zinc-300 px-2.5 py-1 text-[13px] text-zinc-700 hover:bg-zinc-50"
          >
            <Download className="size-3.5" aria-hidden="true" />
            {td("legalBasisRegister")}
          </a>
        ) : null}
      </PageHeader>
      <div className="mx-auto w-full max-w-5xl space-y-4 px-6 py-6">
        {params.erased ? (
          <p role="status" className="rounded-lg bg-emerald-50 px-4 py-2 text-[13px] text-emerald-800">
            {td("erasedNotice")}
          </p>
        ) : null}
        {params.erased && Number(params.missingFiles) > 0 ? (
          <p role="alert" className="rounded-lg bg-red-50 px-4 py-2 text-[13px] text-red-800">
            {td("erasedMissingFiles", { count: Math.floor(Number(params.missingFiles)) })}
          </p>
        ) : null}
        <form role="search" className="relative" action="/contacts">
          <Search className="pointer-events-none absolute top-2 left-3 size-4 text-zinc-500" aria-hidden="true" />
          <label htmlFor="contact-search" className="sr-only">
            {td("searchLabel")}
          </label>
          <input
            id="contact-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={td("searchPlaceholder")}
            autoComplete="off"
            className="block w-full rounded-lg border border-zinc-300 bg-white py-1.5 pr-3 pl-9 text-[13px] shadow-xs outline-none focus:border-brand-500 focus:ring-3 focus:ring-brand-100"
          />
        </form>
        {contacts.length === 0 ? (
          q ? (
            <EmptyState icon={Search} title={td("noMatchTitle")} body={td("noMatchBody", { q })} />
          ) : (
            <EmptyState icon={Users} title={t("emptyTitle")} body={t("emptyBody")} />
          )
        ) : (
          <div className="rounded-xl border border-zinc-200">
            <table className="w-full text-left text-[13px]" data-testid="contacts">
              <thead className="border-b border-zinc-200 text-xs text-zinc-500">
                <tr>
                  <th className="px-5 py-2 font-medium">{td("name")}</th>
                  <th className="px-3 py-2 font-medium">{td("email")}</th>
                  <th className="px-3 py-2 font-medium">{td("phone")}</th>
                  <th className="px-3 py-2 font-medium">{td("legalBasis")}</th>
                  <th className="px-3 py-2 font-medium">{td("lastEngaged")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {contacts.map((c) => (
                  <tr key={c.id} className="hover:bg-zinc-50">
                    <td className="px-5 py-2">
                      <Link href={`/contacts/${c.id}`} className="font-medium text-zinc-900 hover:underline">
                        {c.name ?? td("unnamed")}
                      </Link>
                    </td>
                    <td className="px-3 py-2 text-zinc-600">{c.email ?? "—"}</td>
                    <td className="px-3 py-2 text-zinc-600 tabular-nums">{c.phone ?? "—"}</td>
                    <td className="px-3 py-2">
                      {c.legalBasis ? (
                        td(`bases.${c.legalBasis}`)
                      ) : (
                        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-[12px] text-amber-800">
                          {td("noBasis")}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap text-zinc-600">
                      {c.lastEngagedAt ? format.dateTime(c.lastEngagedAt, { dateStyle: "medium" }) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
