import { createHmac } from "node:crypto";

/**
 * What your app's BACKEND does: it knows the channel secret (Settings → Channels → API / OEM app)
 * and signs the identifier of the user who signed in to your app. Never ship the secret inside
 * a mobile or web app: the app asks your backend for the hash.
 */
export function identifierHash(secret: string, identifier: string): string {
  return createHmac("sha256", secret).update(identifier, "utf8").digest("hex");
}
