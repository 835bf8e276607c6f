"use server";

import { revalidatePath } from "next/cache";
import { ForbiddenError } from "@forecourt/core";
import { ZRetentionPeriod, updateRetentionPeriod } from "@forecourt/core/retention/update-retention-period";
import { requirePermission } from "@/server/session";
import { tenantActorOf } from "@/server/retention-actor";

export type TRetentionState =
  | { status: "idle" }
  | { status: "saved"; oldMonths: number; newMonths: number }
  | { status: "unchanged" | "invalid" | "forbidden" };

export async function updateRetentionAction(_previous: TRetentionState, form: FormData): Promise<TRetentionState> {
  const session = await requirePermission("settings.data_protection.manage");
  const actor = tenantActorOf(session);
  if (!actor) return { status: "forbidden" };
  const parsed = ZRetentionPeriod.safeParse({ months: form.get("months") });
  if (!parsed.success) return { status: "invalid" };
  try {
    const result = await updateRetentionPeriod({ actor, input: parsed.data });
    revalidatePath("/settings/data-protection");
    return result.changed
      ? { status: "saved", oldMonths: result.oldMonths, newMonths: result.newMonths }
      : { status: "unchanged" };
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "forbidden" };
    throw error;
  }
}
