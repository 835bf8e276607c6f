import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import { Section } from "@/components/accounts/section";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/server/session";
import { countRecoveryCodesLeft } from "@forecourt/core/security/regenerate-recovery-codes";
import { RecoveryCodesPanel } from "./recovery-codes";
import { TwoFactorDisable, TwoFactorSetup } from "./two-factor-setup";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const session = await requirePermission("settings.profile");
  const t = await getTranslations("twoFactor");
  const { required } = await searchParams;
  const enabled = session.user.twoFactorEnabled;
  const mustEnrol = !!session.user.providerRole && !enabled;
  // Enrolled, but this session was opened with the password alone (before enrolment).
  const mustSignInAgain = !!session.user.providerRole && enabled && !session.twoFactorPassed;
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/two-factor" />
      <div className="mx-auto w-full max-w-2xl space-y-6 px-6 py-8">
        {mustSignInAgain ? (
          <div
            role="alert"
            data-testid="two-factor-sign-in-again"
            className="flex gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-[13px] text-amber-900"
          >
            <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            {t("signInAgain")}
          </div>
        ) : mustEnrol || (required && !enabled) ? (
          <div
            role="alert"
            data-testid="two-factor-required"
            className="flex gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-[13px] text-amber-900"
          >
            <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            {t("requiredForProvider")}
          </div>
        ) : null}
        <Section
          title={t("sectionTitle")}
          description={enabled ? t("enabledBody") : t("disabledBody")}
          actions={
            enabled ? (
              <span
                className="flex items-center gap-1 text-xs font-medium text-emerald-700"
                data-testid="two-factor-on"
              >
                <ShieldCheck className="size-4" aria-hidden="true" />
                {t("on")}
              </span>
            ) : null
          }
        >
          {enabled ? (
            session.user.providerRole ? (
              <p className="px-5 py-4 text-[13px] text-zinc-500">{t("cannotDisable")}</p>
            ) : (
              <TwoFactorDisable />
            )
          ) : (
            <TwoFactorSetup />
          )}
        </Section>
        {enabled ? (
          <Section title={t("recoveryTitle")} description={t("recoveryBody")}>
            <RecoveryCodesPanel left={await countRecoveryCodesLeft(session.user.id)} />
          </Section>
        ) : null}
      </div>
    </>
  );
}
