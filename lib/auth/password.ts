// argon2id via @node-rs/argon2 (prebuilt binaries as optional npm deps, no postinstall):
// OWASP's minimum m = 19 MiB, t = 2, p = 1 (SECURITY.md), about 70 ms a hash here.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when the account does not exist, so timing matches. */
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword("khong-co-tai-khoan-nay"));
}

/** Password policy for new passwords: at least 10 characters. */
export const PASSWORD_MIN = 10;
