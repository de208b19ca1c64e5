import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

// Sign-in throttling that cannot be turned into a lock-out weapon (OWASP device cookies):
// - a browser carrying a valid device cookie for the account (it signed in before) is counted
//   on its own: 5 failures lock that device for 15 minutes, nothing else;
// - every other client ("unknown") is counted per account and address (the address is "direct"
//   for everyone without a trusted proxy, so then all unknown clients share one counter per
//   account) and, across addresses, per account with a larger allowance. Unknown clients are
//   also slowed down after their second failure.
// So an attacker's guesses lock the account for unknown clients only; the owner's known
// browser keeps its own allowance.
export const MAX_FAILURES = 5;
/** Failures of unknown clients of one account across all addresses (only differs behind a trusted proxy). */
export const MAX_ACCOUNT_FAILURES = 20;
export const LOCK_MINUTES = 15;
/** Warn when this many attempts (or fewer) remain before a lock. */
export const WARN_REMAINING = 2;

export interface Client {
  /** From the trusted proxy only (lib/auth/address.ts); "direct" otherwise. */
  address: string;
  /** The nonce of a valid device-cookie entry for the account being signed in (lib/auth/device.ts). */
  device?: string | null;
}

export interface Counter {
  key: string;
  max: number;
  /** The account's counter across all addresses (its lock is told apart: lib/auth/lock-message.ts). */
  acrossAddresses?: true;
}

export function throttleKey(email: string, address: string): string {
  return `${email.trim().toLowerCase()}|${address}`;
}

/** The counters an attempt on `email` from `client` is checked and counted against. */
export function passwordCounters(email: string, client: Client): Counter[] {
  const account = email.trim().toLowerCase();
  if (client.device) return [{ key: `${account}|device:${client.device}`, max: MAX_FAILURES }];
  return [
    { key: throttleKey(account, client.address), max: MAX_FAILURES },
    { key: `${account}|*`, max: MAX_ACCOUNT_FAILURES, acrossAddresses: true },
  ];
}

/** The counters for second-step codes of a user (their own allowance, device-aware too). */
export function codeCounters(userId: string, client: Client): Counter[] {
  return [{ key: client.device ? `code:${userId}|device:${client.device}` : `code:${userId}`, max: MAX_FAILURES }];
}

export async function isLocked(db: PrismaClient, key: string, now = new Date()): Promise<boolean> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  return !!row?.lockedUntil && row.lockedUntil > now;
}

/** The counters whose lock is running now (none: not locked). */
export async function lockedCounters(db: PrismaClient, counters: Counter[], now = new Date()): Promise<Counter[]> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: counters.map((c) => c.key) } } });
  const locked = new Set(rows.filter((r) => !!r.lockedUntil && r.lockedUntil > now).map((r) => r.key));
  return counters.filter((c) => locked.has(c.key));
}

export async function anyLocked(db: PrismaClient, counters: Counter[], now = new Date()): Promise<boolean> {
  return (await lockedCounters(db, counters, now)).length > 0;
}

/**
 * Whether a lock comes only from the account's failures across addresses (MAX_ACCOUNT_FAILURES),
 * not from this client's own MAX_FAILURES: the person is told which rule locked them.
 */
export function lockedAcrossAddresses(locked: Counter[]): boolean {
  return locked.length > 0 && locked.every((c) => c.acrossAddresses);
}

/** Counts a failure atomically; the `max`-th locks the key. Returns the failures counted so far. */
export async function recordFailure(db: PrismaClient, key: string, now = new Date(), max = MAX_FAILURES): Promise<number> {
  const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  // A counter starts again once its lock has passed, or when it saw no failure for LOCK_MINUTES.
  const stale = new Date(now.getTime() - LOCK_MINUTES * 60_000);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${max <= 1 ? lockedUntil : null}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN ("SignInThrottle"."lockedUntil" IS NOT NULL AND "SignInThrottle"."lockedUntil" <= ${now})
          OR ("SignInThrottle"."lockedUntil" IS NULL AND "SignInThrottle"."updatedAt" < ${stale}) THEN 1
        ELSE "SignInThrottle"."failures" + 1 END,
      "lockedUntil" = CASE
        WHEN ("SignInThrottle"."lockedUntil" IS NOT NULL AND "SignInThrottle"."lockedUntil" <= ${now})
          OR ("SignInThrottle"."lockedUntil" IS NULL AND "SignInThrottle"."updatedAt" < ${stale}) THEN NULL
        WHEN "SignInThrottle"."failures" + 1 >= ${max} THEN ${lockedUntil}
        ELSE "SignInThrottle"."lockedUntil" END,
      "updatedAt" = ${now}
    RETURNING "failures"`;
  return Number(rows[0]?.failures ?? 1);
}

/**
 * Counts one failure on every counter. Returns whether the client is now locked and how many
 * attempts remain before it would be.
 */
export async function recordFailures(
  db: PrismaClient,
  counters: Counter[],
  now = new Date(),
): Promise<{ locked: boolean; remaining: number; acrossAddresses: boolean }> {
  let remaining = Infinity;
  for (const c of counters) {
    const failures = await recordFailure(db, c.key, now, c.max);
    remaining = Math.min(remaining, c.max - failures);
  }
  const locked = await lockedCounters(db, counters, now);
  return { locked: remaining <= 0 || locked.length > 0, remaining: Math.max(0, remaining), acrossAddresses: lockedAcrossAddresses(locked) };
}

/** Unknown clients wait a little longer after each failure (from the second on), up to 3 s. */
export function slowDownMs(counted: { remaining: number }, max = MAX_FAILURES): number {
  const failures = max - counted.remaining;
  return failures >= 2 ? Math.min(3000, 500 * (failures - 1)) : 0;
}

export async function clearFailures(db: PrismaClient, key: string | string[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: Array.isArray(key) ? key : [key] } } });
}
