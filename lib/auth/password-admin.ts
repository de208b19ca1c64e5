import "server-only";
// Passwords after sign-in (issue 11): a person changes their own (current + new twice, the rule
// of lib/auth/password-rules.ts), which ends their other sessions; whoever keeps the accounts
// resets a forgotten one (user.password_reset: the upper unit for its schools' accounts, the
// school's union chair for plain members), with a temporary password the person must replace at
// the next sign-in (User.mustChangePassword, lib/auth/sessions.ts). Every change is audited.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import type { Viewer } from "../authz/permissions";
import { widestScope } from "../authz/decide";
import { memberScope } from "../authz/scope";
import { record } from "../audit/record";
import { AppError, notFound } from "../server/errors";
import { hashPassword } from "./password";
import { newPasswordProblem, temporaryPassword } from "./password-rules";
import { checkPassword } from "./sessions";
import { placeOf } from "./password-audit";
import { LOCK_MINUTES, MAX_ACCOUNT_FAILURES, MAX_FAILURES, type Client } from "./throttle";
import { accountLockMessage, clientLockMessage } from "./lock-message";

const INVALID = "Dữ liệu chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu.";

export interface ChangeOwnPasswordInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Changes the viewer's own password: the current one checked under the sign-in throttle (so the
 * form cannot be used to guess it), the new one by the rule, typed twice. Every other session of
 * the viewer ends; this one stays. Audited "user.password".
 */
export async function changeOwnPassword(db: PrismaClient, viewer: Viewer, input: ChangeOwnPasswordInput, client: Client, now = new Date()): Promise<void> {
  const checked = await checkPassword(db, viewer.email, input.currentPassword, client, now);
  if (!checked.ok) {
    const message =
      checked.reason === "locked"
        ? checked.acrossAddresses
          ? accountLockMessage(MAX_ACCOUNT_FAILURES, LOCK_MINUTES)
          : clientLockMessage(MAX_FAILURES, LOCK_MINUTES)
        : checked.reason === "invalid" && checked.remaining !== undefined
          ? `Mật khẩu hiện tại không đúng. Còn ${checked.remaining} lần thử trước khi bị tạm khóa 15 phút.`
          : "Mật khẩu hiện tại không đúng.";
    throw new AppError("INVALID", INVALID, { currentPassword: [message] });
  }
  if (checked.user.id !== viewer.userId) throw notFound();
  const problem = newPasswordProblem(input.newPassword, { email: viewer.email, displayName: viewer.displayName, current: input.currentPassword });
  if (problem) throw new AppError("INVALID", INVALID, { newPassword: [problem] });
  if (input.newPassword.normalize("NFC") !== input.confirmPassword.normalize("NFC")) {
    throw new AppError("INVALID", INVALID, { confirmPassword: ["Hai lần nhập mật khẩu mới chưa giống nhau."] });
  }
  await checked.clear();
  const hash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { passwordHash: hash, mustChangePassword: false } });
    const ended = await tx.session.updateMany({ where: { userId: viewer.userId, revokedAt: null, NOT: { id: viewer.sessionId } }, data: { revokedAt: now } });
    await record(tx, viewer, { action: "user.password", entity: "User", entityId: viewer.userId, ...(await placeOf(tx, viewer.userId)), after: { otherSessionsEnded: ended.count } });
  });
}

/** Roles only the administrator may reset the password of (they reach many schools). */
const ADMIN_ONLY: readonly Role[] = ["ADMIN", "UPPER_STAFF"];
/** Roles whose password a school-level keeper (the union chair) may not reset: the school's heads. */
const NOT_BY_SCHOOL: readonly Role[] = ["ADMIN", "UPPER_STAFF", "PRINCIPAL", "UNION_CHAIR"];

export interface ResetPasswordInput {
  email: string;
  /** Typed by the administrator; empty: one is generated and shown once. */
  temporaryPassword?: string;
}

/**
 * Resets a forgotten password (user.password_reset). The account is looked up by e-mail AND the
 * viewer's scope over its member record (an account outside it looks missing); nobody resets
 * their own here, a school-level keeper not the principal's or chair's, and only the
 * administrator an upper-unit or admin account. The temporary password (typed, or generated and
 * returned to be shown once) must be replaced at the next sign-in; every session of the user
 * ends and the sign-in lock on the account is lifted. Audited "user.password_reset" (never the
 * password itself).
 */
export async function resetUserPassword(db: PrismaClient, viewer: Viewer, input: ResetPasswordInput, now = new Date()): Promise<{ email: string; displayName: string; temporaryPassword: string; generated: boolean }> {
  const email = input.email.trim().toLowerCase();
  const scope = widestScope(viewer, "user.password_reset");
  if (!scope) throw notFound();
  const user = await db.user.findFirst({
    where: { email, ...(scope === "all" ? {} : { member: memberScope(viewer, "user.password_reset") }) },
    select: {
      id: true,
      email: true,
      displayName: true,
      member: { select: { schoolId: true, school: { select: { unionUnitId: true } } } },
      roles: { where: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] }, select: { role: true } },
    },
  });
  const notFoundHere = () => new AppError("NOT_FOUND", "Không có người dùng với email này trong phạm vi bạn quản lý.", { email: ["Không có người dùng với email này trong phạm vi bạn quản lý."] });
  if (!user) throw notFoundHere();
  if (user.id === viewer.userId) throw new AppError("FORBIDDEN", "Đây là tài khoản của bạn: hãy dùng mục “Đổi mật khẩu”.", { email: ["Đây là tài khoản của bạn."] });
  const roles = user.roles.map((r) => r.role);
  if (scope !== "all" && roles.some((r) => ADMIN_ONLY.includes(r))) {
    throw new AppError("FORBIDDEN", "Chỉ quản trị hệ thống đặt lại mật khẩu của tài khoản này.", { email: ["Chỉ quản trị hệ thống đặt lại mật khẩu của tài khoản này."] });
  }
  if (scope === "school" && roles.some((r) => NOT_BY_SCHOOL.includes(r))) {
    throw new AppError("FORBIDDEN", "Mật khẩu của hiệu trưởng và chủ tịch công đoàn do công đoàn cấp trên đặt lại.", { email: ["Mật khẩu của hiệu trưởng và chủ tịch công đoàn do công đoàn cấp trên đặt lại."] });
  }
  const typed = input.temporaryPassword?.trim() ?? "";
  if (typed) {
    const problem = newPasswordProblem(typed, { email: user.email, displayName: user.displayName });
    if (problem) throw new AppError("INVALID", INVALID, { temporaryPassword: [problem.replace("Mật khẩu mới", "Mật khẩu tạm")] });
  }
  const temporary = typed || temporaryPassword((n) => randomBytes(n));
  const hash = await hashPassword(temporary);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: hash, mustChangePassword: true } });
    const ended = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.signInThrottle.deleteMany({ where: { key: { startsWith: `${user.email}|` } } });
    await record(tx, viewer, {
      action: "user.password_reset",
      entity: "User",
      entityId: user.id,
      schoolId: user.member?.schoolId ?? null,
      organisationId: user.member?.school.unionUnitId ?? null,
      after: { email: user.email, mustChangePassword: true, temporaryPassword: typed ? "typed" : "generated", sessionsEnded: ended.count },
    });
  });
  return { email: user.email, displayName: user.displayName, temporaryPassword: temporary, generated: !typed };
}
