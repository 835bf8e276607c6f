import { appDb } from "@forecourt/db";
import { decryptSecret } from "../crypto/secret-box";
import { matchTotp } from "./totp";

/**
 * Checks a user's TOTP code and spends it: true once per time step. The step is recorded with
 * a conditional UPDATE (only when it is newer than the last one used), so of two requests
 * racing with the same code exactly one gets the row and the other is refused.
 */
export async function spendTotpCode(
  user: {
    id: string;
    totpSecretEncrypted: string | null;
    totpLastStep: number | null;
  },
  code: string,
): Promise<boolean> {
  if (!user.totpSecretEncrypted) return false;
  const step = matchTotp(decryptSecret(user.totpSecretEncrypted), code, { afterTimeStep: user.totpLastStep });
  if (step === null) return false;
  const { count } = await appDb().user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}
