import { createHmac } from "node:crypto";
import {
  ZEmailConfig,
  offlineResolver,
  type TDnsResolver,
  type TEmailConfig,
  type TSmtpRelay,
} from "@forecourt/channels";
import { getConfig } from "@forecourt/config";

/** A connected e-mail channel with its parsed settings (no secrets: see reply-token.ts). */
export type TEmailChannel = {
  id: string;
  customerId: string;
  dealerId: string;
  status: "ACTIVE" | "DISABLED";
  type: "EMAIL";
  config: TEmailConfig;
};

type TChannelRow = {
  id: string;
  customerId: string;
  dealerId: string;
  type: string;
  status: "ACTIVE" | "DISABLED";
  config: unknown;
};

/** Null when the row is not an e-mail channel or its settings do not parse (never half a channel). */
export function emailChannelOf(row: TChannelRow): TEmailChannel | null {
  if (row.type !== "EMAIL") return null;
  const config = ZEmailConfig.safeParse(row.config);
  if (!config.success) return null;
  return {
    id: row.id,
    customerId: row.customerId,
    dealerId: row.dealerId,
    status: row.status,
    type: "EMAIL",
    config: config.data,
  };
}

/**
 * The key of reply tokens, derived from AUTH_SECRET (a deployment secret that is never in git):
 * verifying a token needs no database. Rotating AUTH_SECRET makes old tokens unknown; those
 * answers still thread by In-Reply-To/References.
 */
export function replyTokenKey(): string {
  return createHmac("sha256", getConfig().AUTH_SECRET).update("forecourt e-mail reply tokens v1").digest("base64");
}

/**
 * Our outbound Message-IDs and the inbound ones are stored as Message.externalId prefixed with
 * the channel ("<channelId>:<message-id>"): dedupe and threading then only ever match mail of
 * this channel, and the same mail forwarded to two dealers' channels is two messages, not one.
 */
export function emailExternalId(channelId: string, messageId: string): string {
  return `${channelId}:${messageId}`;
}
export function messageIdOfExternalId(externalId: string | null): string | null {
  if (!externalId) return null;
  const colon = externalId.indexOf(":");
  return colon === 36 ? externalId.slice(colon + 1) : null;
}

export function smtpRelay(): TSmtpRelay {
  const config = getConfig();
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    timeoutMs: 15_000,
  };
}

/** SPF/DKIM/DMARC lookups: the system's DNS, or none (EMAIL_AUTH_DNS=off). */
export function emailDnsResolver(): TDnsResolver | undefined {
  return getConfig().EMAIL_AUTH_DNS === "off" ? offlineResolver : undefined;
}
