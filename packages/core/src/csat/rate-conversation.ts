import { withTenant } from "@forecourt/db";
import { z } from "zod";
import { conversationSummary } from "../chat/message-event";
import { publishConversation } from "../chat/realtime";
import { recordSystemActivity } from "../chat/record-event";
import { conversationOfLink, ZRatingToken } from "./rating-page";

export const ZRateConversation = ZRatingToken.extend({
  score: z.coerce
    .number({ error: "Choose 1 to 5 stars" })
    .int()
    .min(1, "Choose 1 to 5 stars")
    .max(5, "Choose 1 to 5 stars"),
  comment: z.string().trim().max(1000).optional(),
});

/**
 * The contact rates the conversation (CSAT 1–5, an optional comment) from the link in the closing
 * message. One rating per conversation: a second replaces the first (the unique key decides a
 * race). The agent sees it in the conversation's activity; reports count it.
 */
export async function rateConversation(input: z.input<typeof ZRateConversation>) {
  const { token, score, comment } = ZRateConversation.parse(input);
  const c = await conversationOfLink(token);
  await withTenant(c.customerId, async (tx) => {
    await tx.conversationRating.upsert({
      where: { conversationId: c.id },
      create: { customerId: c.customerId, conversationId: c.id, score, comment: comment || null },
      update: { score, comment: comment || null },
    });
    await recordSystemActivity(tx, {
      customerId: c.customerId,
      conversationId: c.id,
      action: "rated",
      data: { score, comment: comment ? comment.slice(0, 200) : null },
    });
  });
  // The agent's open pane re-reads the conversation: the rating shows at once.
  const summary = await withTenant(c.customerId, (tx) => conversationSummary(tx, c.id));
  if (summary) publishConversation(summary);
  return { score };
}
