import QRCode from "qrcode";
import { appDb } from "@forecourt/db";
import { encryptSecret } from "../crypto/secret-box";
import { RuleError } from "../errors";
import { assertMay, type TUserPrincipal } from "../principal";
import { newTotpSecret, totpUri } from "./totp";

/**
 * Starts TOTP enrolment: a new secret, stored encrypted (AES-256-GCM, ENCRYPTION_KEY) but not
 * yet enabled; the user scans the QR code and confirms with a code.
 */
export async function startTwoFactorEnrolment(options: { actor: TUserPrincipal }) {
  const { actor } = options;
  assertMay(actor, "settings.profile");
  const user = await appDb().user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (user.totpEnabledAt) throw new RuleError("already_enabled");
  const secret = newTotpSecret();
  // A new secret: the steps used with an older one say nothing about it.
  await appDb().user.update({
    where: { id: user.id },
    data: { totpSecretEncrypted: encryptSecret(secret), totpLastStep: null },
  });
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 192 }) };
}
