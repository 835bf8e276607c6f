import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowLeft, FileJson } from "lucide-react";
import { getConfig } from "@forecourt/config";
import { SettingsTabs } from "@/components/accounts/settings-tabs";
import { PageHeader } from "@/components/page-header";
import { openApiDocument } from "@/server/api/openapi";
import { buildReference } from "@/server/api/reference";
import { requirePermission } from "@/server/session";
import { linkButtonClass } from "../styles";
import { FieldList, MethodBadge, OperationCard, operationAnchor, schemaAnchor } from "./parts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiReference"))("title") };
}

/**
 * The API reference, rendered on the server from the OpenAPI document itself (no CDN, no client
 * script): endpoints by tag, the scope each needs, inputs and answers as field lists. The same
 * document is at /api/v1/openapi.json for code generators.
 */
export default async function ApiReferencePage() {
  const session = await requirePermission("settings.api_keys.manage");
  const t = await getTranslations("apiReference");
  const ref = buildReference(openApiDocument());
  const base = `${getConfig().WEB_URL}${ref.baseUrl}`;
  const errorSchema = ref.schemas.find((s) => s.name === ref.errorSchema);
  const section = "scroll-mt-4 space-y-3";
  const h2 = "text-[15px] font-semibold text-zinc-900";
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs session={session} current="/settings/api-keys" />
      <div className="mx-auto flex w-full max-w-6xl gap-8 px-4 py-6 sm:px-6 sm:py-8">
        <nav
          aria-label={t("contents")}
          className="sticky top-6 hidden max-h-[calc(100dvh-3rem)] w-56 shrink-0 self-start overflow-y-auto lg:block"
        >
          <Contents reference={ref} />
        </nav>
        <div className="min-w-0 flex-1 space-y-8" data-testid="api-reference">
          <div className="space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <Link href="/settings/api-keys" className={linkButtonClass}>
                <ArrowLeft className="size-3.5" aria-hidden="true" />
                {t("backToKeys")}
              </Link>
              <a href="/api/v1/openapi.json" className={linkButtonClass} data-testid="openapi-json">
                <FileJson className="size-3.5" aria-hidden="true" />
                {t("download")}
              </a>
            </div>
            <p className="max-w-2xl text-[13px] text-zinc-600">{t("intro", { version: ref.version })}</p>
            <details className="rounded-lg border border-zinc-200 bg-white lg:hidden">
              <summary className="cursor-pointer px-3 py-2 text-[13px] font-medium">{t("contents")}</summary>
              <div className="border-t border-zinc-200 px-3 py-2">
                <Contents reference={ref} />
              </div>
            </details>
          </div>

          <section id="authentication" className={section}>
            <h2 className={h2}>{t("auth.title")}</h2>
            <p className="max-w-2xl text-[13px] text-zinc-600">{t("auth.body")}</p>
            <p className="text-xs text-zinc-500">
              {t("auth.baseUrl")}: <code className="font-mono text-zinc-800">{base}</code>
            </p>
            <pre className="overflow-x-auto rounded-lg bg-zinc-900 px-3 py-2.5 font-mono text-[12px] leading-5 text-zinc-100">
              {`curl ${base}/conversations \\\n  -H "Authorization: Bearer fc_live_…"`}
            </pre>
          </section>

          <section id="errors" className={section}>
            <h2 className={h2}>{t("errors.title")}</h2>
            <p className="max-w-2xl text-[13px] text-zinc-600">{t("errors.body")}</p>
            <div className="grid gap-3 md:grid-cols-2">
              <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
                <ul className="divide-y divide-zinc-100 text-[13px]">
                  {ref.errors.map((e) => (
                    <li key={e.status} className="flex gap-3 px-3 py-2">
                      <code className="w-9 shrink-0 font-mono font-semibold text-zinc-900">{e.status}</code>
                      <span className="text-zinc-600">{e.description}</span>
                    </li>
                  ))}
                </ul>
              </div>
              {errorSchema ? (
                <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
                  <FieldList fields={errorSchema.fields} />
                </div>
              ) : null}
            </div>
          </section>

          <section id="retries" className={section}>
            <h2 className={h2}>{t("writes.title")}</h2>
            <p className="max-w-2xl text-[13px] text-zinc-600">{t("writes.body")}</p>
          </section>

          {ref.tags.length === 0 ? <p className="text-[13px] text-zinc-500">{t("empty")}</p> : null}
          {ref.tags.map((tag) => (
            <section key={tag.name} id={`tag-${tag.name}`} className={section} data-testid="api-tag">
              <h2 className={h2}>{tag.name}</h2>
              {tag.operations.map((op) => (
                <OperationCard key={op.id} op={op} />
              ))}
            </section>
          ))}

          <section id="schemas" className={section}>
            <h2 className={h2}>{t("schemas")}</h2>
            {ref.schemas.map((s) => (
              <div
                key={s.name}
                id={schemaAnchor(s.name)}
                className="scroll-mt-4 overflow-hidden rounded-xl border border-zinc-200 bg-white target:ring-2 target:ring-brand-200"
              >
                <div className="border-b border-zinc-200 px-3 py-2">
                  <h3 className="font-mono text-[13px] font-semibold text-zinc-900">{s.name}</h3>
                  {s.description ? <p className="text-xs text-zinc-600">{s.description}</p> : null}
                </div>
                <FieldList fields={s.fields} />
              </div>
            ))}
          </section>
        </div>
      </div>
    </>
  );
}

async function Contents({ reference }: { reference: ReturnType<typeof buildReference> }) {
  const t = await getTranslations("apiReference");
  const link = "block rounded-md px-2 py-1 text-[13px] text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900";
  return (
    <ul className="space-y-3">
      <li>
        <a href="#authentication" className={link}>
          {t("auth.title")}
        </a>
        <a href="#errors" className={link}>
          {t("errors.title")}
        </a>
        <a href="#retries" className={link}>
          {t("writes.title")}
        </a>
      </li>
      {reference.tags.map((tag) => (
        <li key={tag.name}>
          <a
            href={`#tag-${tag.name}`}
            className="block px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase"
          >
            {tag.name}
          </a>
          <ul className="mt-1">
            {tag.operations.map((op) => (
              <li key={op.id}>
                <a href={`#${operationAnchor(op)}`} className={`${link} flex items-center gap-2`}>
                  <MethodBadge method={op.method} />
                  <span className="truncate">{op.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
      <li>
        <a href="#schemas" className={link}>
          {t("schemas")}
        </a>
      </li>
    </ul>
  );
}
