import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/logo";
import { getCurrentSession } from "@/server/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage() {
  if (await getCurrentSession()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="size-10" />
          <h1 className="mt-5 text-xl font-semibold tracking-tight">{t("signIn.title")}</h1>
          <p className="mt-1.5 text-sm text-zinc-500">{t("signIn.subtitle")}</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          <SignInForm />
        </div>
        <p className="mt-6 text-center text-xs text-zinc-500">{t("app.tagline")}</p>
      </div>
    </main>
  );
}
