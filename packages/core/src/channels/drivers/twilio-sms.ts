import { ChannelSendError } from "@forecourt/channels";
import { fetchTwilioMedia, sendTwilioSms } from "@forecourt/channels/twilio-sms";
import { twilioChannelOf, twilioChannelUrls, twilioEndpoint } from "../twilio-channel";
import {
  optedOutRefusal,
  permanent,
  type TDeliveryDriver,
  type TDriverChannelRow,
  type TDriverIdentity,
} from "./types";

/** SMS/MMS through the dealer's own Twilio account (packages/channels/src/twilio-sms). */

function loadTwilio(row: TDriverChannelRow) {
  const channel = twilioChannelOf(row);
  if (!channel)
    throw new ChannelSendError(permanent("channel_misconfigured", "The channel's settings are incomplete."));
  return channel;
}

const phoneOf = (identities: TDriverIdentity[]) =>
  identities.find((i) => i.externalId.startsWith("phone:"))?.externalId.slice("phone:".length) ?? null;

/** STOP (and its equivalents) recorded on the number: no SMS until the customer sends START. */
const refusal = (identities: TDriverIdentity[]) =>
  optedOutRefusal(
    identities.filter((i) => i.externalId.startsWith("phone:")),
    "sms_opted_out",
    "The customer replied STOP to this number, so Forecourt does not send them SMS. They can send START to receive messages again.",
  );

export const twilioSmsDriver: TDeliveryDriver = {
  refusal,
  async send(job) {
    const channel = loadTwilio(job.channel);
    const to = phoneOf(job.identities);
    if (!to) throw new ChannelSendError(permanent("no_recipient", "This contact has no phone number on this channel."));
    // Checked again here: a STOP can arrive between the agent's send and this job.
    const refused = refusal(job.identities);
    if (refused) throw new ChannelSendError(permanent(refused.code, refused.message));
    return sendTwilioSms(
      {
        endpoint: twilioEndpoint(),
        config: channel.config,
        secrets: channel.secrets,
        statusCallbackUrl: twilioChannelUrls(channel.id).status,
      },
      to,
      job.outbound,
    );
  },
  async fetchMedia(row, media, maxBytes) {
    const channel = loadTwilio(row);
    return fetchTwilioMedia(twilioEndpoint(), channel.config, channel.secrets, media.ref, maxBytes);
  },
};
