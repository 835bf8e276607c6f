import { appDb } from "@forecourt/db";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";

/**
 * Checks a recovery code and spends it: true once. One conditional UPDATE (unused codes of this
 * user only), so of two requests racing with the same code exactly one gets it.
 */
export async function spendRecoveryCode(userId: string, typed: string): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return false;
  const { count } = await appDb().twoFactorRecoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
