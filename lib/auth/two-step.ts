import "server-only";
// Two-step sign-in (TOTP) state in the database: enrolment, checking a code or a recovery
// code, disabling, and the admin's audited reset. Pure TOTP maths is in ./totp.ts.
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { record } from "../audit/record";
import { can, type Viewer } from "../authz/permissions";
import { AppError } from "../server/errors";
import { anyLocked, clearFailures, codeCounters, recordFailures, WARN_REMAINING, type Client } from "./throttle";
import { hashPassword, verifyPassword } from "./password";
import { openSecret, sealSecret } from "./totp-crypto";
import { looksLikeRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpUri } from "./totp";

/** Roles that must use two-step sign-in (issue 10): upper-unit staff and admins. */
export const TWO_STEP_ROLES: readonly Role[] = ["UPPER_STAFF", "ADMIN"];
/** An enrolment must be confirmed with a code within this many minutes. */
export const ENROL_MINUTES = 15;

export function twoStepRequired(roles: readonly { role: Role }[]): boolean {
  return roles.some((r) => TWO_STEP_ROLES.includes(r.role));
}

export interface TwoStepRow {
  secret: string | null;
  enabledAt: Date | null;
  pendingSecret: string | null;
  pendingAt: Date | null;
  lastStep: number | null;
}

export function isEnrolled(row: TwoStepRow | null | undefined): boolean {
  return !!row?.secret && !!row.enabledAt;
}

function pendingValid(row: TwoStepRow | null | undefined, now: Date): boolean {
  return !!row?.pendingSecret && !!row.pendingAt && now.getTime() - row.pendingAt.getTime() <= ENROL_MINUTES * 60_000;
}

export type CodeCheck = { ok: true; recovery: boolean } | { ok: false; reason: "code_invalid" | "code_locked"; remaining?: number };

/**
 * Checks a second-step code for an enrolled user: a TOTP code not used before, or an unused
 * recovery code (spent on use). Failures are counted on the user's own code counters.
 */
export async function checkSecondStep(db: PrismaClient, userId: string, row: TwoStepRow, code: string, client: Client, now = new Date()): Promise<CodeCheck> {
  const counters = codeCounters(userId, client);
  if (await anyLocked(db, counters, now)) return { ok: false, reason: "code_locked" };
  const secret = openSecret(row.secret);
  const step = secret ? matchTotp(secret, code, now.getTime(), row.lastStep) : null;
  if (step !== null) {
    // Conditional: two requests racing with the same code cannot both pass.
    const won = await db.twoStep.updateMany({ where: { userId, OR: [{ lastStep: null }, { lastStep: { lt: step } }] }, data: { lastStep: step } });
    if (won.count === 1) {
      await clearFailures(db, counters.map((c) => c.key));
      return { ok: true, recovery: false };
    }
  } else if (looksLikeRecoveryCode(code)) {
    const wanted = normaliseRecoveryCode(code);
    const codes = await db.recoveryCode.findMany({ where: { userId, pending: false, usedAt: null }, select: { id: true, hash: true } });
    for (const c of codes) {
      if (await verifyPassword(c.hash, wanted)) {
        const spent = await db.recoveryCode.updateMany({ where: { id: c.id, usedAt: null }, data: { usedAt: now } });
        if (spent.count === 1) {
          await clearFailures(db, counters.map((k) => k.key));
          return { ok: true, recovery: true };
        }
      }
    }
  }
  const counted = await recordFailures(db, counters, now);
  return counted.locked ? { ok: false, reason: "code_locked" } : { ok: false, reason: "code_invalid", ...(counted.remaining <= WARN_REMAINING ? { remaining: counted.remaining } : {}) };
}

/** Confirms a pending enrolment with its first code: the pending secret and codes become active. */
export async function confirmEnrolment(db: PrismaClient, userId: string, code: string, client: Client, now = new Date()): Promise<CodeCheck> {
  const counters = codeCounters(userId, client);
  if (await anyLocked(db, counters, now)) return { ok: false, reason: "code_locked" };
  const row = await db.twoStep.findUnique({ where: { userId } });
  const secret = pendingValid(row, now) ? openSecret(row!.pendingSecret) : null;
  const step = secret ? matchTotp(secret, code, now.getTime(), null) : null;
  if (step !== null && row?.pendingSecret) {
    const done = await db.$transaction(async (tx) => {
      const moved = await tx.twoStep.updateMany({
        where: { userId, pendingSecret: row.pendingSecret },
        data: { secret: row.pendingSecret, enabledAt: now, pendingSecret: null, pendingAt: null, lastStep: step },
      });
      if (moved.count !== 1) return false;
      await tx.recoveryCode.deleteMany({ where: { userId, pending: false } });
      await tx.recoveryCode.updateMany({ where: { userId, pending: true }, data: { pending: false } });
      return true;
    });
    if (done) {
      await clearFailures(db, counters.map((c) => c.key));
      return { ok: true, recovery: false };
    }
  }
  const counted = await recordFailures(db, counters, now);
  return counted.locked ? { ok: false, reason: "code_locked" } : { ok: false, reason: "code_invalid", ...(counted.remaining <= WARN_REMAINING ? { remaining: counted.remaining } : {}) };
}

export interface Enrolment {
  secret: string;
  uri: string;
  recoveryCodes: string[];
}

/**
 * Starts (or restarts) an enrolment: a new secret and 10 recovery codes, kept pending until the
 * first code confirms them. The secret and codes are returned this once, never again.
 */
export async function startEnrolment(db: PrismaClient, userId: string, email: string, now = new Date()): Promise<Enrolment> {
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  const hashes: string[] = [];
  for (const c of recoveryCodes) hashes.push(await hashPassword(normaliseRecoveryCode(c)));
  await db.$transaction(async (tx) => {
    await tx.twoStep.upsert({
      where: { userId },
      create: { userId, pendingSecret: sealSecret(secret), pendingAt: now },
      update: { pendingSecret: sealSecret(secret), pendingAt: now },
    });
    await tx.recoveryCode.deleteMany({ where: { userId, pending: true } });
    await tx.recoveryCode.createMany({ data: hashes.map((hash) => ({ userId, hash, pending: true })) });
  });
  return { secret, uri: totpUri(secret, email), recoveryCodes };
}

export interface TwoStepStatus {
  enabled: boolean;
  required: boolean;
  enabledAt: Date | null;
  recoveryLeft: number;
}

export async function twoStepStatus(db: PrismaClient, userId: string, now = new Date()): Promise<TwoStepStatus> {
  const [row, roles, recoveryLeft] = await Promise.all([
    db.twoStep.findUnique({ where: { userId } }),
    db.roleAssignment.findMany({ where: { userId, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] }, select: { role: true } }),
    db.recoveryCode.count({ where: { userId, pending: false, usedAt: null } }),
  ]);
  return { enabled: isEnrolled(row), required: twoStepRequired(roles), enabledAt: row?.enabledAt ?? null, recoveryLeft };
}

/** Removes a user's two-step sign-in (secret, pending enrolment and recovery codes). */
export async function removeTwoStep(tx: Pick<PrismaClient, "twoStep" | "recoveryCode">, userId: string): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.twoStep.deleteMany({ where: { userId } });
}

/**
 * An admin resets another user's two-step sign-in (lost phone and recovery codes): secret and
 * codes removed, every session of the user ended, one audit row, all in one transaction. A
 * required role enrols again at the next sign-in.
 */
export async function resetTwoStep(db: PrismaClient, viewer: Viewer, emailRaw: string, now = new Date()): Promise<void> {
  if (!can(viewer, "user.twostep_reset", {})) throw new AppError("FORBIDDEN");
  const email = emailRaw.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, twoStep: { select: { enabledAt: true } } } });
  if (!user) throw new AppError("NOT_FOUND", "Không có người dùng với email này.", { email: ["Không có người dùng với email này."] });
  await db.$transaction(async (tx) => {
    const codes = await tx.recoveryCode.count({ where: { userId: user.id, pending: false, usedAt: null } });
    await removeTwoStep(tx, user.id);
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await record(tx, viewer, {
      action: "twostep.reset",
      entity: "User",
      entityId: user.id,
      before: { twoStepEnabledAt: user.twoStep?.enabledAt ?? null, recoveryCodesLeft: codes },
      after: { twoStepEnabledAt: null, recoveryCodesLeft: 0 },
    });
  });
}
