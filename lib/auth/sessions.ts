import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { env } from "../server/env";
import { clearFailures, isLocked, recordFailure, throttleKey } from "./throttle";
import { dummyHash, verifyPassword } from "./password";

export type SignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a password and opens a server-side session. Unknown email and wrong password get
 * the same answer and the same work (a dummy hash is verified).
 */
export async function signInWithPassword(
  db: PrismaClient,
  emailRaw: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase();
  const key = throttleKey(email, address);
  if (await isLocked(db, key, now)) return { ok: false, reason: "locked" };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabled: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok || user.disabled) {
    await recordFailure(db, key, now);
    return { ok: false, reason: (await isLocked(db, key, now)) ? "locked" : "invalid" };
  }
  await clearFailures(db, key);
  // A new random id at every sign-in: no session fixation.
  const sessionId = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { id: sessionId, userId: user.id, expiresAt: new Date(now.getTime() + env.SESSION_HOURS * 3600_000) },
  });
  return { ok: true, userId: user.id, sessionId };
}

export async function revokeSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a user (password change, role removal, disabling). */
export async function revokeUserSessions(db: PrismaClient, userId: string): Promise<void> {
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The session if it is live: not revoked, not past its absolute lifetime nor idle too long. */
export async function touchSession(db: PrismaClient, sessionId: string, now = new Date()) {
  const s = await db.session.findUnique({ where: { id: sessionId } });
  if (!s || s.revokedAt || s.expiresAt <= now) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > env.SESSION_IDLE_MINUTES * 60_000) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return s;
}
