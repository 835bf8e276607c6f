import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { checkPasswordResetToken } from "@forecourt/core/accounts/reset-password";
import { PasswordForm } from "@/components/accounts/password-form";
import { PublicCard } from "@/components/accounts/public-card";
import { resetPasswordAction } from "@/server/actions/public-accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicAccounts"))("resetTitle") };
}

/** Public: set a new password from a reset link (single use, expires). */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const t = await getTranslations("publicAccounts");
  const check = await checkPasswordResetToken(token);
  return (
    <PublicCard title={t("resetTitle")}>
      {check.ok ? (
        <PasswordForm
          action={resetPasswordAction}
          token={token}
          askName={false}
          email={check.email}
          submitLabel={t("setPassword")}
          doneText={t("resetDone")}
        />
      ) : (
        <>
          <p role="alert" className="text-sm text-zinc-700" data-testid="reset-invalid">
            {t("errors.invalid")}
          </p>
          <Link href="/forgot-password" className="mt-4 inline-block text-sm text-brand-700 hover:underline">
            {t("askNewLink")}
          </Link>
        </>
      )}
    </PublicCard>
  );
}
