import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft, CalendarClock, FileText } from "lucide-react";
import { calendarDay } from "@forecourt/core/contract/dates";
import {
  getSubscriptionOverview,
  type TSubscriptionOverview,
} from "@forecourt/core/contract/get-subscription-overview";
import { ContractForm } from "@/components/contract/contract-form";
import { formatDay } from "@/components/contract/format";
import { EmptyState } from "@/components/empty-state";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { principalFromSession } from "@forecourt/core/principal";
import { requirePermission, sessionCan } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contract"))("settingsTitle") };
}

/** Settings → Subscription: the customer's subscriptions, and the dissolution notice while the window is open (L 5.1). */
export default async function SubscriptionSettingsPage() {
  const session = await requirePermission("settings.subscription.view");
  const t = await getTranslations("contract");
  const locale = await getLocale();
  const active = session.active;
  if (!active) {
    return (
      <>
        <PageHeader title={t("settingsTitle")} />
        <EmptyState icon={FileText} title={t("emptyTitle")} body={t("noWorkspace")} />
      </>
    );
  }
  const day = calendarDay(new Date());
  const overview = await getSubscriptionOverview({
    actor: principalFromSession(session),
    customerId: active.customerId,
    day,
  });
  const canFile = sessionCan(session, "settings.subscription.notice");
  const f = (iso: string | null) => (iso ? formatDay(iso, locale) : "—");

  return (
    <>
      <PageHeader title={t("settingsTitle")}>
        <Link href="/settings" className="flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-900">
          <ArrowLeft className="size-3.5" aria-hidden="true" />
          {t("backToSettings")}
        </Link>
      </PageHeader>
      <SettingsTabs session={session} current="/settings/subscription" />
      <div className="mx-auto w-full max-w-2xl space-y-6 px-6 py-8">
        {overview?.timeline && overview.customer.status === "TERMINATED" ? (
          <section className="rounded-xl border border-amber-200 bg-amber-50 px-5 py-4 text-[13px] text-amber-900">
            {t("timeline", {
              terminationDate: f(overview.timeline.terminationDate),
              readOnlyUntil: f(overview.timeline.adminReadOnlyUntil),
              deletionDate: f(overview.timeline.deletionDate),
              reinstateUntil: f(overview.timeline.reinstatementPossibleUntil),
            })}
          </section>
        ) : null}
        {overview?.governedByParent ? (
          <p className="text-[13px] text-zinc-500">{t("governedByParentCustomer")}</p>
        ) : null}
        {!overview || overview.subscriptions.length === 0 ? (
          <div className="rounded-xl border border-zinc-200">
            <EmptyState icon={FileText} title={t("emptyTitle")} body={t("emptyBodyCustomer")} />
          </div>
        ) : (
          overview.subscriptions.map((s) => (
            <CustomerSubscription
              key={s.id}
              s={s}
              f={f}
              customerId={active.customerId}
              canFile={canFile && !overview.governedByParent}
            />
          ))
        )}
      </div>
    </>
  );
}

async function CustomerSubscription({
  s,
  f,
  customerId,
  canFile,
}: {
  s: TSubscriptionOverview;
  f: (iso: string | null) => string;
  customerId: string;
  canFile: boolean;
}) {
  const t = await getTranslations("contract");
  const term = s.termInForce;
  return (
    <section className="rounded-xl border border-zinc-200" data-testid="subscription-card">
      <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-4">
        <div>
          <h2 className="text-sm font-semibold">
            {s.product} <span className="font-normal text-zinc-500">· {t(`tiers.${s.tier}`)}</span>
          </h2>
          <p className="mt-0.5 text-[13px] text-zinc-500">
            {term
              ? t("currentTerm", {
                  term:
                    term.kind === "initial"
                      ? t("events.initialTerm")
                      : t("events.renewalTerm", { n: term.renewalNumber }),
                  start: f(term.startDate),
                  end: f(term.endDate),
                })
              : t("startsOn", { date: f(s.startDate) })}
          </p>
        </div>
        <span className="rounded-full border border-zinc-200 bg-zinc-50 px-2 py-0.5 text-xs font-medium text-zinc-700">
          {t(`status.${s.status}`)}
        </span>
      </div>
      <dl className="grid grid-cols-[11rem_1fr] gap-y-2 px-5 py-4 text-[13px]">
        <dt className="text-zinc-500">{t("fields.startDate")}</dt>
        <dd>{f(s.startDate)}</dd>
        <dt className="text-zinc-500">{t("fields.minimumPeriodEnds")}</dt>
        <dd>{f(s.initialTermEndDate)}</dd>
        <dt className="text-zinc-500">{t("fields.renewal")}</dt>
        <dd>{t("renewsOn", { date: f(s.renewalDate), count: s.renewalTermMonths })}</dd>
      </dl>
      <div className="border-t border-zinc-200 px-5 py-4" data-testid="dissolution-panel">
        <div className="mb-3 flex items-start gap-2.5">
          <CalendarClock className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden="true" />
          <div className="text-[13px]">
            <h3 className="font-semibold">{t("dissolution.title")}</h3>
            <p className="mt-0.5 text-zinc-600" data-testid="dissolution-status">
              {s.notice
                ? t("dissolution.filed", {
                    kind: t(`noticeKinds.${s.notice.kind}`),
                    date: f(s.notice.date),
                    end: f(s.terminationDate),
                  })
                : !s.hasDissolutionOption
                  ? t("dissolution.ordinaryOnly", {
                      deadline: f(s.ordinaryNoticeToday.deadline),
                      end: f(s.ordinaryNoticeToday.terminationDate),
                    })
                  : s.dissolutionToday.accepted
                    ? t("dissolution.open", {
                        closes: f(s.dissolutionToday.windowCloses),
                        end: f(s.dissolutionToday.terminationDate),
                      })
                    : t("dissolution.closed", { opens: f(s.dissolutionToday.nextWindowOpens) })}
            </p>
          </div>
        </div>
        {!s.notice && s.hasDissolutionOption && s.dissolutionToday.accepted ? (
          canFile ? (
            <ContractForm
              customerId={customerId}
              subscriptionId={s.id}
              kind="dissolution"
              danger
              testId="dissolution-form"
              submitLabel={t("dissolution.submit")}
              fields={[
                {
                  name: "confirm",
                  type: "checkbox",
                  required: true,
                  label: t("dissolution.confirm", { end: f(s.dissolutionToday.terminationDate) }),
                },
              ]}
            />
          ) : (
            <p className="text-[13px] text-zinc-500">{t("dissolution.ownerOnly")}</p>
          )
        ) : null}
      </div>
    </section>
  );
}
