import { getTranslations } from "next-intl/server";
import { ActionForm, SubmitButton } from "@/components/accounts/action-form";
import { inputClass } from "@/components/accounts/styles";
import { saveCustomerAction } from "@/server/actions/provider";
import { Field } from "@/components/forms/field";

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
      <Field label={t("name")} className="space-y-1.5 sm:col-span-2">
        <input id="customer-name" name="name" required defaultValue={customer?.name} className={inputClass} />
      </Field>
      <Field label={t("kind")}>
        <select id="customer-kind" name="kind" defaultValue={customer?.kind ?? "DEALER_GROUP"} className={inputClass}>
          {["OEM", "NSC", "DEALER_GROUP", "DEALER"].map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("tier")}>
        <select id="customer-tier" name="tier" defaultValue={customer?.tier ?? "STANDARD"} className={inputClass}>
          <option value="STANDARD">{t("tiers.STANDARD")}</option>
          <option value="PLUS">{t("tiers.PLUS")}</option>
        </select>
      </Field>
      <Field label={t("parent")} className="space-y-1.5 sm:col-span-2">
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
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton testId={customer ? "save-customer" : "create-customer-submit"}>
          {customer ? t("save") : t("create")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
