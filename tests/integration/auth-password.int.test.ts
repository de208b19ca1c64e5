// Issue 11: a forgotten password is reset by whoever keeps the account (the school's union chair
// for plain members, the upper unit for its schools' people, the administrator for everyone),
// with a temporary password that must be replaced at the next sign-in; everyone changes their
// own password, which ends their other sessions. Every step audited; scope like everywhere else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO, DEMO_PASSWORD } from "@/lib/seed/demo";
import { signInWithPassword } from "@/lib/auth/sessions";
import { loadViewer } from "@/lib/auth/load-viewer";
import { changeOwnPassword, resetUserPassword } from "@/lib/auth/password-admin";
import { verifyPassword } from "@/lib/auth/password";
import { signInErrorCode } from "@/lib/auth/options";

let t: TestDb;
let v: DemoViewers;
const E = DEMO.emails;
const client = { address: "direct" };

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

const user = (email: string) => t.prisma.user.findUniqueOrThrow({ where: { email } });
const liveSessions = async (email: string) => t.prisma.session.count({ where: { user: { email }, revokedAt: null } });

describe("a forgotten password, reset", () => {
  it("the chair resets a plain member's: temporary password shown once, sessions ended, lock lifted, audited", async () => {
    const before = await signInWithPassword(t.prisma, E.STA_MEMBER, DEMO_PASSWORD, client);
    expect(before.ok).toBe(true);
    // The member had locked themselves out with wrong guesses.
    for (let i = 0; i < 5; i++) await signInWithPassword(t.prisma, E.STA_MEMBER, "quen-mat-roi", client);
    expect(await signInWithPassword(t.prisma, E.STA_MEMBER, DEMO_PASSWORD, client)).toEqual({ ok: false, reason: "locked" });

    const r = await resetUserPassword(t.prisma, v.STA_CHAIR, { email: E.STA_MEMBER });
    expect(r.generated).toBe(true);
    expect(r.temporaryPassword).toMatch(/^[A-Za-z2-9]{7}-[A-Za-z2-9]{7}$/);
    const u = await user(E.STA_MEMBER);
    expect(u.mustChangePassword).toBe(true);
    expect(await verifyPassword(u.passwordHash, r.temporaryPassword)).toBe(true);
    expect(await liveSessions(E.STA_MEMBER)).toBe(0);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "user.password_reset", entityId: u.id } });
    expect(audit).toMatchObject({ actorUserId: v.STA_CHAIR.userId, schoolId: DEMO.schools.STA });
    // Never the password itself in the log.
    expect(JSON.stringify(audit.after)).not.toContain(r.temporaryPassword);

    // The temporary password only opens the way to a new one: no session yet.
    const first = await signInWithPassword(t.prisma, E.STA_MEMBER, r.temporaryPassword, client);
    expect(first).toEqual({ ok: false, reason: "password_change_required" });
    expect(signInErrorCode(first as never)).toBe("PASSWORD_CHANGE_REQUIRED");
    const weak = await signInWithPassword(t.prisma, E.STA_MEMBER, r.temporaryPassword, client, new Date(), { newPassword: "ngan1" });
    expect(weak).toMatchObject({ ok: false, reason: "new_password_weak" });
    expect(signInErrorCode(weak as never)).toMatch(/^NEW_PASSWORD_WEAK:Mật khẩu mới cần ít nhất 10 ký tự/);
    expect(await liveSessions(E.STA_MEMBER)).toBe(0);

    const done = await signInWithPassword(t.prisma, E.STA_MEMBER, r.temporaryPassword, client, new Date(), { newPassword: "Hoa-phuong-do-2026" });
    expect(done.ok).toBe(true);
    expect((await user(E.STA_MEMBER)).mustChangePassword).toBe(false);
    expect(await t.prisma.auditLog.count({ where: { action: "user.password", entityId: u.id } })).toBe(1);
    // The temporary one is spent; the new one signs in without asking again.
    expect((await signInWithPassword(t.prisma, E.STA_MEMBER, r.temporaryPassword, client)).ok).toBe(false);
    expect((await signInWithPassword(t.prisma, E.STA_MEMBER, "Hoa-phuong-do-2026", client)).ok).toBe(true);
  });

  it("a typed temporary password must follow the rule", async () => {
    expect(await code(resetUserPassword(t.prisma, v.STA_CHAIR, { email: E.STA_GROUP_LEADER, temporaryPassword: "123" }))).toBe("INVALID");
    const r = await resetUserPassword(t.prisma, v.STA_CHAIR, { email: E.STA_GROUP_LEADER, temporaryPassword: "Tam-thoi-2026-ab" });
    expect(r).toMatchObject({ generated: false, temporaryPassword: "Tam-thoi-2026-ab" });
  });

  it("nobody outside their scope, nor above it: another school looks missing, the heads of a school go to the upper unit", async () => {
    const count = await t.prisma.auditLog.count({ where: { action: "user.password_reset" } });
    const hash = (await user(E.STA_PRINCIPAL)).passwordHash;
    // Kim Đồng's chair: Sơn Thủy A's member does not exist for them.
    expect(await code(resetUserPassword(t.prisma, v.KD_CHAIR, { email: E.STA_MEMBER }))).toBe("NOT_FOUND");
    // Bắc Sơn's upper unit does not serve Sơn Thủy A.
    expect(await code(resetUserPassword(t.prisma, v.UPPER_BACSON, { email: E.STA_CHAIR }))).toBe("NOT_FOUND");
    // The chair may not reset the principal's, nor their own here; nor can a plain member or the principal reset anyone.
    expect(await code(resetUserPassword(t.prisma, v.STA_CHAIR, { email: E.STA_PRINCIPAL }))).toBe("FORBIDDEN");
    expect(await code(resetUserPassword(t.prisma, v.STA_CHAIR, { email: E.STA_CHAIR }))).toBe("FORBIDDEN");
    expect(await code(resetUserPassword(t.prisma, v.STA_MEMBER, { email: E.STA_GROUP_LEADER }))).toBe("NOT_FOUND");
    expect(await code(resetUserPassword(t.prisma, v.STA_PRINCIPAL, { email: E.STA_MEMBER }))).toBe("NOT_FOUND");
    // Upper-unit accounts are the administrator's.
    expect(await code(resetUserPassword(t.prisma, v.UPPER_SONTHUY, { email: E.UPPER_BACSON }))).toBe("NOT_FOUND");
    expect((await user(E.STA_PRINCIPAL)).passwordHash).toBe(hash);
    expect(await t.prisma.auditLog.count({ where: { action: "user.password_reset" } })).toBe(count);

    // The upper unit resets the principal of a school it serves; the administrator anyone's.
    expect((await resetUserPassword(t.prisma, v.UPPER_SONTHUY, { email: E.STA_PRINCIPAL })).email).toBe(E.STA_PRINCIPAL);
    expect((await resetUserPassword(t.prisma, v.ADMIN, { email: E.UPPER_BACSON })).email).toBe(E.UPPER_BACSON);
    expect(await t.prisma.auditLog.count({ where: { action: "user.password_reset" } })).toBe(count + 2);
  });
});

describe("changing one's own password", () => {
  it("needs the current password and the new one twice; ends the other sessions, keeps this one", async () => {
    const a = await signInWithPassword(t.prisma, E.KD_CHAIR, DEMO_PASSWORD, client);
    const b = await signInWithPassword(t.prisma, E.KD_CHAIR, DEMO_PASSWORD, client);
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    const viewer = (await loadViewer(t.prisma, a.sessionId))!;
    const hash = (await user(E.KD_CHAIR)).passwordHash;

    const wrong = await changeOwnPassword(t.prisma, viewer, { currentPassword: "sai", newPassword: "Song-Hong-2026", confirmPassword: "Song-Hong-2026" }, client).catch((e) => e);
    expect(wrong).toMatchObject({ code: "INVALID", fieldErrors: { currentPassword: ["Mật khẩu hiện tại không đúng."] } });
    const weak = await changeOwnPassword(t.prisma, viewer, { currentPassword: DEMO_PASSWORD, newPassword: "chỉ toàn chữ thôi", confirmPassword: "chỉ toàn chữ thôi" }, client).catch((e) => e);
    expect(weak.fieldErrors).toEqual({ newPassword: ["Mật khẩu mới cần có cả chữ và số."] });
    const mismatch = await changeOwnPassword(t.prisma, viewer, { currentPassword: DEMO_PASSWORD, newPassword: "Song-Hong-2026", confirmPassword: "Song-Hong-2025" }, client).catch((e) => e);
    expect(mismatch.fieldErrors).toEqual({ confirmPassword: ["Hai lần nhập mật khẩu mới chưa giống nhau."] });
    expect((await user(E.KD_CHAIR)).passwordHash).toBe(hash);
    expect(await liveSessions(E.KD_CHAIR)).toBeGreaterThanOrEqual(2);

    await changeOwnPassword(t.prisma, viewer, { currentPassword: DEMO_PASSWORD, newPassword: "Song-Hong-2026", confirmPassword: "Song-Hong-2026" }, client);
    expect(await loadViewer(t.prisma, a.sessionId)).not.toBeNull();
    expect(await loadViewer(t.prisma, b.sessionId)).toBeNull();
    expect(await liveSessions(E.KD_CHAIR)).toBe(1);
    expect(await t.prisma.auditLog.findFirst({ where: { action: "user.password", entityId: viewer.userId } })).toMatchObject({ schoolId: DEMO.schools.KD });
    expect((await signInWithPassword(t.prisma, E.KD_CHAIR, DEMO_PASSWORD, client)).ok).toBe(false);
    expect((await signInWithPassword(t.prisma, E.KD_CHAIR, "Song-Hong-2026", client)).ok).toBe(true);
  });

  it("wrong current passwords count against the sign-in lock (the form cannot be used to guess)", async () => {
    const s = await signInWithPassword(t.prisma, E.STA_GROUP_LEADER, "Tam-thoi-2026-ab", client, new Date(), { newPassword: "Bang-lang-tim-2026" });
    if (!s.ok) throw new Error(`sign-in failed: ${JSON.stringify(s)}`);
    const viewer = (await loadViewer(t.prisma, s.sessionId))!;
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const e = await changeOwnPassword(t.prisma, viewer, { currentPassword: `sai-${i}`, newPassword: "Hoa-sua-2026-xx", confirmPassword: "Hoa-sua-2026-xx" }, client).catch((x) => x);
      messages.push(e.fieldErrors.currentPassword[0]);
    }
    expect(messages[3]).toContain("Còn 1 lần thử");
    expect(messages[4]).toContain("tạm khóa 15 phút");
    // Now even the right one is refused until the lock passes.
    const locked = await changeOwnPassword(t.prisma, viewer, { currentPassword: "Bang-lang-tim-2026", newPassword: "Hoa-sua-2026-xx", confirmPassword: "Hoa-sua-2026-xx" }, client).catch((x) => x);
    expect(locked.fieldErrors.currentPassword[0]).toContain("tạm khóa");
  });
});
