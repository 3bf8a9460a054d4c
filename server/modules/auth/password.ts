import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP-recommended argon2id parameters (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 /* Argon2id (a const enum in the typings) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Verified against when the user does not exist, so a wrong username costs the same time as a wrong
 * password — from the first login on (made once with OPTIONS; a test checks it still matches them,
 * so it is never the cheaper or dearer hash).
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$lF87uVmEPC0aoEvYMjQKVA$CZGnolfJU9fl0bwqfSlnM0t+eFO+pQHscf/dWFb0d6M';

/** Checks a password against a stored hash; with no hash, burns the same time and answers false. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/** A new random password: 16 URL-safe characters (96 random bits), for the first admin and for resets that the admin does not type. */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}
