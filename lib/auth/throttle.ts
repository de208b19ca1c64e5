import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

// After 5 failed sign-ins an account+address pair is locked for 15 minutes (issue 2).
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export function throttleKey(email: string, address: string): string {
  return `${email.trim().toLowerCase()}|${address}`;
}

export async function isLocked(db: PrismaClient, key: string, now = new Date()): Promise<boolean> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  return !!row?.lockedUntil && row.lockedUntil > now;
}

/** Counts a failure atomically; the fifth locks the pair. */
export async function recordFailure(db: PrismaClient, key: string, now = new Date()): Promise<void> {
  const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await db.$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, NULL, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."lockedUntil" IS NOT NULL AND "SignInThrottle"."lockedUntil" <= ${now}
                        THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "lockedUntil" = CASE
        WHEN "SignInThrottle"."lockedUntil" IS NOT NULL AND "SignInThrottle"."lockedUntil" <= ${now} THEN NULL
        WHEN "SignInThrottle"."failures" + 1 >= ${MAX_FAILURES} THEN ${lockedUntil}
        ELSE "SignInThrottle"."lockedUntil" END,
      "updatedAt" = ${now}`;
}

export async function clearFailures(db: PrismaClient, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
