// TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) via otplib, and recovery codes.
// Pure functions, no database: lib/auth/two-step.ts does the storing and checking.
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";
import { randomInt } from "node:crypto";

export const ISSUER = "Thi đua";
export const PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;
/** How many steps either side of now a code may come from (clock drift). */
export const WINDOW = 1;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret, algorithm: "sha1", digits: 6, period: PERIOD });
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / PERIOD);
}

/** The code for a time (for tests, the e2e fixture and the README's demo accounts). */
export function totpCode(secret: string, now = Date.now()): string {
  return generateSync({ secret, epoch: Math.floor(now / 1000), algorithm: "sha1", digits: 6, period: PERIOD });
}

/**
 * The time step a 6-digit code belongs to when it is valid now (±WINDOW steps) and newer than
 * `lastStep` (a code is accepted once only, RFC 6238 §5.2); null otherwise.
 */
export function matchTotp(secret: string, code: string, now = Date.now(), lastStep: number | null = null): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = verifySync({
      secret,
      token,
      epoch: Math.floor(now / 1000),
      epochTolerance: WINDOW * PERIOD,
      algorithm: "sha1",
      digits: 6,
      period: PERIOD,
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    return r.valid && "timeStep" in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

// Recovery codes: 10 characters from an alphabet without look-alikes, shown as "xxxxx-xxxxx".
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => {
    const s = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** What the user typed, as stored: lower case, no spaces or dashes. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(input));
}
