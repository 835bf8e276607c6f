import { getTranslations } from "next-intl/server";
import type { TField, TOperation, TParameter } from "@/server/api/reference";

/*
 * The reference page's pieces, server-rendered: method badges, field lists and operation cards.
 * Fields are rows, not table columns, so long paths and types wrap on a phone instead of
 * scrolling sideways.
 */

const METHOD_TONE: Record<string, string> = {
  GET: "bg-sky-50 text-sky-700 ring-sky-200",
  POST: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  PUT: "bg-amber-50 text-amber-800 ring-amber-200",
  PATCH: "bg-amber-50 text-amber-800 ring-amber-200",
  DELETE: "bg-red-50 text-red-700 ring-red-200",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-flex w-14 shrink-0 justify-center rounded-md py-0.5 font-mono text-[11px] font-semibold ring-1 ring-inset ${METHOD_TONE[method] ?? "bg-zinc-100 text-zinc-700 ring-zinc-200"}`}
    >
      {method}
    </span>
  );
}

export const operationAnchor = (op: TOperation) => `op-${op.id}`;
export const schemaAnchor = (name: string) => `schema-${name}`;

function TypeText({ type, schema: ref }: { type: string; schema?: string | undefined }) {
  if (!ref) return <span className="font-mono text-[12px] text-zinc-500">{type}</span>;
  // "Conversation[]" links the Conversation part to its schema.
  const [before, after] = type.split(ref, 2);
  return (
    <span className="font-mono text-[12px] text-zinc-500">
      {before}
      <a href={`#${schemaAnchor(ref)}`} className="text-brand-700 underline-offset-2 hover:underline">
        {ref}
      </a>
      {after}
    </span>
  );
}

/** One row per field: name, type and "required" on a line; the description beneath. */
export async function FieldList({ fields }: { fields: (TField | (TParameter & { ref?: string }))[] }) {
  const t = await getTranslations("apiReference");
  if (fields.length === 0) return <p className="px-3 py-2 text-xs text-zinc-500">{t("noFields")}</p>;
  return (
    <ul className="divide-y divide-zinc-100">
      {fields.map((f) => {
        const depth = "in" in f ? 0 : f.name.split(".").length - 1;
        return (
          <li
            key={`${"in" in f ? f.in : ""}${f.name}`}
            className="px-3 py-2"
            style={{ paddingLeft: `${0.75 + depth}rem` }}
          >
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <code className="font-mono text-[12px] font-semibold break-all text-zinc-900">{f.name}</code>
              {"in" in f ? (
                <span className="text-[11px] text-zinc-500">{t.has(`in.${f.in}`) ? t(`in.${f.in}`) : f.in}</span>
              ) : null}
              <TypeText type={f.type} schema={f.ref} />
              {f.required ? <span className="text-[11px] font-medium text-amber-700">{t("required")}</span> : null}
            </div>
            {f.description ? <p className="mt-0.5 text-xs text-zinc-600">{f.description}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Block({ title, children }: { title: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200">
      <h4 className="border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs font-semibold text-zinc-700">{title}</h4>
      {children}
    </div>
  );
}

/** One endpoint: method and path, what it does, the scope a key needs, its input and its answer. */
export async function OperationCard({ op }: { op: TOperation }) {
  const t = await getTranslations("apiReference");
  return (
    <article
      id={operationAnchor(op)}
      className="scroll-mt-4 rounded-xl border border-zinc-200 bg-white"
      data-testid="api-operation"
      data-operation={op.id}
    >
      <header className="space-y-2 border-b border-zinc-200 px-4 py-3">
        <div className="flex min-w-0 items-center gap-2">
          <MethodBadge method={op.method} />
          <code className="min-w-0 font-mono text-[13px] font-medium break-all text-zinc-900">{op.path}</code>
        </div>
        <h3 className="text-[14px] font-semibold text-zinc-900">{op.summary}</h3>
        {op.description ? <p className="text-[13px] text-zinc-600">{op.description}</p> : null}
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
          {t("scope")}:
          {op.scope ? (
            <code className="rounded-full border border-zinc-200 bg-zinc-50 px-2 py-0.5 font-mono text-[11px] text-zinc-800">
              {op.scope}
            </code>
          ) : (
            <span>{t("noScope")}</span>
          )}
        </p>
      </header>
      <div className="space-y-3 px-4 py-3">
        {op.parameters.length > 0 ? (
          <Block title={t("parameters")}>
            <FieldList fields={op.parameters} />
          </Block>
        ) : null}
        {op.requestBody ? (
          <Block title={<BodyTitle label={t("requestBody")} schema={op.requestBody.ref} />}>
            <FieldList fields={op.requestBody.fields} />
          </Block>
        ) : null}
        {op.response ? (
          <Block title={<BodyTitle label={t("response", { status: op.response.status })} schema={op.response.ref} />}>
            <FieldList fields={op.response.fields} />
          </Block>
        ) : null}
      </div>
    </article>
  );
}

function BodyTitle({ label, schema: ref }: { label: string; schema?: string | undefined }) {
  return (
    <>
      {label}
      {ref ? (
        <>
          {" · "}
          <a href={`#${schemaAnchor(ref)}`} className="font-mono font-normal text-brand-700 hover:underline">
            {ref}
          </a>
        </>
      ) : null}
    </>
  );
}
