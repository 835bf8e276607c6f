import { timeZoneList } from "@forecourt/protocol";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertTriangle, ChevronLeft } from "lucide-react";
import { listTenantUsers } from "@forecourt/core/accounts/list-tenant-users";
import { PRODUCTS } from "@forecourt/core/contract/products";
import { NotFoundError } from "@forecourt/core/errors";
import { getCustomer } from "@forecourt/core/provider/get-customer";
import { listCustomers } from "@forecourt/core/provider/list-customers";
import { ActionForm, SubmitButton } from "@/components/accounts/action-form";
import { inputClass } from "@/components/accounts/styles";
import { Badge, Section, statusTone } from "@/components/accounts/section";
import { ProviderTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { formatEuro } from "@/components/contract/format";
import {
  addDepartmentAction,
  replaceAccountAction,
  saveDealerAction,
  saveSubscriptionAction,
  setCustomerSuspensionAction,
  setUserSuspensionAction,
} from "@/server/actions/provider";
import { inviteUserAction } from "@/server/actions/users";
import { requireActor } from "@/server/session";
import { CustomerForm } from "../../customer-form";
import { Field } from "@/components/forms/field";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("provider"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const { actor } = await requireActor("provider.console");
  if (!UUID.test(customerId)) notFound();
  const t = await getTranslations("providerConsole");
  const tr = await getTranslations("shell.roles");
  const tu = await getTranslations("users");
  const customer = await getCustomer({ actor, customerId }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [{ users, invitations }, all] = await Promise.all([
    listTenantUsers({ actor, customerId }),
    listCustomers({ actor }),
  ]);
  const locale = await getLocale();
  const hiddenCustomer = <input type="hidden" name="customerId" value={customer.id} />;
  // Time zones from the runtime's IANA list (never free text: business hours and reports compute with it).
  const zones = timeZoneList().map((zone) => (
    <option key={zone} value={zone}>
      {zone.replaceAll("_", " ")}
    </option>
  ));

  return (
    <>
      <PageHeader title={t("customerTitle")} />
      <ProviderTabs current="/provider" />
      <div className="mx-auto w-full max-w-5xl space-y-6 px-6 py-6">
        <Link href="/provider" className="inline-flex items-center gap-1 text-[13px] text-zinc-500 hover:text-zinc-800">
          <ChevronLeft className="size-4" aria-hidden="true" />
          {t("allCustomers")}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold tracking-tight" data-testid="customer-name">
            {customer.name}
          </h2>
          <Badge>{t(`kinds.${customer.kind}`)}</Badge>
          <Badge tone={customer.tier === "PLUS" ? "blue" : "zinc"}>{t(`tiers.${customer.tier}`)}</Badge>
          <Badge tone={statusTone(customer.status)}>
            <span data-testid="customer-status">{t(`statuses.${customer.status}`)}</span>
          </Badge>
          {customer.parent ? (
            <Link
              href={`/provider/customers/${customer.parent.id}`}
              className="text-[13px] text-zinc-500 hover:underline"
            >
              {t("partOf", { name: customer.parent.name })}
            </Link>
          ) : null}
        </div>
        {customer.status === "SUSPENDED" ? (
          <div
            role="status"
            className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-[13px] text-red-800"
          >
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            {t("suspendedBanner", { reason: customer.suspendedReason ?? "" })}
          </div>
        ) : null}

        <Section title={t("detailsTitle")}>
          <CustomerForm customer={customer} parents={all} />
        </Section>

        {customer.children.length > 0 ? (
          <Section title={t("childrenTitle")}>
            <ul className="divide-y divide-zinc-100 text-[13px]">
              {customer.children.map((c) => (
                <li key={c.id} className="flex items-center justify-between px-5 py-2.5">
                  <Link href={`/provider/customers/${c.id}`} className="font-medium hover:underline">
                    {c.name}
                  </Link>
                  <span className="text-xs text-zinc-500">{t(`kinds.${c.kind}`)}</span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}

        <Section title={t("dealersTitle")} description={t("dealersBody")} testId="dealers">
          <ul className="divide-y divide-zinc-100">
            {customer.dealers.map((dealer) => (
              <li key={dealer.id} className="px-5 py-3" data-testid="dealer-row">
                <div className="flex items-baseline justify-between">
                  <span className="text-[13px] font-medium">{dealer.name}</span>
                  <span className="text-xs text-zinc-500">
                    {[dealer.city, dealer.timeZone].filter(Boolean).join(" · ")}
                  </span>
                </div>
                <details className="mt-1 text-[13px]">
                  <summary className="cursor-pointer text-xs text-zinc-500 hover:text-zinc-800">
                    {t("editDealer")}
                  </summary>
                  <ActionForm
                    action={saveDealerAction}
                    className="mt-2 flex flex-wrap items-end gap-2"
                    success={t("saved")}
                  >
                    {hiddenCustomer}
                    <input type="hidden" name="dealerId" value={dealer.id} />
                    <input
                      name="name"
                      required
                      defaultValue={dealer.name}
                      aria-label={t("dealerName")}
                      className={`${inputClass} w-48 py-1`}
                    />
                    <input
                      name="city"
                      defaultValue={dealer.city ?? ""}
                      aria-label={t("city")}
                      className={`${inputClass} w-36 py-1`}
                    />
                    <select
                      name="timeZone"
                      defaultValue={dealer.timeZone}
                      aria-label={t("timeZone")}
                      className={`${inputClass} w-48 py-1`}
                    >
                      {zones}
                    </select>
                    <SubmitButton variant="secondary">{t("save")}</SubmitButton>
                  </ActionForm>
                </details>
                <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
                  {dealer.departments.map((d) => (
                    <Badge key={d.id}>{d.name}</Badge>
                  ))}
                  <ActionForm action={addDepartmentAction} className="flex items-center gap-1.5">
                    {hiddenCustomer}
                    <input type="hidden" name="dealerId" value={dealer.id} />
                    <input
                      name="name"
                      required
                      placeholder={t("newDepartment")}
                      aria-label={t("newDepartment")}
                      className={`${inputClass} w-40 py-1`}
                    />
                    <select name="kind" aria-label={t("departmentKind")} className={`${inputClass} w-28 py-1`}>
                      {["SALES", "SERVICE", "PARTS", "OTHER"].map((k) => (
                        <option key={k} value={k}>
                          {t(`departmentKinds.${k}`)}
                        </option>
                      ))}
                    </select>
                    <SubmitButton variant="secondary">{t("add")}</SubmitButton>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
          <ActionForm
            action={saveDealerAction}
            className="flex flex-wrap items-end gap-3 border-t border-zinc-200 px-5 py-4"
            testId="add-dealer"
          >
            {hiddenCustomer}
            <Field label={t("dealerName")}>
              <input id="dealer-name" name="name" required className={`${inputClass} w-56`} />
            </Field>
            <Field label={t("city")}>
              <input id="dealer-city" name="city" className={`${inputClass} w-40`} />
            </Field>
            <Field label={t("timeZone")}>
              <select id="dealer-tz" name="timeZone" defaultValue="Europe/Amsterdam" className={`${inputClass} w-52`}>
                {zones}
              </select>
            </Field>
            <SubmitButton testId="add-dealer-submit">{t("addDealer")}</SubmitButton>
          </ActionForm>
        </Section>

        <Section title={t("usersTitle")} description={t("usersBody", { count: users.length })} testId="customer-users">
          {users.length > 0 ? (
            <table className="w-full text-[13px]">
              <tbody>
                {users.map((u) => (
                  <tr key={u.membershipId} className="border-b border-zinc-100" data-testid="customer-user">
                    <td className="px-5 py-2.5">
                      <Link
                        href={`/provider/customers/${customer.id}/users/${u.membershipId}`}
                        className="font-medium hover:underline"
                      >
                        {u.name}
                      </Link>
                      <div className="text-xs text-zinc-500">{u.email}</div>
                    </td>
                    <td className="px-3 py-2.5">{tr(u.role)}</td>
                    <td className="space-x-1 px-3 py-2.5">
                      <Badge tone={statusTone(u.status)}>{tu(`statuses.${u.status}`)}</Badge>
                      {u.userStatus === "SUSPENDED" ? <Badge tone="red">{tu("suspended")}</Badge> : null}
                    </td>
                    <td className="px-5 py-2.5">
                      <div className="flex justify-end gap-2">
                        <ActionForm action={setUserSuspensionAction}>
                          <input type="hidden" name="userId" value={u.userId} />
                          <input type="hidden" name="suspend" value={u.userStatus === "ACTIVE" ? "true" : "false"} />
                          <SubmitButton
                            variant={u.userStatus === "ACTIVE" ? "danger" : "secondary"}
                            testId="toggle-user-suspension"
                          >
                            {u.userStatus === "ACTIVE" ? t("suspendUser") : t("reenableUser")}
                          </SubmitButton>
                        </ActionForm>
                        <ActionForm action={replaceAccountAction} success={t("replaced")}>
                          <input type="hidden" name="userId" value={u.userId} />
                          <SubmitButton variant="secondary">{t("replaceAccount")}</SubmitButton>
                        </ActionForm>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {invitations.length > 0 ? (
            <ul className="border-b border-zinc-100 px-5 py-2 text-xs text-zinc-500">
              {invitations.map((i) => (
                <li key={i.id}>{t("pendingInvite", { email: i.email, role: tr(i.role) })}</li>
              ))}
            </ul>
          ) : null}
          <ActionForm
            action={inviteUserAction}
            className="flex flex-wrap items-end gap-3 px-5 py-4"
            success={t("invited")}
            testId="invite-admin"
          >
            {hiddenCustomer}
            <Field label={t("adminEmail")}>
              <input id="admin-email" name="email" type="email" required className={`${inputClass} w-64`} />
            </Field>
            <Field label={t("role")}>
              <select id="admin-role" name="role" defaultValue="ADMIN" className={`${inputClass} w-40`}>
                {["OWNER", "ADMIN"].map((r) => (
                  <option key={r} value={r}>
                    {tr(r)}
                  </option>
                ))}
              </select>
            </Field>
            <SubmitButton testId="invite-admin-submit">{t("inviteAdmin")}</SubmitButton>
          </ActionForm>
        </Section>

        <Section title={t("orderFormsTitle")} description={t("orderFormsBody")} testId="order-forms">
          {customer.subscriptions.length > 0 ? (
            <table className="w-full text-[13px]">
              <thead className="text-left text-xs text-zinc-500">
                <tr className="border-b border-zinc-200">
                  <th className="px-5 py-2 font-medium">{t("product")}</th>
                  <th className="px-3 py-2 font-medium">{t("contractDate")}</th>
                  <th className="px-3 py-2 font-medium">{t("trainingDate")}</th>
                  <th className="px-3 py-2 font-medium">{t("term")}</th>
                  <th className="px-5 py-2 text-right font-medium">{t("fees")}</th>
                </tr>
              </thead>
              <tbody>
                {customer.subscriptions.map((s) => (
                  <tr key={s.id} className="border-b border-zinc-100">
                    <td className="px-5 py-2.5">
                      {s.product} <Badge tone={s.tier === "PLUS" ? "blue" : "zinc"}>{t(`tiers.${s.tier}`)}</Badge>
                    </td>
                    <td className="px-3 py-2.5 tabular-nums">{s.contractDate.toISOString().slice(0, 10)}</td>
                    <td className="px-3 py-2.5 tabular-nums">
                      {s.firstTrainingDate?.toISOString().slice(0, 10) ?? "—"}
                    </td>
                    <td className="px-3 py-2.5">{t("months", { count: s.initialTermMonths })}</td>
                    <td className="px-5 py-2.5 text-right text-xs tabular-nums">
                      {t("feeLine", {
                        setup: formatEuro(String(s.setupFee), locale),
                        service: formatEuro(String(s.serviceFees), locale),
                        monthly: formatEuro(String(s.monthlyFee), locale),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="px-5 py-3">
            <Link
              href={`/provider/customers/${customer.id}/subscription`}
              className="text-[13px] font-medium text-brand-700 hover:underline"
              data-testid="subscription-timeline-link"
            >
              {t("subscriptionTimeline")}
            </Link>
          </p>
          <ActionForm
            action={saveSubscriptionAction}
            className="grid gap-3 px-5 py-4 sm:grid-cols-4"
            success={t("saved")}
            testId="add-order-form"
          >
            {hiddenCustomer}
            <Field label={t("product")}>
              <select id="sub-product" name="product" defaultValue={PRODUCTS[0]} className={inputClass}>
                {PRODUCTS.map((product) => (
                  <option key={product} value={product}>
                    {product}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("tier")}>
              <select id="sub-tier" name="tier" defaultValue={customer.tier} className={inputClass}>
                <option value="STANDARD">{t("tiers.STANDARD")}</option>
                <option value="PLUS">{t("tiers.PLUS")}</option>
              </select>
            </Field>
            <TextField id="sub-contract" name="contractDate" type="date" label={t("contractDate")} required />
            <TextField id="sub-training" name="firstTrainingDate" type="date" label={t("trainingDate")} />
            <TextField
              id="sub-term"
              name="initialTermMonths"
              type="number"
              label={t("termMonths")}
              defaultValue="12"
              required
            />
            <TextField id="sub-setup" name="setupFee" label={t("setupFee")} defaultValue="0" />
            <TextField id="sub-service" name="serviceFees" label={t("serviceFees")} defaultValue="0" />
            <TextField id="sub-monthly" name="monthlyFee" label={t("monthlyFee")} required />
            <div className="sm:col-span-4">
              <SubmitButton>{t("saveOrderForm")}</SubmitButton>
            </div>
          </ActionForm>
        </Section>

        <Section title={t("suspensionTitle")} description={t("suspensionBody")} testId="suspension">
          {customer.status === "SUSPENDED" ? (
            <ActionForm action={setCustomerSuspensionAction} className="px-5 py-4">
              {hiddenCustomer}
              <input type="hidden" name="suspend" value="false" />
              <SubmitButton>{t("reinstate")}</SubmitButton>
            </ActionForm>
          ) : (
            <ActionForm action={setCustomerSuspensionAction} className="flex flex-wrap items-end gap-3 px-5 py-4">
              {hiddenCustomer}
              <input type="hidden" name="suspend" value="true" />
              <Field label={t("reason")}>
                <input
                  id="suspend-reason"
                  name="reason"
                  required
                  defaultValue={t("nonPayment")}
                  className={`${inputClass} w-80`}
                />
              </Field>
              <SubmitButton variant="danger" testId="suspend-customer">
                {t("suspendCustomer")}
              </SubmitButton>
            </ActionForm>
          )}
        </Section>
      </div>
    </>
  );
}

/** A plain text (or date) input as a Field. */
function TextField(props: {
  id: string;
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
}) {
  return (
    <Field label={props.label}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        required={props.required}
        className={inputClass}
      />
    </Field>
  );
}
