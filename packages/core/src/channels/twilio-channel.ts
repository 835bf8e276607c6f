import {
  twilioWebhookUrls,
  ZTwilioSmsConfig,
  ZTwilioSmsSecrets,
  type TTwilioEndpoint,
  type TTwilioSmsConfig,
  type TTwilioSmsSecrets,
} from "@forecourt/channels/twilio-sms";
import { getConfig } from "@forecourt/config";
import { encryptSecret, decryptSecret } from "../crypto/secret-box";

/** A connected SMS channel (the dealer's own Twilio account) with its settings and decrypted Auth Token. */
export type TTwilioChannel = {
  id: string;
  customerId: string;
  dealerId: string;
  status: "ACTIVE" | "DISABLED";
  config: TTwilioSmsConfig;
  secrets: TTwilioSmsSecrets;
};

type TChannelRow = {
  id: string;
  customerId: string;
  dealerId: string;
  type: string;
  status: "ACTIVE" | "DISABLED";
  config: unknown;
  secretsEncrypted: string | null;
};

/** Null when the row is not an SMS channel or its settings do not parse (never half a channel). */
export function twilioChannelOf(row: TChannelRow): TTwilioChannel | null {
  if (row.type !== "TWILIO_SMS" || !row.secretsEncrypted) return null;
  let secrets: unknown;
  try {
    secrets = JSON.parse(decryptSecret(row.secretsEncrypted));
  } catch {
    return null;
  }
  const config = ZTwilioSmsConfig.safeParse(row.config);
  const parsed = ZTwilioSmsSecrets.safeParse(secrets);
  if (!config.success || !parsed.success) return null;
  const { id, customerId, dealerId, status } = row;
  return { id, customerId, dealerId, status, config: config.data, secrets: parsed.data };
}

export function sealTwilioSecrets(secrets: TTwilioSmsSecrets): string {
  return encryptSecret(JSON.stringify(ZTwilioSmsSecrets.parse(secrets)));
}

export function twilioEndpoint(): TTwilioEndpoint {
  const config = getConfig();
  return { apiUrl: config.TWILIO_API_URL, timeoutMs: config.TWILIO_TIMEOUT_MS };
}

/** The channel's webhook URLs as Twilio must call them: from WEB_URL, never from a request's headers. */
export function twilioChannelUrls(channelId: string) {
  return twilioWebhookUrls(getConfig().WEB_URL, channelId);
}
