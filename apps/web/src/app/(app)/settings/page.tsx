import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton } from "@/components/accounts/action-form";
import { inputClass } from "@/components/accounts/styles";
import { Section } from "@/components/accounts/section";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { reportMisuseAction } from "@/server/actions/users";
import { requirePermission, sessionCan } from "@/server/session";
import { getConfig } from "@forecourt/config";
import { PushSettings } from "@/components/push/push-settings";
import { LocaleForm } from "./locale-form";
import { Field } from "@/components/forms/field";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const session = await requirePermission("settings.profile");
  const t = await getTranslations("settings");
  const tm = await getTranslations("misuse");
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings" />
      <div className="mx-auto w-full max-w-2xl space-y-6 px-6 py-8">
        <section className="rounded-xl border border-zinc-200">
          <div className="border-b border-zinc-200 px-5 py-4">
            <h2 className="text-sm font-semibold">{t("profileTitle")}</h2>
            <p className="mt-0.5 text-[13px] text-zinc-500">{t("profileBody")}</p>
          </div>
          <dl className="grid grid-cols-[10rem_1fr] gap-y-3 px-5 py-4 text-[13px]">
            <dt className="text-zinc-500">{t("name")}</dt>
            <dd>{session.user.name}</dd>
            <dt className="text-zinc-500">{t("email")}</dt>
            <dd>{session.user.email}</dd>
          </dl>
          <div className="border-t border-zinc-200 px-5 py-4">
            <LocaleForm current={session.user.locale} />
          </div>
          <div className="border-t border-zinc-200 px-5 py-4">
            <PushSettings vapidPublicKey={getConfig().VAPID_PUBLIC_KEY} />
          </div>
        </section>
        {sessionCan(session, "misuse.report") && session.active ? (
          <Section title={tm("title")} description={tm("body")} testId="report-misuse">
            <ActionForm action={reportMisuseAction} className="space-y-3 px-5 py-4" success={tm("sent")}>
              <Field label={tm("description")}>
                <textarea
                  id="misuse-description"
                  name="description"
                  required
                  minLength={10}
                  rows={3}
                  placeholder={tm("placeholder")}
                  className={inputClass}
                />
              </Field>
              <SubmitButton variant="secondary">{tm("submit")}</SubmitButton>
            </ActionForm>
          </Section>
        ) : null}
      </div>
    </>
  );
}
