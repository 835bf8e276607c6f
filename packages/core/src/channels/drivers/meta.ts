import {
  ChannelSendError,
  fetchMessengerMedia,
  fetchMessengerName,
  fetchWhatsAppMedia,
  markMessengerSeen,
  markWhatsAppRead,
  messengerReplyWindow,
  sendMessenger,
  sendWhatsApp,
  whatsappReplyWindow,
} from "@forecourt/channels";
import { graphEndpoint, metaChannelOf } from "../meta-channel";
import {
  permanent,
  type TDeliveryDriver,
  type TDeliveryJob,
  type TDriverChannelRow,
  type TDriverIdentity,
} from "./types";

/** WhatsApp Cloud API and Messenger Send API through the Graph API (packages/channels). */

function loadMeta(row: TDriverChannelRow) {
  const channel = metaChannelOf(row);
  if (!channel)
    throw new ChannelSendError(permanent("channel_misconfigured", "The channel's settings are incomplete."));
  return channel;
}

/** The value of the contact's identity of one kind ("wa_id", "bsuid", "psid"), if known. */
function identityValue(job: TDeliveryJob, kind: string): string | null {
  const found = job.identities.find((i) => i.externalId.startsWith(`${kind}:`));
  return found ? found.externalId.slice(kind.length + 1) : null;
}

const psidOf = (identities: TDriverIdentity[]) =>
  identities.find((i) => i.externalId.startsWith("psid:"))?.externalId.slice("psid:".length) ?? null;

export const whatsappDriver: TDeliveryDriver = {
  templates: true,
  replyWindow: whatsappReplyWindow,
  async send(job) {
    const channel = loadMeta(job.channel);
    if (channel.type !== "WHATSAPP") throw new Error("whatsappDriver: not a WhatsApp channel");
    return sendWhatsApp(
      { endpoint: graphEndpoint(), config: channel.config, secrets: channel.secrets },
      { phone: identityValue(job, "wa_id"), bsuid: identityValue(job, "bsuid") },
      job.outbound,
    );
  },
  async markRead(row, { externalId }) {
    const channel = loadMeta(row);
    if (channel.type !== "WHATSAPP") throw new Error("whatsappDriver: not a WhatsApp channel");
    await markWhatsAppRead({ endpoint: graphEndpoint(), config: channel.config, secrets: channel.secrets }, externalId);
  },
  async fetchMedia(row, media, maxBytes) {
    const channel = loadMeta(row);
    if (channel.type !== "WHATSAPP") throw new Error("whatsappDriver: not a WhatsApp channel");
    return fetchWhatsAppMedia(
      { endpoint: graphEndpoint(), config: channel.config, secrets: channel.secrets },
      media.ref,
      maxBytes,
    );
  },
};

export const messengerDriver: TDeliveryDriver = {
  replyWindow: messengerReplyWindow,
  async send(job) {
    const channel = loadMeta(job.channel);
    if (channel.type !== "MESSENGER") throw new Error("messengerDriver: not a Messenger channel");
    const psid = identityValue(job, "psid");
    if (!psid) throw new ChannelSendError(permanent("no_recipient", "This contact has no Messenger id."));
    return sendMessenger(
      { endpoint: graphEndpoint(), config: channel.config, secrets: channel.secrets },
      psid,
      job.outbound,
      // Outside the 24-hour window a person may still answer within 7 days (HUMAN_AGENT tag).
      { humanAgentTag: job.window.state === "human_agent" },
    );
  },
  async fetchMedia(_row, media, maxBytes) {
    return fetchMessengerMedia(graphEndpoint(), media.ref, maxBytes);
  },
  async markRead(row, { identities }) {
    const channel = loadMeta(row);
    if (channel.type !== "MESSENGER") throw new Error("messengerDriver: not a Messenger channel");
    const psid = psidOf(identities);
    if (!psid) return;
    await markMessengerSeen({ endpoint: graphEndpoint(), config: channel.config, secrets: channel.secrets }, psid);
  },
  async lookupName(row, identities) {
    const channel = loadMeta(row);
    if (channel.type !== "MESSENGER") throw new Error("messengerDriver: not a Messenger channel");
    const psid = psidOf(identities);
    return psid
      ? fetchMessengerName({ endpoint: graphEndpoint(), config: channel.config, secrets: channel.secrets }, psid)
      : null;
  },
};
