import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChevronLeft, Download } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { loadContactRecordPage } from "@/server/handlers/contacts-pages";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { EraseForm } from "./erase-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dsr"))("contactTitle") };
}

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const session = await requirePermission("contacts.view");
  const t = await getTranslations("dsr");
  const format = await getFormatter();
  const { contact, held, canExport, canErase } = pageData(
    await loadContactRecordPage(session, { contactId: (await params).contactId }),
  );
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");

  return (
    <>
      <PageHeader title={contact.name ?? t("unnamed")}>
        <div className="flex items-center gap-3">
          <Link href="/contacts" className="flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-800">
            <ChevronLeft className="size-4" aria-hidden="true" />
            {t("backToContacts")}
          </Link>
          {canExport ? (
            <a
              href={`/contacts/${contact.id}/export`}
              download
              className="flex items-center gap-1.5 rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-zinc-700"
            >
              <Download className="size-3.5" aria-hidden="true" />
              {t("export")}
            </a>
          ) : null}
        </div>
      </PageHeader>
      <div className="mx-auto grid w-full max-w-5xl gap-6 px-6 py-8 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <section className="rounded-xl border border-zinc-200">
            <h2 className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold">{t("personalData")}</h2>
            <dl className="grid grid-cols-[10rem_1fr] gap-y-2.5 px-5 py-4 text-[13px]">
              <dt className="text-zinc-500">{t("name")}</dt>
              <dd>{contact.name ?? "—"}</dd>
              <dt className="text-zinc-500">{t("email")}</dt>
              <dd>{contact.email ?? "—"}</dd>
              <dt className="text-zinc-500">{t("phone")}</dt>
              <dd className="tabular-nums">{contact.phone ?? "—"}</dd>
              <dt className="text-zinc-500">{t("contactSince")}</dt>
              <dd>{date(contact.createdAt)}</dd>
              <dt className="text-zinc-500">{t("lastEngaged")}</dt>
              <dd>{date(contact.lastEngagedAt)}</dd>
            </dl>
          </section>
          <section className="rounded-xl border border-zinc-200" data-testid="legal-basis">
            <h2 className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold">{t("legalBasisRecord")}</h2>
            {contact.legalBasis ? (
              <dl className="grid grid-cols-[10rem_1fr] gap-y-2.5 px-5 py-4 text-[13px]">
                <dt className="text-zinc-500">{t("legalBasis")}</dt>
                <dd className="font-medium">{t(`bases.${contact.legalBasis}`)}</dd>
                <dt className="text-zinc-500">{t("basisNote")}</dt>
                <dd>{contact.legalBasisNote ?? "—"}</dd>
                <dt className="text-zinc-500">{t("recordedAt")}</dt>
                <dd>{date(contact.legalBasisRecordedAt)}</dd>
              </dl>
            ) : (
              <p className="px-5 py-4 text-[13px] text-amber-800">{t("noBasisBody")}</p>
            )}
          </section>
          <section className="rounded-xl border border-zinc-200">
            <h2 className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold">{t("vehicles")}</h2>
            {contact.vehicles.length === 0 ? (
              <p className="px-5 py-4 text-[13px] text-zinc-500">{t("noVehicles")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-[13px]">
                {contact.vehicles.map((v) => (
                  <li key={v.id} className="px-5 py-2.5">
                    <span className="font-medium">{[v.make, v.model].filter(Boolean).join(" ") || t("vehicle")}</span>
                    <span className="ml-2 text-zinc-500">
                      {[v.plate, v.vin].filter(Boolean).join(" · ")}
                      {v.motDate
                        ? ` · ${t("mot")} ${format.dateTime(v.motDate, { dateStyle: "medium", timeZone: "UTC" })}`
                        : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="rounded-xl border border-zinc-200">
            <h2 className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold">{t("conversations")}</h2>
            {contact.conversations.length === 0 ? (
              <p className="px-5 py-4 text-[13px] text-zinc-500">{t("noConversations")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-[13px]">
                {contact.conversations.map((c) => (
                  <li key={c.id} className="flex items-center justify-between px-5 py-2.5">
                    <span>
                      <span className="font-medium">{c.channel.name}</span>
                      <span className="ml-2 text-zinc-500">{c.dealer.name}</span>
                    </span>
                    <span className="text-zinc-500">
                      {t("messagesCount", { count: c.lastSeq })} · {date(c.lastMessageAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="space-y-6">
          <section className="rounded-xl border border-zinc-200 px-5 py-4 text-[13px]" data-testid="held">
            <h2 className="mb-2 text-sm font-semibold">{t("heldTitle")}</h2>
            <ul className="space-y-1 text-zinc-700">
              <li>{t("heldConversations", { count: held.conversations })}</li>
              <li>{t("heldMessages", { count: held.messages })}</li>
              <li>{t("heldAttachments", { count: held.attachments })}</li>
              <li>{t("heldVehicles", { count: contact.vehicles.length })}</li>
              <li>{t("heldIdentities", { count: contact.identities.length })}</li>
            </ul>
          </section>
          {canErase ? (
            <section className="rounded-xl border border-red-200 bg-red-50/40 px-5 py-4">
              <h2 className="text-sm font-semibold text-red-900">{t("eraseTitle")}</h2>
              <p className="mt-1 mb-3 text-[13px] text-red-900/80">{t("eraseBody")}</p>
              <EraseForm contactId={contact.id} />
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}
