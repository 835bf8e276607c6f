import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getRatingPage } from "@forecourt/core/csat/rating-page";
import { PublicCard } from "@/components/accounts/public-card";
import { RatingForm, TranscriptForm } from "./rating-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rating"))("title") };
}

/** Public: the contact rates a closed conversation and may get its transcript (the signed link is the authority). */
export default async function RatePage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const t = await getTranslations("rating");
  const page = await getRatingPage({ token }).catch(() => null);
  if (!page) {
    return (
      <PublicCard title={t("title")}>
        <p role="alert" className="text-sm text-zinc-700" data-testid="rating-invalid">
          {t("invalid")}
        </p>
      </PublicCard>
    );
  }
  return (
    <PublicCard title={t("heading", { dealer: page.dealerName })} subtitle={t("subtitle")}>
      <div className="space-y-8">
        <RatingForm token={token} initialScore={page.score} initialComment={page.comment ?? ""} />
        <TranscriptForm token={token} hasEmail={page.hasEmail} />
      </div>
    </PublicCard>
  );
}
