import { randomBytes } from "node:crypto";
import type { ChannelType, TTx } from "@forecourt/db";
import {
  messengerRouteKey,
  whatsappRouteKey,
  ZMessengerSecrets,
  ZWhatsAppSecrets,
  type TMessengerSecrets,
  type TWhatsAppSecrets,
} from "@forecourt/channels";
import { encryptSecret } from "../crypto/secret-box";
import { NotFoundError, RuleError } from "../errors";
import type { TTenantPrincipal } from "../principal";
import { loadManagedChannel } from "./channel-settings";
import { metaChannelOf } from "./meta-channel";

/*
 * What the Settings → Channels use cases for Meta channels share (connect, credentials, verify
 * token, connection info): the verify token, the inbound route's key, sealing the secrets as
 * one JSON object (Channel.secretsEncrypted), masking them, and loading a channel the principal
 * may manage. Only the last characters of a token or app secret ever leave core.
 */

export type TMetaChannelType = Extract<ChannelType, "WHATSAPP" | "MESSENGER">;
export type TMetaSecrets = TWhatsAppSecrets | TMessengerSecrets;

/** A verify token for Meta's GET handshake: 32 random bytes, 43 characters of base64url. */
export function newVerifyToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The route of inbound events: "whatsapp:<phone_number_id>" or "messenger:<page_id>". */
export function metaRouteKey(type: TMetaChannelType, externalId: string): string {
  return type === "WHATSAPP" ? whatsappRouteKey(externalId) : messengerRouteKey(externalId);
}

/**
 * Meta channels have no embed tag, but Channel.publicKey is required and unique: a random value
 * that is not a widget key (`wk_…`), so the widget endpoints never resolve it.
 */
export function newMetaPublicKey(type: TMetaChannelType): string {
  return `${type === "WHATSAPP" ? "wa" : "fb"}_${randomBytes(18).toString("base64url")}`;
}

export function sealSecrets(type: TMetaChannelType, secrets: TMetaSecrets): string {
  const parsed = type === "WHATSAPP" ? ZWhatsAppSecrets.parse(secrets) : ZMessengerSecrets.parse(secrets);
  return encryptSecret(JSON.stringify(parsed));
}

/** "••••" and the last 4 characters: enough to tell which token is stored, never the token. */
export function maskSecret(secret: string): string {
  return `••••${secret.slice(-4)}`;
}

/** One phone number or page belongs to one channel: never say whose (it may be another customer's). */
export function alreadyConnected(type: TMetaChannelType): RuleError {
  return new RuleError(
    "channel_already_connected",
    type === "WHATSAPP"
      ? "This WhatsApp phone number is already connected to Forecourt. Disconnect it there first, or ask provider support."
      : "This Facebook page is already connected to Forecourt. Disconnect it there first, or ask provider support.",
  );
}

/** Refuses a route key that any tenant already holds (ChannelRoute is global, without RLS). */
export async function assertRouteFree(tx: TTx, type: TMetaChannelType, key: string): Promise<void> {
  const taken = await tx.channelRoute.findUnique({ where: { key }, select: { key: true } });
  if (taken) throw alreadyConnected(type);
}

/**
 * A WhatsApp or Messenger channel of the principal's tenant and dealer scope, with its settings
 * and decrypted secrets (for core only), else NotFound: another type is "not found" too.
 */
export async function loadManagedMetaChannel(tx: TTx, agent: TTenantPrincipal, channelId: string) {
  const row = await loadManagedChannel(tx, agent, channelId);
  if (row.type !== "WHATSAPP" && row.type !== "MESSENGER") throw new NotFoundError("channel");
  const meta = metaChannelOf(row);
  // Unreadable settings are a bug (a changed ENCRYPTION_KEY, a hand-edited row), not the caller's fault.
  if (!meta) throw new Error(`Channel ${row.id}: settings or secrets do not parse`);
  return { row, meta };
}
