"use server";

import { revalidatePath } from "next/cache";
import { switchActiveTenant } from "@forecourt/core";
import { requireSession } from "@/server/session";

export async function switchTenantAction(customerId: string) {
  const session = await requireSession();
  const result = await switchActiveTenant({
    sessionId: session.sessionId,
    userId: session.user.id,
    input: { customerId },
  });
  revalidatePath("/", "layout");
  return result;
}
