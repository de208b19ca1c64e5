import "server-only";
// TOTP secrets at rest: AES-256-GCM with a key derived from NEXTAUTH_SECRET (lib/auth/keys.ts).
// Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url). Changing NEXTAUTH_SECRET makes the stored
// secrets unreadable: users then sign in with a recovery code, or an admin resets their
// two-step sign-in.
//
// Demo data only: the seed stores the published demo secret as "demo:<base32>" (README), since
// the seed may run without the server's NEXTAUTH_SECRET; the secret is public anyway.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "./keys";

export function sealSecret(base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp-secret-v1"), iv);
  const ct = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

/** The base32 secret, or null when it cannot be read (another key, tampered, malformed). */
export function openSecret(stored: string | null | undefined): string | null {
  if (!stored) return null;
  if (stored.startsWith("demo:")) return /^[A-Z2-7]{16,}$/.test(stored.slice(5)) ? stored.slice(5) : null;
  const parts = stored.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") return null;
  try {
    const [, iv, tag, ct] = parts;
    const decipher = createDecipheriv("aes-256-gcm", derivedKey("totp-secret-v1"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
