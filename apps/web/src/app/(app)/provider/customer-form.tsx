import { getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton } from "@/components/accounts/action-form";
import { inputClass, labelClass } from "@/components/accounts/styles";
import { saveCustomerAction } from "@/server/actions/provider";

type TCustomer = { id: string; name: string; kind: string; tier: string; parentId: string | null };

/** Create (no customer) or edit a customer: name, kind, tier, parent. */
export async function CustomerForm({
  customer,
  parents,
}: {
  customer?: TCustomer;
  parents: { id: string; name: string; kind: string }[];
}) {
  const t = await getTranslations("providerConsole");
  return (
    <ActionForm
      action={saveCustomerAction}
      className="grid gap-4 px-5 py-4 sm:grid-cols-2"
      success={customer ? t("saved") : t("created")}
      testId={customer ? "edit-customer" : "create-customer"}
    >
      {customer ? <input type="hidden" name="customerId" value={customer.id} /> : null}
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="customer-name" className={labelClass}>
          {t("name")}
        </label>
        <input id="customer-name" name="name" required defaultValue={customer?.name} className={inputClass} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="customer-kind" className={labelClass}>
          {t("kind")}
        </label>
        <select id="customer-kind" name="kind" defaultValue={customer?.kind ?? "DEALER_GROUP"} className={inputClass}>
          {["OEM", "NSC", "DEALER_GROUP", "DEALER"].map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="customer-tier" className={labelClass}>
          {t("tier")}
        </label>
        <select id="customer-tier" name="tier" defaultValue={customer?.tier ?? "STANDARD"} className={inputClass}>
          <option value="STANDARD">{t("tiers.STANDARD")}</option>
          <option value="PLUS">{t("tiers.PLUS")}</option>
        </select>
      </div>
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="customer-parent" className={labelClass}>
          {t("parent")}
        </label>
        <select id="customer-parent" name="parentId" defaultValue={customer?.parentId ?? ""} className={inputClass}>
          <option value="">{t("noParent")}</option>
          {parents
            .filter((p) => p.id !== customer?.id && p.kind !== "DEALER")
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {t(`kinds.${p.kind}`)}
              </option>
            ))}
        </select>
      </div>
      <div className="sm:col-span-2">
        <SubmitButton testId={customer ? "save-customer" : "create-customer-submit"}>
          {customer ? t("save") : t("create")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
