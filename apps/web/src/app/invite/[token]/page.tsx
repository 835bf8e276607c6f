import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { previewInvitation } from "@forecourt/core/accounts/accept-invitation";
import { PasswordForm } from "@/components/accounts/password-form";
import { PublicCard } from "@/components/accounts/public-card";
import { acceptInvitationAction } from "@/server/actions/public-accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicAccounts"))("inviteTitle") };
}

/** Public: accept an invitation from the e-mailed link (the token is the only authority). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const t = await getTranslations("publicAccounts");
  const tr = await getTranslations("shell.roles");
  const preview = await previewInvitation(token);
  if (!preview.ok) {
    return (
      <PublicCard title={t("inviteTitle")}>
        <p role="alert" className="text-sm text-zinc-700" data-testid="invite-invalid">
          {t(`errors.${preview.reason}`)}
        </p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm text-brand-700 hover:underline">
          {t("goToSignIn")}
        </Link>
      </PublicCard>
    );
  }
  return (
    <PublicCard
      title={t("inviteTitle")}
      subtitle={t("inviteSubtitle", { customer: preview.customerName, role: tr(preview.role) })}
    >
      <PasswordForm
        action={acceptInvitationAction}
        token={token}
        askName={preview.needsPassword}
        email={preview.email}
        submitLabel={preview.needsPassword ? t("acceptAndSetPassword") : t("accept")}
        doneText={t("inviteDone", { customer: preview.customerName })}
      />
    </PublicCard>
  );
}
