import "server-only";
// Keys derived from NEXTAUTH_SECRET (HKDF-SHA256, one label per use), so that the device-cookie
// signature and the TOTP-secret encryption never share a key with next-auth's own JWT.
import { hkdfSync } from "node:crypto";

const TEST_SECRET = "vitest-only-secret-not-for-production";

function rootSecret(): string {
  const s = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (s) return s;
  if (process.env.VITEST) return TEST_SECRET;
  throw new Error("NEXTAUTH_SECRET chưa được đặt.");
}

const cache = new Map<string, Buffer>();

export function derivedKey(label: "device-cookie-v1" | "totp-secret-v1"): Buffer {
  const root = rootSecret();
  const id = `${label}\u0000${root}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", root, "thi-dua", label, 32));
    cache.set(id, key);
  }
  return key;
}
