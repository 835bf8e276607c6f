"use server";

import { revalidatePath } from "next/cache";
import { formObject, requestMeta } from "@/server/action-helpers";
import { handleUpdateLocale } from "@/server/handlers/account";
import { getCurrentSession } from "@/server/session";

export type TLocaleState = { status: "idle" | "saved" | "invalid" };

export async function updateLocaleAction(_previous: TLocaleState, form: FormData): Promise<TLocaleState> {
  const result = await handleUpdateLocale(await getCurrentSession(), formObject(form), await requestMeta());
  if (!result.ok) return { status: "invalid" };
  revalidatePath("/", "layout");
  return { status: "saved" };
}
