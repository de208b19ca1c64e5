import "server-only";
// OWASP "device cookies" (Slow down online guessing attacks with device cookies): after a
// successful sign-in the browser gets an entry HMAC(key, account ‖ nonce). A later attempt for that
// account carrying a valid entry is counted against that device only, so an attacker's failures
// from unknown clients never lock out the owner's known browser.
//
// The cookie holds up to MAX_ENTRIES entries ("nonce.signature", joined by "~"), one per account
// signed in on this browser. The account itself is not in the cookie: an entry matches an
// account when its signature verifies for that account's e-mail.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { derivedKey } from "./keys";

export const DEVICE_COOKIE_DAYS = 180;
const MAX_ENTRIES = 5;
const ENTRY = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function normEmail(email: string): string {
  return email.trim().toLowerCase();
}

function sign(email: string, nonce: string): string {
  return createHmac("sha256", derivedKey("device-cookie-v1")).update(`${normEmail(email)}\n${nonce}`).digest("base64url");
}

function entries(cookie: string | null | undefined): string[] {
  if (!cookie || cookie.length > 1024) return [];
  return cookie.split("~").filter((e) => ENTRY.test(e)).slice(0, MAX_ENTRIES);
}

/** The nonce of this browser's valid entry for `email`, or null (an unknown client). */
export function deviceFor(cookie: string | null | undefined, email: string): string | null {
  for (const e of entries(cookie)) {
    const [, nonce, sig] = ENTRY.exec(e)!;
    const want = Buffer.from(sign(email, nonce));
    const got = Buffer.from(sig);
    if (got.length === want.length && timingSafeEqual(got, want)) return nonce;
  }
  return null;
}

/** The cookie value after a successful sign-in of `email`: a fresh entry first, others kept. */
export function withDeviceEntry(cookie: string | null | undefined, email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  const fresh = `${nonce}.${sign(email, nonce)}`;
  const others = entries(cookie).filter((e) => deviceFor(e, email) === null);
  return [fresh, ...others].slice(0, MAX_ENTRIES).join("~");
}
