"use server";

import { revalidatePath } from "next/cache";
import { handleUpdateWidgetChannel } from "@/server/handlers/inbox";
import { requirePermission } from "@/server/session";

export type TWidgetChannelState = { status: "idle" | "saved" } | { status: "invalid"; message: string };

/** Settings → Channels: save one widget channel (settings + its dealer's business hours). */
export async function updateWidgetChannelAction(input: unknown): Promise<TWidgetChannelState> {
  const result = await handleUpdateWidgetChannel(await requirePermission("settings.channels.manage"), input);
  if (!result.ok) return { status: "invalid", message: result.message ?? result.error };
  revalidatePath("/settings/channels");
  return { status: "saved" };
}
