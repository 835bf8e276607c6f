import { principalFromSession } from "@forecourt/core/principal";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft, FileText } from "lucide-react";
import { z } from "zod";
import { calendarDay } from "@forecourt/core/contract/dates";
import { PRODUCTS } from "@forecourt/core/contract/products";
import {
  getSubscriptionOverview,
  type TSubscriptionOverview,
} from "@forecourt/core/contract/get-subscription-overview";
import { ContractForm, type TContractField } from "@/components/contract/contract-form";
import { formatDay, formatEuro } from "@/components/contract/format";
import { ScheduleTimeline } from "@/components/contract/schedule-timeline";
import { StageBadge } from "@/components/contract/stage-badge";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requirePermission, sessionCan } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contract"))("providerTitle") };
}

/** Provider console: one customer's subscriptions, their computed schedules, and the contract actions. */
export default async function ProviderSubscriptionPage({ params }: { params: Promise<{ customerId: string }> }) {
  const session = await requirePermission("provider.console");
  const { customerId } = await params;
  if (!z.uuid().safeParse(customerId).success) notFound();
  const t = await getTranslations("contract");
  const locale = await getLocale();
  const day = calendarDay(new Date());
  const overview = await getSubscriptionOverview({
    actor: principalFromSession(session),
    customerId,
    day,
  });
  if (!overview) notFound();
  const canManage = sessionCan(session, "provider.subscriptions.manage");
  const f = (iso: string | null) => (iso ? formatDay(iso, locale) : "—");

  return (
    <>
      <PageHeader title={`${overview.customer.name} · ${t("providerTitle")}`}>
        <Link
          href="/provider/contracts"
          className="flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-900"
        >
          <ArrowLeft className="size-3.5" aria-hidden="true" />
          {t("allContracts")}
        </Link>
      </PageHeader>
      <div className="mx-auto w-full max-w-5xl space-y-6 px-6 py-8">
        <section className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-xl border border-zinc-200 px-5 py-4 text-[13px]">
          <StageBadge stage={overview.stage} />
          <span className="text-zinc-500">{t(`kinds.${overview.customer.kind}`)}</span>
          <span className="text-zinc-500">{t("todayIs", { date: f(day) })}</span>
          {overview.timeline ? (
            <span className="text-zinc-700" data-testid="customer-timeline">
              {t("timeline", {
                terminationDate: f(overview.timeline.terminationDate),
                readOnlyUntil: f(overview.timeline.adminReadOnlyUntil),
                deletionDate: f(overview.timeline.deletionDate),
                reinstateUntil: f(overview.timeline.reinstatementPossibleUntil),
              })}
            </span>
          ) : null}
          {canManage && overview.customer.status === "TERMINATED" ? (
            <div className="w-full border-t border-zinc-100 pt-3">
              <ContractForm customerId={customerId} kind="reinstate" submitLabel={t("actions.reinstateCustomer")} />
            </div>
          ) : null}
        </section>

        {overview.governedByParent ? <p className="text-[13px] text-zinc-500">{t("governedByParent")}</p> : null}

        {overview.subscriptions.length === 0 ? (
          <div className="rounded-xl border border-zinc-200">
            <EmptyState icon={FileText} title={t("emptyTitle")} body={t("emptyBody")} />
          </div>
        ) : null}

        {canManage && !overview.governedByParent && overview.customer.status !== "TERMINATED" ? (
          <details className="rounded-xl border border-zinc-200 px-5 py-4" data-testid="order-form">
            <summary className="cursor-pointer text-sm font-semibold">{t("order.title")}</summary>
            <p className="mt-1 mb-4 text-[13px] text-zinc-500">
              {overview.customer.kind === "DEALER_GROUP" || overview.customer.kind === "OEM"
                ? t("order.bodyGroup")
                : t("order.body")}
            </p>
            <div className="max-w-md">
              <ContractForm
                customerId={customerId}
                kind="create"
                submitLabel={t("order.submit")}
                fields={[
                  {
                    name: "product",
                    type: "select",
                    label: t("order.product"),
                    options: PRODUCTS.map((p) => ({ value: p, label: p })),
                  },
                  {
                    name: "tier",
                    type: "select",
                    label: t("order.tier"),
                    options: [
                      { value: "STANDARD", label: t("tiers.STANDARD") },
                      { value: "PLUS", label: t("tiers.PLUS") },
                    ],
                  },
                  {
                    name: "contractDate",
                    type: "date",
                    label: t("fields.contractDate"),
                    required: true,
                    defaultValue: day,
                  },
                  { name: "firstTrainingDate", type: "date", label: t("fields.firstTrainingDate") },
                  {
                    name: "initialTermMonths",
                    type: "text",
                    label: t("order.months"),
                    required: true,
                    defaultValue: "12",
                  },
                  { name: "setupFee", type: "money", label: t("order.setupFee") },
                  { name: "serviceFees", type: "money", label: t("order.serviceFees") },
                  { name: "monthlyFee", type: "money", label: t("order.monthlyFee"), required: true },
                  ...managedFields(t, { managedAfterMinutes: 5, managedOutsideHours: true }),
                ]}
              />
            </div>
          </details>
        ) : null}

        {overview.subscriptions.map((s) => (
          <SubscriptionCard
            key={s.id}
            customerId={customerId}
            subscription={s}
            day={day}
            locale={locale}
            canManage={canManage && !overview.governedByParent}
          />
        ))}
      </div>
    </>
  );
}

/** Plus (L 1 "Plus"): the order form's managed service, as form fields (ignored on Standard). */
function managedFields(
  t: Awaited<ReturnType<typeof getTranslations<"contract">>>,
  current: { managedAfterMinutes: number; managedOutsideHours: boolean },
): TContractField[] {
  return [
    {
      name: "managedAfterMinutes",
      type: "text",
      label: t("managed.afterMinutes"),
      help: t("managed.afterMinutesHelp"),
      required: true,
      defaultValue: String(current.managedAfterMinutes),
    },
    {
      name: "managedOutsideHours",
      type: "select",
      label: t("managed.outsideHours"),
      defaultValue: String(current.managedOutsideHours),
      options: [
        { value: "true", label: t("managed.outsideHoursYes") },
        { value: "false", label: t("managed.outsideHoursNo") },
      ],
    },
  ];
}

async function SubscriptionCard({
  customerId,
  subscription: s,
  day,
  locale,
  canManage,
}: {
  customerId: string;
  subscription: TSubscriptionOverview;
  day: string;
  locale: string;
  canManage: boolean;
}) {
  const t = await getTranslations("contract");
  const f = (iso: string | null) => (iso ? formatDay(iso, locale) : "—");
  const eur = (amount: string) => formatEuro(amount, locale);
  const ending = s.terminationDate !== null;
  const common = { customerId, subscriptionId: s.id };
  return (
    <section className="rounded-xl border border-zinc-200" data-testid="subscription-card">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-5 py-4">
        <div>
          <h2 className="text-sm font-semibold">
            {s.product} <span className="font-normal text-zinc-500">· {t(`tiers.${s.tier}`)}</span>
          </h2>
          <p className="mt-0.5 text-[13px] text-zinc-500">
            {s.hasDissolutionOption ? t("withDissolution") : t("withOrdinaryNotice")}
          </p>
        </div>
        <span className="rounded-full border border-zinc-200 bg-zinc-50 px-2 py-0.5 text-xs font-medium text-zinc-700">
          {t(`status.${s.status}`)}
        </span>
      </header>
      <div className="grid gap-6 px-5 py-5 lg:grid-cols-[1fr_1.3fr]">
        <dl className="grid h-fit grid-cols-[9.5rem_1fr] gap-y-2 text-[13px]">
          <dt className="text-zinc-500">{t("fields.contractDate")}</dt>
          <dd>{f(s.contractDate)}</dd>
          <dt className="text-zinc-500">{t("fields.firstTrainingDate")}</dt>
          <dd>{s.firstTrainingDate ? f(s.firstTrainingDate) : t("noTraining")}</dd>
          <dt className="text-zinc-500">{t("fields.startDate")}</dt>
          <dd>{f(s.startDate)}</dd>
          <dt className="text-zinc-500">{t("fields.initialTerm")}</dt>
          <dd>{t("months", { count: s.initialTermMonths })}</dd>
          <dt className="text-zinc-500">{t("fields.minimumPeriodEnds")}</dt>
          <dd>{f(s.initialTermEndDate)}</dd>
          <dt className="text-zinc-500">{t("fields.renewal")}</dt>
          <dd>{t("renewsOn", { date: f(s.renewalDate), count: s.renewalTermMonths })}</dd>
          <dt className="text-zinc-500">{t("fields.fees")}</dt>
          <dd>{t("feeLine", { setup: eur(s.setupFee), service: eur(s.serviceFees), monthly: eur(s.feeInForce) })}</dd>
          <dt className="text-zinc-500">{t("fields.firstInvoice")}</dt>
          <dd>{t("firstInvoiceLine", { date: f(s.firstInvoice.date), total: eur(s.firstInvoice.total) })}</dd>
          {s.tier === "PLUS" ? (
            <>
              <dt className="text-zinc-500">{t("managed.title")}</dt>
              <dd data-testid="managed-service">
                {t("managed.line", { minutes: s.managedAfterMinutes })}
                {s.managedOutsideHours ? ` ${t("managed.lineOutsideHours")}` : ""}
              </dd>
            </>
          ) : null}
          {s.notice ? (
            <>
              <dt className="text-zinc-500">{t("fields.notice")}</dt>
              <dd data-testid="subscription-notice">
                {t("noticeLine", {
                  kind: t(`noticeKinds.${s.notice.kind}`),
                  date: f(s.notice.date),
                  end: f(s.terminationDate),
                })}
                {s.notice.reason ? <span className="block text-zinc-500">“{s.notice.reason}”</span> : null}
              </dd>
            </>
          ) : null}
          {s.feeChanges.length > 0 ? (
            <>
              <dt className="text-zinc-500">{t("fields.feeChanges")}</dt>
              <dd className="space-y-0.5">
                {s.feeChanges.map((c) => (
                  <span key={`${c.effectiveDate}-${c.monthlyFee}`} className="block">
                    {f(c.effectiveDate)}: {eur(c.monthlyFee)} · {t(`feeReasons.${c.reason}`)}
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        <div>
          <h3 className="mb-2 text-[12px] font-semibold tracking-wide text-zinc-500 uppercase">{t("scheduleTitle")}</h3>
          <ScheduleTimeline events={s.events} day={day} />
        </div>
      </div>

      {canManage ? (
        <div className="grid gap-4 border-t border-zinc-200 bg-zinc-50/60 px-5 py-5 md:grid-cols-2">
          {s.status === "PENDING" && !ending ? (
            <ActionPanel title={t("actions.trainingTitle")} body={t("actions.trainingBody")}>
              <ContractForm
                {...common}
                kind="training"
                submitLabel={t("actions.trainingSubmit")}
                fields={[
                  { name: "firstTrainingDate", type: "date", label: t("fields.firstTrainingDate"), required: true },
                ]}
              />
            </ActionPanel>
          ) : null}
          {!ending && s.hasDissolutionOption ? (
            <ActionPanel
              title={t("actions.dissolutionTitle")}
              body={
                s.dissolutionToday.accepted
                  ? t("actions.dissolutionOpen", {
                      closes: f(s.dissolutionToday.windowCloses),
                      end: f(s.dissolutionToday.terminationDate),
                    })
                  : t("actions.dissolutionClosed", { opens: f(s.dissolutionToday.nextWindowOpens) })
              }
            >
              <ContractForm
                {...common}
                kind="dissolution"
                submitLabel={t("actions.dissolutionSubmit")}
                fields={[
                  { name: "noticeDate", type: "date", label: t("fields.noticeDate"), help: t("fields.noticeDateHelp") },
                ]}
              />
            </ActionPanel>
          ) : null}
          {!ending && !s.hasDissolutionOption ? (
            <ActionPanel
              title={t("actions.ordinaryTitle")}
              body={t("actions.ordinaryBody", {
                deadline: f(s.ordinaryNoticeToday.deadline),
                end: f(s.ordinaryNoticeToday.terminationDate),
              })}
            >
              <ContractForm
                {...common}
                kind="ordinary_notice"
                submitLabel={t("actions.ordinarySubmit")}
                fields={[
                  { name: "noticeDate", type: "date", label: t("fields.noticeDate"), help: t("fields.noticeDateHelp") },
                ]}
              />
            </ActionPanel>
          ) : null}
          {!ending ? (
            <ActionPanel
              title={t("actions.cancellationTitle")}
              body={
                s.providerCancellationToday.allowed
                  ? t("actions.cancellationOpen", { end: f(s.providerCancellationToday.terminationDate) })
                  : t("actions.cancellationClosed", { opens: f(s.providerCancellationToday.nextWindowOpens) })
              }
            >
              <ContractForm
                {...common}
                kind="provider_cancellation"
                submitLabel={t("actions.cancellationSubmit")}
                danger
                fields={[{ name: "reason", type: "text", label: t("fields.reasonOptional") }]}
              />
            </ActionPanel>
          ) : null}
          {!ending ? (
            <ActionPanel title={t("actions.divestmentTitle")} body={t("actions.divestmentBody")}>
              <ContractForm
                {...common}
                kind="divestment"
                submitLabel={t("actions.divestmentSubmit")}
                fields={[
                  { name: "noticeDate", type: "date", label: t("fields.noticeDate"), help: t("fields.noticeDateHelp") },
                  { name: "transferred", type: "checkbox", label: t("fields.transferred") },
                ]}
              />
            </ActionPanel>
          ) : null}
          {!ending ? (
            <ActionPanel title={t("actions.immediateTitle")} body={t("actions.immediateBody")}>
              <ContractForm
                {...common}
                kind="immediate"
                danger
                submitLabel={t("actions.immediateSubmit")}
                fields={[
                  {
                    name: "terminationKind",
                    type: "select",
                    label: t("fields.ground"),
                    options: [
                      { value: "BREACH", label: t("noticeKinds.BREACH") },
                      { value: "INSOLVENCY", label: t("noticeKinds.INSOLVENCY") },
                    ],
                  },
                  { name: "reason", type: "textarea", label: t("fields.reason"), required: true },
                ]}
              />
            </ActionPanel>
          ) : null}
          <ActionPanel title={t("actions.feeTitle")} body={t("actions.feeBody", { fee: eur(s.feeInForce) })}>
            <ContractForm
              {...common}
              kind="fee_change"
              testId="fee-form"
              submitLabel={t("actions.feeSubmit")}
              fields={[
                {
                  name: "reason",
                  type: "select",
                  label: t("fields.feeReason"),
                  options: ["YEARLY_RISE", "DOCUMENTED_COST_INCREASE", "ORDERED_SERVICES", "TIER_CHANGE"].map((r) => ({
                    value: r,
                    label: t(`feeReasons.${r}`),
                  })),
                },
                { name: "amount", type: "money", label: t("fields.newMonthlyFee"), required: true },
                { name: "date", type: "date", label: t("fields.feeDate"), required: true, defaultValue: day },
                {
                  name: "evidenceReference",
                  type: "text",
                  label: t("fields.evidence"),
                  help: t("fields.evidenceHelp"),
                },
              ]}
            />
          </ActionPanel>
          {s.tier === "PLUS" && s.status !== "TERMINATED" ? (
            <ActionPanel title={t("managed.title")} body={t("managed.body")}>
              <ContractForm
                {...common}
                kind="managed_service"
                testId="managed-service-form"
                submitLabel={t("managed.submit")}
                fields={managedFields(t, s)}
              />
            </ActionPanel>
          ) : null}
          {ending ? (
            <ActionPanel title={t("actions.withdrawTitle")} body={t("actions.withdrawBody")}>
              <ContractForm {...common} kind="reinstate" submitLabel={t("actions.withdrawSubmit")} />
            </ActionPanel>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ActionPanel({ title, body, children }: { title: string; body: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4">
      <h3 className="text-[13px] font-semibold">{title}</h3>
      <p className="mt-0.5 mb-3 text-[13px] text-zinc-500">{body}</p>
      {children}
    </div>
  );
}
