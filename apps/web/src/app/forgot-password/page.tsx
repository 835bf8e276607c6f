import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicCard } from "@/components/accounts/public-card";
import { ForgotForm } from "./forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publicAccounts"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("publicAccounts");
  return (
    <PublicCard title={t("forgotTitle")} subtitle={t("forgotSubtitle")}>
      <ForgotForm />
      <Link href="/sign-in" className="mt-4 block text-center text-xs text-zinc-500 hover:underline">
        {t("backToSignIn")}
      </Link>
    </PublicCard>
  );
}
