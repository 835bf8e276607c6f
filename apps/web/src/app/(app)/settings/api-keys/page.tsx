import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BookOpen } from "lucide-react";
import { API_SCOPES } from "@forecourt/auth";
import { getConfig } from "@forecourt/config";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { loadApiKeysPage } from "@/server/handlers/api-keys";
import { pageData } from "@/server/page-data";
import { requirePermission } from "@/server/session";
import { linkButtonClass } from "./styles";
import { ApiKeysManager } from "./api-keys-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

/** Settings → API keys: the keys a CRM or DMS uses for /api/v1 (docs/api.md), each shown once when created. */
export default async function ApiKeysPage() {
  const session = await requirePermission("settings.api_keys.manage");
  const t = await getTranslations("apiKeys");
  const data = pageData(await loadApiKeysPage(session, undefined));
  const create = {
    scopes: [...API_SCOPES],
    dealers: data.dealers,
    mayAllDealers: data.mayAllDealers,
    apiUrl: `${getConfig().WEB_URL}/api/v1`,
  };
  const reference = (
    <Link href="/settings/api-keys/reference" className={linkButtonClass} data-testid="api-reference-link">
      <BookOpen className="size-3.5" aria-hidden="true" />
      {t("reference")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/api-keys" />
      <div className="mx-auto w-full max-w-3xl space-y-5 px-4 py-6 sm:px-6 sm:py-8">
        <ApiKeysManager
          {...create}
          keys={data.keys}
          now={new Date().toISOString()}
          intro={t("intro")}
          reference={reference}
        />
      </div>
    </>
  );
}
