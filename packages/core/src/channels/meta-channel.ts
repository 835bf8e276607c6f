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
import { sha256 } from "../chat/keys";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { NotFoundError, RuleError } from "../errors";
import type { TTenantPrincipal } from "../principal";
import { loadManagedChannel } from "./channel-settings";

/*
 * What the Meta channel use cases (connect, credentials, verify token, connection info) share:
 * the verify token and its route, sealing the secrets, and loading a channel the principal may
 * manage. Secrets are sealed with encryptSecret as one JSON object per channel (Channel.
 * secretsEncrypted); only their last characters ever leave core.
 */

export type TMetaChannelType = Extract<ChannelType, "WHATSAPP" | "MESSENGER">;
export type TMetaSecrets = TWhatsAppSecrets | TMessengerSecrets;

export const META_TYPES: readonly TMetaChannelType[] = ["WHATSAPP", "MESSENGER"];

export function isMetaType(type: ChannelType): type is TMetaChannelType {
  return (META_TYPES as readonly ChannelType[]).includes(type);
}

/** A verify token for Meta's GET handshake: 32 random bytes, 43 characters of base64url. */
export function newVerifyToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The route of the GET handshake: Meta sends the verify token in clear (`hub.verify_token`),
 * so the hook hashes it and looks this key up; the token itself is stored only sealed.
 */
export function metaVerifyRouteKey(verifyToken: string): string {
  return `${META_VERIFY_PREFIX}${sha256(verifyToken)}`;
}
export const META_VERIFY_PREFIX = "meta-verify:";

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

export function openWhatsAppSecrets(sealed: string | null): TWhatsAppSecrets {
  if (!sealed) throw new Error("WhatsApp channel without secrets");
  return ZWhatsAppSecrets.parse(JSON.parse(decryptSecret(sealed)));
}

export function openMessengerSecrets(sealed: string | null): TMessengerSecrets {
  if (!sealed) throw new Error("Messenger channel without secrets");
  return ZMessengerSecrets.parse(JSON.parse(decryptSecret(sealed)));
}

export function openSecrets(type: TMetaChannelType, sealed: string | null): TMetaSecrets {
  return type === "WHATSAPP" ? openWhatsAppSecrets(sealed) : openMessengerSecrets(sealed);
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

/** As loadManagedChannel, for the Meta channel types only (another type is "not found" too). */
export async function loadManagedMetaChannel(tx: TTx, agent: TTenantPrincipal, channelId: string) {
  const channel = await loadManagedChannel(tx, agent, channelId);
  if (!isMetaType(channel.type)) throw new NotFoundError("channel");
  return { ...channel, type: channel.type };
}
