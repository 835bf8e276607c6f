"use server";

import { revalidatePath } from "next/cache";
import { formObject } from "@/server/action-helpers";
import { handleUpdateRetention } from "@/server/handlers/data-protection";
import { requirePermission } from "@/server/session";

export type TRetentionState =
  | { status: "idle" }
  | { status: "saved"; oldMonths: number; newMonths: number }
  | { status: "unchanged" | "invalid" | "forbidden" };

export async function updateRetentionAction(_previous: TRetentionState, form: FormData): Promise<TRetentionState> {
  const result = await handleUpdateRetention(
    await requirePermission("settings.data_protection.manage"),
    formObject(form),
  );
  if (!result.ok) return { status: result.status === 400 ? "invalid" : "forbidden" };
  revalidatePath("/settings/data-protection");
  const { changed, oldMonths, newMonths } = result.data;
  return changed ? { status: "saved", oldMonths, newMonths } : { status: "unchanged" };
}
