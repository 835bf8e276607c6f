import { getTranslations } from "next-intl/server";

/** While the keys load: the page's shape, so nothing jumps when they arrive. */
export default async function Loading() {
  const t = await getTranslations("apiKeys");
  return (
    <div className="mx-auto w-full max-w-3xl space-y-5 px-4 py-6 sm:px-6 sm:py-8" aria-busy="true">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="h-4 w-2/3 animate-pulse rounded bg-zinc-100" />
      <div className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-2 px-4 py-4">
            <div className="h-3.5 w-40 animate-pulse rounded bg-zinc-100" />
            <div className="h-3 w-64 animate-pulse rounded bg-zinc-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
