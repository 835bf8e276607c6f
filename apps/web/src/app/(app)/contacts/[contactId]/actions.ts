"use server";

import { redirect } from "next/navigation";
import { ERASE_OUTSIDE_SCOPE } from "@forecourt/core/contacts/erase-contact";
import { formObject } from "@/server/action-helpers";
import { handleEraseContact } from "@/server/handlers/data-protection";
import { requirePermission } from "@/server/session";

export type TEraseState = { status: "idle" | "confirm" | "forbidden" | "missing" | "outside_scope" };

export async function eraseContactAction(_previous: TEraseState, form: FormData): Promise<TEraseState> {
  const result = await handleEraseContact(await requirePermission("contacts.erase"), formObject(form));
  if (result.ok) redirect("/contacts?erased=1");
  if (result.error === ERASE_OUTSIDE_SCOPE) return { status: "outside_scope" };
  return { status: result.status === 400 ? "confirm" : result.status === 404 ? "missing" : "forbidden" };
}
