import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollText } from "lucide-react";
import { displayIp } from "@/components/display-ip";
import type { TUserPrincipal } from "@forecourt/core/principal";
import { listAuditEvents, ZAuditFilter } from "@forecourt/core/audit/list-audit-events";
import { EmptyState } from "@/components/empty-state";
import { inputClass } from "./styles";
import { Field } from "@/components/forms/field";

type TParams = Record<string, string | undefined>;

/**
 * The audit log with filters (a GET form, so filters live in the URL) and a CSV export of the
 * same filter. Tenant admins see their own tenant (core enforces it); provider staff see all.
 */
export async function AuditLog({
  actor,
  params,
  provider,
  customers = [],
}: {
  actor: TUserPrincipal;
  params: TParams;
  provider: boolean;
  customers?: { id: string; name: string }[];
}) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v)) as TParams;
  const parsed = ZAuditFilter.safeParse(clean);
  const filter = parsed.success ? parsed.data : { limit: 200 };
  const rows = await listAuditEvents({ actor, filter: { ...filter, limit: 200 } });
  const query = new URLSearchParams(
    Object.entries(clean).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        {provider ? (
          <Field label={t("customer")} className="space-y-1">
            <select
              id="customerId"
              name="customerId"
              defaultValue={clean.customerId ?? ""}
              className={`${inputClass} w-56`}
            >
              <option value="">{t("allCustomers")}</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={t("action")} className="space-y-1">
          <input
            id="action"
            name="action"
            defaultValue={clean.action}
            placeholder="user."
            className={`${inputClass} w-40`}
          />
        </Field>
        <Field label={t("actor")} className="space-y-1">
          <input id="actorEmail" name="actorEmail" defaultValue={clean.actorEmail} className={`${inputClass} w-52`} />
        </Field>
        <Field label={t("from")} className="space-y-1">
          <input id="from" name="from" type="date" defaultValue={clean.from} className={`${inputClass} w-40`} />
        </Field>
        <Field label={t("to")} className="space-y-1">
          <input id="to" name="to" type="date" defaultValue={clean.to} className={`${inputClass} w-40`} />
        </Field>
        <button
          type="submit"
          className="rounded-lg bg-zinc-900 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-zinc-700"
        >
          {t("filter")}
        </button>
        <a
          href={`/api/audit/export${query ? `?${query}` : ""}`}
          className="rounded-lg border border-zinc-300 px-3 py-1.5 text-[13px] font-medium hover:bg-zinc-50"
          data-testid="audit-export"
        >
          {t("export")}
        </a>
      </form>
      {!parsed.success ? <p className="text-xs text-red-700">{t("badFilter")}</p> : null}
      {rows.length === 0 ? (
        <EmptyState icon={ScrollText} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200">
          <table className="w-full text-[13px]" data-testid="audit-table">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t("when")}</th>
                {provider ? <th className="px-3 py-2 font-medium">{t("customer")}</th> : null}
                <th className="px-3 py-2 font-medium">{t("actor")}</th>
                <th className="px-3 py-2 font-medium">{t("action")}</th>
                <th className="px-3 py-2 font-medium">{t("target")}</th>
                <th className="px-4 py-2 font-medium">{t("ip")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className="border-t border-zinc-100 align-top">
                  <td className="whitespace-nowrap px-4 py-2 text-xs text-zinc-600">
                    {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                  </td>
                  {provider ? <td className="px-3 py-2">{r.customerName ?? "—"}</td> : null}
                  <td className="px-3 py-2">{r.actorEmail ?? t("system")}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2 text-xs text-zinc-600">
                    {r.targetType ? `${r.targetType} ${r.targetId?.slice(0, 8) ?? ""}` : "—"}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-500">{displayIp(r.ip)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
