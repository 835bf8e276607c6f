import {
  parseTwilioInbound,
  parseTwilioStatus,
  twilioParamsOf,
  verifyTwilioSignature,
  twilioChannelRouteKey,
  type TTwilioAddressing,
  type TTwilioSmsConfig,
} from "@forecourt/channels/twilio-sms";
import { appDb, withTenant } from "@forecourt/db";
import { z } from "zod";
import { ForbiddenError, InvalidInputError } from "../errors";
import type { TChannelPrincipal } from "../principal";
import { recordInboundEvents, type TRecordCounts } from "./record-inbound-events";
import { recordSmsOptOut } from "./record-sms-opt-out";
import { twilioChannelOf, twilioChannelUrls } from "./twilio-channel";

export type TTwilioWebhookResult = TRecordCounts & { disabled: number; optOuts: number };

const unverified = () =>
  new ForbiddenError("signature_invalid", "The X-Twilio-Signature does not match this channel's Auth Token.");

/**
 * A Twilio webhook for one SMS channel (DESIGN.md "Inbound webhooks"): `kind` "inbound" is a
 * customer's SMS/MMS, "status" a status callback of one of our sends. The channel is the one in
 * the path (never looked up by a Messaging Service SID alone, which loses messages when numbers
 * move); its Auth Token must verify `X-Twilio-Signature` over the public URL built from WEB_URL
 * and the form parameters; then the body must name that channel's account and number (or
 * Messaging Service). Anything else → 403, nothing written, and an unknown channel id looks the
 * same as a forged signature. Inbound messages are deduplicated on MessageSid (and `/n` for an
 * MMS's further files), answered only after commit, MMS files fetched by a job.
 */
export async function receiveTwilioWebhook(options: {
  channelId: string;
  kind: "inbound" | "status";
  rawBody: Uint8Array;
  signature: string | null;
}): Promise<TTwilioWebhookResult> {
  const counts: TTwilioWebhookResult = { recorded: 0, duplicates: 0, statuses: 0, disabled: 0, optOuts: 0 };
  if (!z.uuid().safeParse(options.channelId).success) throw unverified();
  const route = await appDb().channelRoute.findUnique({ where: { key: twilioChannelRouteKey(options.channelId) } });
  if (!route || route.channelId !== options.channelId) throw unverified();
  const row = await withTenant(route.routedCustomerId, (tx) =>
    tx.channel.findUnique({ where: { id: options.channelId } }),
  );
  const channel = row && twilioChannelOf(row);
  if (!channel) throw unverified();

  const params = twilioParamsOf(options.rawBody);
  const urls = twilioChannelUrls(channel.id);
  const publicUrl = options.kind === "inbound" ? urls.inbound : urls.status;
  if (!verifyTwilioSignature({ authToken: channel.secrets.authToken, signature: options.signature, publicUrl, params }))
    throw unverified();

  const principal: TChannelPrincipal = {
    kind: "channel",
    customerId: channel.customerId,
    dealerId: channel.dealerId,
    channelId: channel.id,
    channelType: "TWILIO_SMS",
  };
  if (options.kind === "status") {
    const status = parseTwilioStatus(params);
    if (!status) throw new InvalidInputError("Not a Twilio status callback (MessageSid and MessageStatus expected).");
    // Our number sent it: From is ours, To the customer's.
    assertOurs(channel.config, status, status.from);
    if (channel.status !== "ACTIVE" || !status.event)
      return { ...counts, disabled: channel.status === "ACTIVE" ? 0 : 1 };
    return { ...counts, ...(await recordInboundEvents(principal, [status.event])) };
  }
  const inbound = parseTwilioInbound(params);
  if (!inbound) throw new InvalidInputError("Not a Twilio message (AccountSid, MessageSid, From and To expected).");
  assertOurs(channel.config, inbound, inbound.to);
  // A disabled channel records nothing; Twilio still gets its answer, so it does not retry.
  if (channel.status !== "ACTIVE") return { ...counts, disabled: inbound.messages.length };
  const recorded = await recordInboundEvents(principal, inbound.messages);
  let optOuts = 0;
  if (inbound.optOut && recorded.recorded > 0)
    optOuts = (await recordSmsOptOut(principal, inbound.from, inbound.optOut)).changed;
  return { ...counts, ...recorded, optOuts };
}

/** The body must be about this channel: its account, and its number or its Messaging Service. */
function assertOurs(config: TTwilioSmsConfig, addressing: TTwilioAddressing, ourNumber: string) {
  const accountOk = addressing.accountSid === config.accountSid;
  const senderOk =
    (config.fromNumber !== null && ourNumber === config.fromNumber) ||
    (config.messagingServiceSid !== null && addressing.messagingServiceSid === config.messagingServiceSid);
  if (!accountOk || !senderOk)
    throw new ForbiddenError(
      "channel_mismatch",
      "This webhook is for another Twilio account, number or Messaging Service than the channel in its URL.",
    );
}
