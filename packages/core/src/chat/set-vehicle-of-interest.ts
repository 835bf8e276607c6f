import { withTenant, type Prisma } from "@forecourt/db";
import { ZVehicleOfInterest, ZWidgetVehicleRequest, type TVehicleOfInterest } from "@forecourt/protocol";
import type { TVisitorPrincipal } from "../principal";
import { NotFoundError } from "../errors";
import { publishConversationChanged } from "./publish-conversation-changed";

/**
 * `Forecourt('setVehicle', …)` during a chat: the car the visitor is looking at becomes the
 * conversation's vehicle of interest (a later call replaces it). Only the visitor's own
 * conversation on its own channel; agents with it open re-read it at once.
 */
export async function setVehicleOfInterest(options: { visitor: TVisitorPrincipal; input: unknown }) {
  const { visitor } = options;
  const input = ZWidgetVehicleRequest.parse(options.input);
  await withTenant(visitor.customerId, async (tx) => {
    const updated = await tx.conversation.updateMany({
      where: { id: input.conversationId, contactId: visitor.contactId, channelId: visitor.channelId },
      data: { vehicleOfInterest: input.vehicle as Prisma.InputJsonObject },
    });
    if (updated.count === 0) throw new NotFoundError("conversation");
  });
  publishConversationChanged(input.conversationId);
  return { ok: true as const };
}

/** A stored vehicle of interest as the inbox shows it; anything that no longer parses is dropped. */
export function parseVehicleOfInterest(value: unknown): TVehicleOfInterest | null {
  if (value === null || value === undefined) return null;
  const parsed = ZVehicleOfInterest.safeParse(value);
  return parsed.success ? parsed.data : null;
}
