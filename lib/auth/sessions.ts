import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { env } from "../server/env";
import { clearFailures, lockedAcrossAddresses, lockedCounters, passwordCounters, recordFailures, slowDownMs, WARN_REMAINING, type Client } from "./throttle";
import { dummyHash, hashPassword, verifyPassword } from "./password";
import { newPasswordProblem } from "./password-rules";
import { recordAsUser } from "./password-audit";
import { checkSecondStep, confirmEnrolment, isEnrolled, twoStepRequired } from "./two-step";

export type SignInFailure =
  /** Wrong e-mail or password; `remaining` only when few attempts are left; `slowMs` for unknown clients. */
  | { ok: false; reason: "invalid"; remaining?: number; slowMs?: number }
  /** `acrossAddresses`: locked by the account's failures from many addresses, not this client's own. */
  | { ok: false; reason: "locked"; acrossAddresses?: true }
  /** The password was right; the account needs a second-step code (or must enrol first). */
  | { ok: false; reason: "code_required" | "enrol_required" }
  | { ok: false; reason: "code_invalid"; remaining?: number }
  | { ok: false; reason: "code_locked" }
  /** The password was right, but an administrator reset it: choose a new one to sign in. */
  | { ok: false; reason: "password_change_required" }
  /** The new password chosen at sign-in breaks the rule (lib/auth/password-rules.ts). */
  | { ok: false; reason: "new_password_weak"; problem: string };

export type SignInResult = { ok: true; userId: string; sessionId: string; recovery?: boolean } | SignInFailure;

export interface PasswordUser {
  id: string;
  email: string;
  displayName: string;
  mustChangePassword: boolean;
  twoStep: { secret: string | null; enabledAt: Date | null; pendingSecret: string | null; pendingAt: Date | null; lastStep: number | null } | null;
  roles: { role: import("../generated/prisma/enums").Role }[];
}

function asClient(client: string | Client): Client {
  return typeof client === "string" ? { address: client } : client;
}

function lockedFailure(acrossAddresses: boolean): SignInFailure {
  return acrossAddresses ? { ok: false, reason: "locked", acrossAddresses: true } : { ok: false, reason: "locked" };
}

/**
 * The first step: the password, throttled per device or per account (lib/auth/throttle.ts).
 * Unknown email and wrong password get the same answer and the same work (a dummy hash).
 */
export async function checkPassword(
  db: PrismaClient,
  emailRaw: string,
  password: string,
  clientRaw: string | Client,
  now = new Date(),
): Promise<{ ok: true; user: PasswordUser; clear: () => Promise<void> } | SignInFailure> {
  const email = emailRaw.trim().toLowerCase();
  const client = asClient(clientRaw);
  const counters = passwordCounters(email, client);
  const locked = await lockedCounters(db, counters, now);
  if (locked.length) return lockedFailure(lockedAcrossAddresses(locked));
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      displayName: true,
      mustChangePassword: true,
      passwordHash: true,
      disabled: true,
      twoStep: true,
      roles: { where: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] }, select: { role: true } },
    },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !ok || user.disabled) {
    const counted = await recordFailures(db, counters, now);
    if (counted.locked) return lockedFailure(counted.acrossAddresses);
    const slowMs = client.device ? 0 : slowDownMs(counted);
    return {
      ok: false,
      reason: "invalid",
      ...(counted.remaining <= WARN_REMAINING ? { remaining: counted.remaining } : {}),
      ...(slowMs ? { slowMs } : {}),
    };
  }
  return { ok: true, user, clear: () => clearFailures(db, counters.map((c) => c.key)) };
}

/**
 * Signs in: the password, then (when the account has or needs two-step sign-in) the code, then a
 * new server-side session. Privileged roles without two-step sign-in get "enrol_required" until
 * they confirm an enrolment (started with the password, lib/auth/two-step-actions.ts) with its
 * first code here.
 */
export async function signInWithPassword(
  db: PrismaClient,
  emailRaw: string,
  password: string,
  clientRaw: string | Client,
  now = new Date(),
  opts: { code?: string; newPassword?: string } = {},
): Promise<SignInResult> {
  const client = asClient(clientRaw);
  const checked = await checkPassword(db, emailRaw, password, client, now);
  if (!checked.ok) return checked;
  const { user } = checked;
  // A password an administrator reset (lib/auth/password-admin.ts) only opens the way to choose
  // a new one: asked before the second step, so no code is spent on the first round.
  const newPassword = user.mustChangePassword ? (opts.newPassword ?? "") : "";
  if (user.mustChangePassword) {
    if (!newPassword) return { ok: false, reason: "password_change_required" };
    const problem = newPasswordProblem(newPassword, { email: user.email, displayName: user.displayName, current: password });
    if (problem) return { ok: false, reason: "new_password_weak", problem };
  }
  const code = (opts.code ?? "").trim();
  let recovery = false;
  if (isEnrolled(user.twoStep)) {
    if (!code) return { ok: false, reason: "code_required" };
    const second = await checkSecondStep(db, user.id, user.twoStep!, code, client, now);
    if (!second.ok) return second;
    recovery = second.recovery;
  } else if (twoStepRequired(user.roles) || user.twoStep?.pendingSecret) {
    // Not enrolled: a privileged account must enrol; anyone with an enrolment in progress may
    // finish it here with its first code.
    if (!code) {
      if (twoStepRequired(user.roles)) return { ok: false, reason: "enrol_required" };
    } else {
      const confirmed = await confirmEnrolment(db, user.id, code, client, now);
      if (!confirmed.ok) return confirmed;
    }
  }
  await checked.clear();
  if (newPassword) {
    // Only now, with every step passed: the new password replaces the temporary one, and any
    // session somebody opened with the temporary one ends.
    const hash = await hashPassword(newPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: hash, mustChangePassword: false } });
      await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
      await recordAsUser(tx, user, "user.password", { atSignIn: true });
    });
  }
  // A new random id at every sign-in: no session fixation.
  const sessionId = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { id: sessionId, userId: user.id, expiresAt: new Date(now.getTime() + env.SESSION_HOURS * 3600_000) },
  });
  return { ok: true, userId: user.id, sessionId, ...(recovery ? { recovery } : {}) };
}

export async function revokeSession(db: PrismaClient, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of a user (password change, role removal, disabling). */
export async function revokeUserSessions(db: PrismaClient, userId: string): Promise<void> {
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The session if it is live: not revoked, not past its absolute lifetime nor idle too long. */
/** A session row is live: not revoked, not expired, not idle longer than SESSION_IDLE_MINUTES. */
export function sessionIsLive(s: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, now = new Date()): boolean {
  return !s.revokedAt && s.expiresAt > now && now.getTime() - s.lastSeenAt.getTime() <= env.SESSION_IDLE_MINUTES * 60_000;
}

/** Moves a live session's lastSeenAt, at most once a minute (a write per minute, not per request). */
export async function touchIfStale(db: PrismaClient, s: { id: string; lastSeenAt: Date }, now = new Date()): Promise<void> {
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) await db.session.update({ where: { id: s.id }, data: { lastSeenAt: now } });
}
