import type { TTx } from "@forecourt/db";
import type { TChannelType } from "@forecourt/protocol";
import { ForbiddenError, RuleError } from "../errors";
import { driverFor } from "./drivers";
import { replyWindowFor } from "./reply-window";

/**
 * Before an agent's reply is committed: on a channel we deliver to (one with a delivery driver)
 * the channel must be enabled, the contact reachable (not opted out, not blocking us) and the
 * reply window open (a template may go when it is closed). Returns the delivery status the
 * message starts with: QUEUED for those channels, else null. An unknown or out-of-scope
 * conversation returns null; sendMessage's own access check refuses it.
 */
export async function checkAgentMayWrite(
  tx: TTx,
  conversationId: string,
  options: { template: boolean; now?: Date },
): Promise<"QUEUED" | null> {
  const [row] = await tx.$queryRaw<
    { type: TChannelType; status: string; lastInboundAt: Date | null; contactId: string }[]
  >`
    SELECT ch."type", ch."status", c."lastInboundAt", c."contactId"
      FROM "Conversation" c JOIN "Channel" ch ON ch."id" = c."channelId"
     WHERE c."id" = ${conversationId}::uuid`;
  const driver = row ? driverFor(row.type) : null;
  if (!row || !driver) return null;
  if (row.status !== "ACTIVE")
    throw new ForbiddenError(
      "channel_disabled",
      "This channel is disabled, so replies cannot be sent. An administrator can enable it in Settings → Channels.",
    );
  if (driver.refusal) {
    const identities = await tx.contactIdentity.findMany({
      where: { contactId: row.contactId, channelType: row.type },
      select: { externalId: true, optedOutAt: true, optOutReason: true },
    });
    const refusal = driver.refusal(identities);
    if (refusal) throw new RuleError(refusal.code, refusal.message);
  }
  const window = replyWindowFor(row.type, row.lastInboundAt, options.now);
  if (window.state === "closed" && !options.template)
    throw new RuleError(
      "reply_window_closed",
      window.templates
        ? "More than 24 hours have passed since the customer last wrote. WhatsApp only allows an approved template now."
        : "More than 7 days have passed since the customer last wrote, so Messenger does not allow a reply. Wait for the customer to write again.",
      { templates: window.templates },
    );
  if (options.template && !window.templates)
    throw new RuleError("templates_unsupported", "This channel has no message templates.");
  return "QUEUED";
}
