import { generateSecret, generateSync, generateURI, verifySync } from "otplib";

/** TOTP (RFC 6238, 30 s, 6 digits, SHA-1: what every authenticator app speaks). */
export const TOTP_ISSUER = "Forecourt";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** Accepts the current code and one step either side (clock drift). */
export function verifyTotp(secret: string, code: string): boolean {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return verifySync({ secret, token, epochTolerance: 30 }).valid;
  } catch {
    return false;
  }
}

/** For tests and tools: the code an authenticator would show now. */
export function currentTotp(secret: string): string {
  return generateSync({ secret });
}
