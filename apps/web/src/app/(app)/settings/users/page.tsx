import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Users } from "lucide-react";
import { listScopeOptions } from "@forecourt/core/accounts/list-scope-options";
import { listTenantUsers } from "@forecourt/core/accounts/list-tenant-users";
import { ActionForm, SubmitButton } from "@/components/accounts/action-form";
import { inputClass } from "@/components/accounts/styles";
import { Badge, Section, statusTone } from "@/components/accounts/section";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { inviteUserAction } from "@/server/actions/users";
import { requireActor } from "@/server/session";
import { RoleAndScopeFields } from "./scope-fields";
import { Field } from "@/components/forms/field";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const { session, actor } = await requireActor("settings.users.manage");
  const t = await getTranslations("users");
  const tr = await getTranslations("shell.roles");
  const format = await getFormatter();
  const customerId = session.active!.customerId;
  const [{ users, invitations }, dealers] = await Promise.all([
    listTenantUsers({ actor, customerId }),
    listScopeOptions({ actor, customerId }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/users" />
      <div className="mx-auto w-full max-w-4xl space-y-6 px-6 py-8">
        <Section title={t("inviteTitle")} description={t("inviteBody")} testId="invite-user">
          <ActionForm action={inviteUserAction} className="space-y-4 px-5 py-4" success={t("invited")}>
            <Field label={t("email")}>
              <input id="invite-email" name="email" type="email" required className={`${inputClass} max-w-sm`} />
            </Field>
            <RoleAndScopeFields dealers={dealers} allowOwner={session.active?.role === "OWNER"} />
            <SubmitButton testId="invite-submit">{t("sendInvite")}</SubmitButton>
          </ActionForm>
        </Section>

        <Section title={t("listTitle")} description={t("listBody", { count: users.length })} testId="user-list">
          {users.length === 0 ? (
            <EmptyState icon={Users} title={t("emptyTitle")} body={t("emptyBody")} />
          ) : (
            <table className="w-full text-[13px]">
              <thead className="text-left text-xs text-zinc-500">
                <tr className="border-b border-zinc-200">
                  <th className="px-5 py-2 font-medium">{t("name")}</th>
                  <th className="px-3 py-2 font-medium">{t("role")}</th>
                  <th className="px-3 py-2 font-medium">{t("scope")}</th>
                  <th className="px-3 py-2 font-medium">{t("status")}</th>
                  <th className="px-5 py-2 text-right font-medium">{t("lastSeen")}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.membershipId} className="border-b border-zinc-100 last:border-0 hover:bg-zinc-50">
                    <td className="px-5 py-2.5">
                      <Link href={`/settings/users/${u.membershipId}`} className="font-medium hover:underline">
                        {u.name}
                      </Link>
                      <div className="text-xs text-zinc-500">{u.email}</div>
                    </td>
                    <td className="px-3 py-2.5">{tr(u.role)}</td>
                    <td className="px-3 py-2.5 text-zinc-600">
                      {u.dealers.length ? u.dealers.map((d) => d.name).join(", ") : t("allDealers")}
                      {u.departments.length ? (
                        <div className="text-xs text-zinc-500">{u.departments.map((d) => d.name).join(", ")}</div>
                      ) : null}
                    </td>
                    <td className="space-x-1 px-3 py-2.5">
                      <Badge tone={statusTone(u.status)}>{t(`statuses.${u.status}`)}</Badge>
                      {u.userStatus === "SUSPENDED" ? <Badge tone="red">{t("suspended")}</Badge> : null}
                      {u.locked ? <Badge tone="red">{t("locked")}</Badge> : null}
                    </td>
                    <td className="px-5 py-2.5 text-right text-xs text-zinc-500">
                      {u.lastSeenAt ? format.relativeTime(u.lastSeenAt) : t("never")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>

        {invitations.length > 0 ? (
          <Section title={t("pendingTitle")}>
            <ul className="divide-y divide-zinc-100 text-[13px]">
              {invitations.map((i) => (
                <li key={i.id} className="flex items-center justify-between px-5 py-2.5">
                  <span>
                    {i.email} <span className="text-zinc-500">· {tr(i.role)}</span>
                  </span>
                  <span className="text-xs text-zinc-500">
                    {t("expires", { when: format.relativeTime(i.expiresAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </>
  );
}
