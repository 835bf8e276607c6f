"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ForbiddenError } from "@forecourt/core";
import { eraseContact } from "@forecourt/core/contacts/erase-contact";
import { requirePermission } from "@/server/session";
import { tenantActorOf } from "@/server/retention-actor";

export type TEraseState = { status: "idle" | "confirm" | "forbidden" | "missing" };

const ZErase = z.object({ contactId: z.uuid(), confirm: z.literal("on") });

export async function eraseContactAction(_previous: TEraseState, form: FormData): Promise<TEraseState> {
  const session = await requirePermission("contacts.erase");
  const actor = tenantActorOf(session);
  if (!actor) return { status: "forbidden" };
  const parsed = ZErase.safeParse({ contactId: form.get("contactId"), confirm: form.get("confirm") });
  if (!parsed.success) return { status: "confirm" };
  try {
    const result = await eraseContact({ actor, contactId: parsed.data.contactId });
    if (!result) return { status: "missing" };
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "forbidden" };
    throw error;
  }
  redirect("/contacts?erased=1");
}
