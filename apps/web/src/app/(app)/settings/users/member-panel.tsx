import { getFormatter, getTranslations } from "next-intl/server";
import type { getMember } from "@forecourt/core/accounts/get-member";
import { displayIp } from "@/components/display-ip";
import { ActionForm, SubmitButton } from "@/components/accounts/action-form";
import { Badge, Section, statusTone } from "@/components/accounts/section";
import {
  changeMemberStatusAction,
  forceSignOutAction,
  revokeMemberSessionAction,
  sendPasswordResetAction,
  unlockMemberAction,
  updateMemberAction,
} from "@/server/actions/users";
import { RoleAndScopeFields } from "./scope-fields";

type TMember = Awaited<ReturnType<typeof getMember>>;

/** One user's administration: role and scope, account actions, active sessions. Shared by Settings and the provider console. */
export async function MemberPanel({
  member,
  customerId,
  allowOwner,
}: {
  member: TMember;
  customerId?: string;
  allowOwner: boolean;
}) {
  const t = await getTranslations("users");
  const format = await getFormatter();
  const hidden = (
    <>
      <input type="hidden" name="membershipId" value={member.membershipId} />
      {customerId ? <input type="hidden" name="customerId" value={customerId} /> : null}
    </>
  );
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <span className="flex size-10 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700">
          {member.name.slice(0, 1).toUpperCase()}
        </span>
        <div>
          <div className="text-[15px] font-semibold" data-testid="member-name">
            {member.name}
          </div>
          <div className="text-[13px] text-zinc-500">{member.email}</div>
        </div>
        <div className="ml-auto space-x-1">
          <Badge tone={statusTone(member.status)}>{t(`statuses.${member.status}`)}</Badge>
          {member.userStatus === "SUSPENDED" ? <Badge tone="red">{t("suspended")}</Badge> : null}
          {member.locked ? <Badge tone="red">{t("locked")}</Badge> : null}
          {member.twoFactor ? <Badge tone="blue">{t("twoFactorOn")}</Badge> : null}
        </div>
      </div>

      <Section title={t("roleTitle")} description={t("roleBody")}>
        <ActionForm action={updateMemberAction} className="space-y-4 px-5 py-4" success={t("saved")}>
          {hidden}
          <RoleAndScopeFields
            dealers={member.dealers}
            role={member.role}
            dealerIds={member.dealerIds}
            departmentIds={member.departmentIds}
            allowOwner={allowOwner || member.role === "OWNER"}
          />
          <SubmitButton>{t("save")}</SubmitButton>
        </ActionForm>
      </Section>

      <Section title={t("accountTitle")} description={t("accountBody")}>
        <div className="flex flex-wrap gap-2 px-5 py-4">
          <ActionForm action={sendPasswordResetAction} success={t("resetSent")}>
            {hidden}
            <SubmitButton variant="secondary">{t("resetPassword")}</SubmitButton>
          </ActionForm>
          <ActionForm action={forceSignOutAction} success={t("signedOut")}>
            {hidden}
            <SubmitButton variant="secondary" testId="force-sign-out">
              {t("forceSignOut")}
            </SubmitButton>
          </ActionForm>
          {member.locked ? (
            <ActionForm action={unlockMemberAction} success={t("unlocked")}>
              {hidden}
              <SubmitButton variant="secondary">{t("unlock")}</SubmitButton>
            </ActionForm>
          ) : null}
          {member.status === "ACTIVE" ? (
            <>
              <ActionForm action={changeMemberStatusAction}>
                {hidden}
                <input type="hidden" name="change" value="deactivate" />
                <SubmitButton variant="secondary">{t("deactivate")}</SubmitButton>
              </ActionForm>
              <ActionForm action={changeMemberStatusAction}>
                {hidden}
                <input type="hidden" name="change" value="archive" />
                <SubmitButton variant="danger">{t("archive")}</SubmitButton>
              </ActionForm>
            </>
          ) : member.status === "DEACTIVATED" || member.restorable ? (
            <ActionForm action={changeMemberStatusAction}>
              {hidden}
              <input type="hidden" name="change" value="restore" />
              <SubmitButton>{t("restore")}</SubmitButton>
            </ActionForm>
          ) : (
            <p className="text-xs text-zinc-500">{t("restoreWindowPassed")}</p>
          )}
        </div>
      </Section>

      <Section title={t("sessionsTitle")} description={t("sessionsBody")} testId="sessions">
        {member.sessions.length === 0 ? (
          <p className="px-5 py-4 text-[13px] text-zinc-500">{t("noSessions")}</p>
        ) : (
          <table className="w-full text-[13px]">
            <thead className="text-left text-xs text-zinc-500">
              <tr className="border-b border-zinc-200">
                <th className="px-5 py-2 font-medium">{t("device")}</th>
                <th className="px-3 py-2 font-medium">{t("ip")}</th>
                <th className="px-3 py-2 font-medium">{t("started")}</th>
                <th className="px-3 py-2 font-medium">{t("lastSeen")}</th>
                <th className="px-5 py-2" />
              </tr>
            </thead>
            <tbody>
              {member.sessions.map((s) => (
                <tr key={s.id} className="border-b border-zinc-100 last:border-0">
                  <td className="max-w-xs truncate px-5 py-2.5" title={s.userAgent ?? ""}>
                    {describeDevice(s.userAgent)}
                  </td>
                  <td className="px-3 py-2.5 font-mono text-xs">{displayIp(s.ip)}</td>
                  <td className="px-3 py-2.5 text-xs text-zinc-600">
                    {format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className="px-3 py-2.5 text-xs text-zinc-600">{format.relativeTime(s.lastSeenAt)}</td>
                  <td className="px-5 py-2.5 text-right">
                    <ActionForm action={revokeMemberSessionAction}>
                      {hidden}
                      <input type="hidden" name="sessionId" value={s.id} />
                      <SubmitButton variant="secondary">{t("revoke")}</SubmitButton>
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}

/** "Chrome on macOS" from a user agent; the raw string is in the title attribute. */
function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "—";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : userAgent.split(/[ /]/)[0];
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X|Macintosh/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return os ? `${browser} · ${os}` : (browser ?? "—");
}
