import { generateSecret, generateSync, generateURI, verifySync } from "otplib";

/** TOTP (RFC 6238, 30 s, 6 digits, SHA-1: what every authenticator app speaks). */
export const TOTP_ISSUER = "Forecourt";
export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/**
 * The time step (floor(unix / 30)) a code belongs to, or null when it is not valid now.
 * Window: ±30 s around now (the previous, current and next step at their edges), for clock
 * drift and typing time. That is safe only because every accepted step is used once: pass the
 * user's last accepted step as `afterTimeStep` and record the new one atomically
 * (security/spend-totp-code.ts), so a code that was seen, or an older one, never works again.
 */
export function matchTotp(secret: string, code: string, options: { afterTimeStep?: number | null } = {}) {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = verifySync({
      secret,
      token,
      epochTolerance: TOTP_PERIOD_SECONDS,
      ...(options.afterTimeStep != null ? { afterTimeStep: options.afterTimeStep } : {}),
    });
    // otplib types the union with HOTP results; a TOTP match always carries its timeStep.
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Whether a code is valid now (no replay check: use spendTotpCode for anything that signs in). */
export function verifyTotp(secret: string, code: string): boolean {
  return matchTotp(secret, code) !== null;
}

/** For tests and tools: the code an authenticator would show now. */
export function currentTotp(secret: string): string {
  return generateSync({ secret });
}
