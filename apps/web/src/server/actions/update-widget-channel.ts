"use server";

import { revalidatePath } from "next/cache";
import { agentFromSession } from "@forecourt/core/chat/agent";
import { updateWidgetChannel, ZUpdateWidgetChannel } from "@forecourt/core/chat/widget-channels";
import { requirePermission, sessionCan } from "@/server/session";

export type TWidgetChannelState = { status: "idle" | "saved" } | { status: "invalid"; message: string };

/** Settings → Channels: save one widget channel (settings + its dealer's business hours). */
export async function updateWidgetChannelAction(input: unknown): Promise<TWidgetChannelState> {
  const session = await requirePermission("settings.channels.manage");
  const agent = agentFromSession(session);
  if (!agent || !sessionCan(session, "settings.departments.manage")) return { status: "invalid", message: "forbidden" };
  const parsed = ZUpdateWidgetChannel.safeParse(input);
  if (!parsed.success) {
    return {
      status: "invalid",
      message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    };
  }
  await updateWidgetChannel({ agent, input: parsed.data });
  revalidatePath("/settings/channels");
  return { status: "saved" };
}
