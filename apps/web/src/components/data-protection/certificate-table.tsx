import { getFormatter, getTranslations } from "next-intl/server";

export type TCertificateRow = {
  id: string;
  kind: string;
  cutoff: Date | null;
  counts: Record<string, number | string>;
  startedAt: Date;
  finishedAt: Date;
  customer?: { name: string; status: string } | null;
};

/** Deletion certificates: what each run deleted (counts per kind), never content. */
export async function CertificateTable({
  rows,
  showCustomer = false,
}: {
  rows: TCertificateRow[];
  showCustomer?: boolean;
}) {
  const t = await getTranslations("deletions");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[13px]" data-testid="certificates">
        <thead className="border-b border-zinc-200 text-xs text-zinc-500">
          <tr>
            {showCustomer ? <th className="px-5 py-2 font-medium">{t("customer")}</th> : null}
            <th className="px-5 py-2 font-medium">{t("kind")}</th>
            <th className="px-5 py-2 font-medium">{t("cutoff")}</th>
            <th className="px-5 py-2 font-medium">{t("deleted")}</th>
            <th className="px-5 py-2 font-medium">{t("started")}</th>
            <th className="px-5 py-2 font-medium">{t("finished")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((row) => {
            const state = String(row.counts.state).startsWith("completed") ? "completed" : "running";
            const missing =
              typeof row.counts.attachmentFilesMissing === "number" ? row.counts.attachmentFilesMissing : 0;
            // Attachment files are always shown, zero included: "no files deleted" is a fact too.
            const counts = Object.entries(row.counts).filter(
              (e): e is [string, number] =>
                typeof e[1] === "number" &&
                (e[1] > 0 || e[0] === "attachmentFiles") &&
                e[0] !== "attachmentFilesMissing",
            );
            return (
              <tr key={row.id} className="align-top">
                {showCustomer ? (
                  <td className="px-5 py-2.5">
                    <span className="font-medium">{row.customer?.name ?? t("unknownCustomer")}</span>
                    {row.customer?.status === "DELETED" ? (
                      <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600">
                        {t("customerDeleted")}
                      </span>
                    ) : null}
                  </td>
                ) : null}
                <td className="px-5 py-2.5">
                  <span className="font-medium">{t.has(`kinds.${row.kind}`) ? t(`kinds.${row.kind}`) : row.kind}</span>
                  {state === "running" ? (
                    <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-700">
                      {t("interrupted")}
                    </span>
                  ) : null}
                  {missing > 0 ? (
                    <span
                      role="status"
                      className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-[11px] text-red-700"
                      data-testid="files-missing"
                    >
                      {t("filesMissing", { count: missing })}
                    </span>
                  ) : null}
                </td>
                <td className="px-5 py-2.5 whitespace-nowrap text-zinc-600">
                  {row.cutoff ? format.dateTime(row.cutoff, { dateStyle: "medium", timeZone: "UTC" }) : "—"}
                </td>
                <td className="px-5 py-2.5">
                  {counts.length === 0 ? (
                    <span className="text-zinc-500">{t("nothing")}</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1.5">
                      {counts.map(([kind, n]) => (
                        <li key={kind} className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-[12px] text-zinc-700">
                          {t.has(`counts.${kind}`) ? t(`counts.${kind}`) : kind}:{" "}
                          <span className="font-medium tabular-nums">{format.number(n)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="px-5 py-2.5 whitespace-nowrap text-zinc-600">{when(row.startedAt)}</td>
                <td className="px-5 py-2.5 whitespace-nowrap text-zinc-600">{when(row.finishedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
