import type { TMediaRef, TOutboundMessage, TSendFailure } from "@forecourt/channels";
import type { TChannelType, TReplyWindow } from "@forecourt/protocol";

/*
 * One delivery driver per channel type (DESIGN.md "Outbound deliveries"): the generic jobs
 * (deliver-message, fetch-inbound-media) and the composer's checks (check-agent-may-write) load
 * the rows and ask the driver of the conversation's channel type; a driver knows its adapter in
 * packages/channels and how its settings are stored. Register a driver in drivers/index.ts.
 */

/** A Channel row as the drivers receive it: settings parsed by the driver, secrets still sealed. */
export type TDriverChannelRow = {
  id: string;
  customerId: string;
  dealerId: string;
  type: TChannelType;
  status: "ACTIVE" | "DISABLED";
  name: string;
  config: unknown;
  secretsEncrypted: string | null;
};

/** How the contact is known on this channel (ContactIdentity rows of the channel's type). */
export type TDriverIdentity = {
  /** "<kind>:<value>", e.g. "wa_id:31612345678" (see resolve-channel-contact identityKey). */
  externalId: string;
  optedOutAt: Date | null;
  optOutReason: string | null;
};

export type TDriverAttachment = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
  bytes: Uint8Array;
  /** A signed link the outside service can fetch the file from (valid for hours). */
  url: string;
};

/** Everything a driver needs to send one committed QUEUED message. */
export type TDeliveryJob = {
  channel: TDriverChannelRow;
  message: {
    id: string;
    conversationId: string;
    body: string;
    /** Message.data (validated content: template, …). */
    data: unknown;
    authorUserId: string | null;
    createdAt: Date;
  };
  contact: { id: string; name: string | null; email: string | null; phone: string | null };
  identities: TDriverIdentity[];
  /** Files of the message (role FILE), read from storage. */
  attachments: TDriverAttachment[];
  /** The message in the adapter's terms: a template, its first file (with the body as caption), or text. */
  outbound: TOutboundMessage;
  window: TReplyWindow;
};

export type TFetchedMedia = { bytes: Uint8Array; mimeType: string | null; fileName?: string | null };

/** Why an agent may not write to this contact now (opted out, blocked the bot); shown as the refusal. */
export type TRefusal = { code: string; message: string };

export type TDeliveryDriver = {
  /**
   * Sends and returns the outside service's id of the message (statuses find it by it). Throws
   * ChannelSendError: retryable failures are retried by the job with backoff, permanent ones
   * recorded as FAILED at once. A misconfigured channel is a permanent failure.
   */
  send(job: TDeliveryJob): Promise<{ externalId: string }>;
  /** Downloads an inbound media reference (TInboundMessage.media.ref) at most maxBytes long. */
  fetchMedia?(channel: TDriverChannelRow, media: TMediaRef, maxBytes: number): Promise<TFetchedMedia>;
  /** Whether free text may be sent now; channels without a window omit it (always open). */
  replyWindow?(lastInboundAt: Date | null, now: Date): TReplyWindow;
  /** Checked before an agent's reply is committed and again before it is sent. */
  refusal?(identities: TDriverIdentity[]): TRefusal | null;
  /** Whether this channel type sends approved templates outside its window. */
  templates?: boolean;
  /**
   * Tells the customer an agent has read their messages up to this one (WhatsApp's blue ticks,
   * Messenger's "Seen"). Best effort: a failure is logged, never shown.
   */
  markRead?(channel: TDriverChannelRow, input: { externalId: string; identities: TDriverIdentity[] }): Promise<void>;
  /** The person's name when the webhook carries none (Messenger's User Profile API); null if unknown. */
  lookupName?(channel: TDriverChannelRow, identities: TDriverIdentity[]): Promise<string | null>;
};

/** The common refusal for an identity an opt-out or block was recorded on. */
export function optedOutRefusal(identities: TDriverIdentity[], code: string, message: string): TRefusal | null {
  return identities.length > 0 && identities.every((i) => i.optedOutAt !== null) ? { code, message } : null;
}

/** A permanent failure in the shape the job records. */
export const permanent = (code: string, message: string): TSendFailure => ({ code, message, retryable: false });
