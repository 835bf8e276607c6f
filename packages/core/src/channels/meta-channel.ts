import {
  ZMessengerConfig,
  ZMessengerSecrets,
  ZWhatsAppConfig,
  ZWhatsAppSecrets,
  type TGraphEndpoint,
  type TMessengerConfig,
  type TMessengerSecrets,
  type TWhatsAppConfig,
  type TWhatsAppSecrets,
} from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { decryptSecret } from "../crypto/secret-box";

/** A connected WhatsApp number or Messenger page with its settings and (decrypted) secrets. */
export type TMetaChannel = {
  id: string;
  customerId: string;
  dealerId: string;
  status: "ACTIVE" | "DISABLED";
} & (
  | { type: "WHATSAPP"; config: TWhatsAppConfig; secrets: TWhatsAppSecrets }
  | { type: "MESSENGER"; config: TMessengerConfig; secrets: TMessengerSecrets }
);

type TChannelRow = {
  id: string;
  customerId: string;
  dealerId: string;
  type: string;
  status: "ACTIVE" | "DISABLED";
  config: unknown;
  secretsEncrypted: string | null;
};

/** Null when the row is not a Meta channel or its settings do not parse (never half a channel). */
export function metaChannelOf(row: TChannelRow): TMetaChannel | null {
  if (!row.secretsEncrypted || (row.type !== "WHATSAPP" && row.type !== "MESSENGER")) return null;
  let secrets: unknown;
  try {
    secrets = JSON.parse(decryptSecret(row.secretsEncrypted));
  } catch {
    return null;
  }
  const base = { id: row.id, customerId: row.customerId, dealerId: row.dealerId, status: row.status };
  if (row.type === "WHATSAPP") {
    const config = ZWhatsAppConfig.safeParse(row.config);
    const parsed = ZWhatsAppSecrets.safeParse(secrets);
    return config.success && parsed.success
      ? { ...base, type: "WHATSAPP", config: config.data, secrets: parsed.data }
      : null;
  }
  const config = ZMessengerConfig.safeParse(row.config);
  const parsed = ZMessengerSecrets.safeParse(secrets);
  return config.success && parsed.success
    ? { ...base, type: "MESSENGER", config: config.data, secrets: parsed.data }
    : null;
}

export function graphEndpoint(): TGraphEndpoint {
  const config = getConfig();
  return {
    baseUrl: config.META_GRAPH_URL,
    version: config.META_GRAPH_VERSION,
    timeoutMs: config.META_GRAPH_TIMEOUT_MS,
  };
}
