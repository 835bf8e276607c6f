"use server";

import { revalidatePath } from "next/cache";
import { requestMeta } from "@/server/action-helpers";
import { handleSwitchTenant } from "@/server/handlers/account";
import { getCurrentSession } from "@/server/session";

export async function switchTenantAction(customerId: string) {
  const result = await handleSwitchTenant(await getCurrentSession(), { customerId }, await requestMeta());
  revalidatePath("/", "layout");
  return result.ok ? { ok: true as const } : { ok: false as const, reason: result.error };
}
