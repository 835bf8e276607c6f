import { hash, verify } from "@node-rs/argon2";

/** Argon2id (the library's Algorithm.Argon2id = 2; a const enum we may not import). */
const ARGON2ID_ALGORITHM = 2;

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). */
const ARGON2ID = { algorithm: ARGON2ID_ALGORITHM, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** Constant-time by construction (argon2 recomputes and compares the whole hash). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified when the account does not exist so that a wrong
 * e-mail and a wrong password take the same time (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
