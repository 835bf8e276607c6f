"use server";

import { revalidatePath } from "next/cache";
import { ZLocale, updateUserLocale } from "@forecourt/core";
import { requirePermission } from "@/server/session";

export type TLocaleState = { status: "idle" | "saved" | "invalid" };

export async function updateLocaleAction(_previous: TLocaleState, form: FormData): Promise<TLocaleState> {
  const session = await requirePermission("settings.profile");
  const parsed = ZLocale.safeParse(form.get("locale"));
  if (!parsed.success) return { status: "invalid" };
  await updateUserLocale({ userId: session.user.id, input: { locale: parsed.data } });
  revalidatePath("/", "layout");
  return { status: "saved" };
}
