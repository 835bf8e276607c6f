import { getTranslations } from "next-intl/server";
import { inputClass, labelClass } from "@/components/accounts/styles";
import { Field } from "@/components/forms/field";

type TDealer = { id: string; name: string; departments: { id: string; name: string }[] };

/** Role select plus dealer / department checkboxes (none ticked: every dealer). */
export async function RoleAndScopeFields({
  dealers,
  role = "AGENT",
  dealerIds = [],
  departmentIds = [],
  allowOwner,
}: {
  dealers: TDealer[];
  role?: string;
  dealerIds?: string[];
  departmentIds?: string[];
  allowOwner: boolean;
}) {
  const t = await getTranslations("users");
  const ts = await getTranslations("shell.roles");
  const roles = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"].filter((r) => allowOwner || r !== "OWNER");
  return (
    <div className="space-y-4">
      <Field label={t("role")}>
        <select id="role" name="role" defaultValue={role} className={`${inputClass} w-56`}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ts(r)}
            </option>
          ))}
        </select>
      </Field>
      {dealers.length > 0 ? (
        <fieldset className="space-y-1.5">
          <legend className={labelClass}>{t("scope")}</legend>
          <p className="text-xs text-zinc-500">{t("scopeHelp")}</p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {dealers.map((dealer) => (
              <div key={dealer.id} className="rounded-lg border border-zinc-200 px-3 py-2">
                <label className="flex items-center gap-2 text-[13px] font-medium">
                  <input
                    type="checkbox"
                    name="dealerIds"
                    value={dealer.id}
                    defaultChecked={dealerIds.includes(dealer.id)}
                  />
                  {dealer.name}
                </label>
                {dealer.departments.length > 0 ? (
                  <div className="mt-1.5 space-y-1 pl-6">
                    {dealer.departments.map((department) => (
                      <label key={department.id} className="flex items-center gap-2 text-xs text-zinc-600">
                        <input
                          type="checkbox"
                          name="departmentIds"
                          value={department.id}
                          defaultChecked={departmentIds.includes(department.id)}
                        />
                        {department.name}
                      </label>
                    ))}
                  </div>
                ) : null}
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
