import type { Prisma } from "@forecourt/db";
import { hashRecoveryCode, newRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

/**
 * A new set of recovery codes for a user, in the caller's transaction: the old set (used or
 * not) is deleted, the new one stored as hashes. Returns the codes in clear: shown once.
 */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  await tx.twoFactorRecoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)!) })),
  });
  return codes;
}
