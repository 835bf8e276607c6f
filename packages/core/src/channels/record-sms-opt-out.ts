import type { TOptOutChange } from "@forecourt/channels/twilio-sms";
import { withTenant } from "@forecourt/db";
import type { TChannelPrincipal } from "../principal";

/**
 * STOP / START from a customer's number (opt-out.ts decides which words count): recorded on the
 * number's ContactIdentity of this channel type (optedOutAt + optOutReason, e.g. "sms:STOP"),
 * cleared by START. The driver's refusal reads it before an agent's reply is committed and
 * again before the job sends. Runs after the message itself is recorded (its identity exists).
 */
export async function recordSmsOptOut(
  principal: TChannelPrincipal,
  phone: string,
  change: TOptOutChange,
  at: Date = new Date(),
): Promise<{ changed: number }> {
  const externalId = `phone:${phone}`;
  const updated = await withTenant(principal.customerId, (tx) =>
    tx.contactIdentity.updateMany({
      where: {
        customerId: principal.customerId,
        channelType: principal.channelType,
        externalId,
        ...(change.optedOut ? {} : { optedOutAt: { not: null } }),
      },
      data: change.optedOut
        ? { optedOutAt: at, optOutReason: `sms:${change.keyword}`.slice(0, 60) }
        : { optedOutAt: null, optOutReason: null },
    }),
  );
  return { changed: updated.count };
}
