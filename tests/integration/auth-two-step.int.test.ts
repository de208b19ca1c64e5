// Two-step sign-in (issue 10) on the demo data: required for upper-unit staff and admins (the demo
// accounts are pre-enrolled with the published demo secret), a code is accepted once, its own
// throttle, enrolment with 10 argon2 recovery codes shown once, secrets encrypted at rest, and
// the admin's audited reset. Also: a NUL byte in ?q= through textParam.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO, DEMO_PASSWORD } from "@/lib/seed/demo";
import { signInWithPassword } from "@/lib/auth/sessions";
import { resetTwoStep, startEnrolment } from "@/lib/auth/two-step";
import { totpCode } from "@/lib/auth/totp";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { openSecret } from "@/lib/auth/totp-crypto";
import { listMembers } from "@/lib/members/queries";
import { textParam } from "@/lib/server/page";

let t: TestDb;
let v: DemoViewers;
const E = DEMO.emails;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

describe("two-step sign-in", () => {
  it("is required for upper-unit staff and admins, optional for the others", async () => {
    const now = new Date();
    for (const email of [E.ADMIN, E.UPPER_SONTHUY, E.UPPER_BACSON]) {
      expect(await signInWithPassword(t.prisma, email, DEMO_PASSWORD, "direct", now)).toEqual({ ok: false, reason: "code_required" });
    }
    expect((await signInWithPassword(t.prisma, E.STA_CHAIR, DEMO_PASSWORD, "direct", now)).ok).toBe(true);
    // Required by the role, not only because the demo enrolled them: new accounts, never enrolled.
    const { passwordHash } = await t.prisma.user.findUniqueOrThrow({ where: { email: E.STA_CHAIR }, select: { passwordHash: true } });
    const fresh = async (email: string, role: "UPPER_STAFF" | "ADMIN" | "PRINCIPAL") =>
      t.prisma.user.create({
        data: {
          email,
          displayName: email,
          passwordHash,
          roles: { create: { role, validFrom: new Date(0), ...(role === "UPPER_STAFF" ? { organisationId: DEMO.orgs.CDGD_SONTHUY } : role === "PRINCIPAL" ? { schoolId: DEMO.schools.KD } : {}) } },
        },
      });
    for (const [email, role] of [["moi.captren@two-step.test", "UPPER_STAFF"], ["moi.quantri@two-step.test", "ADMIN"]] as const) {
      await fresh(email, role);
      expect(await signInWithPassword(t.prisma, email, DEMO_PASSWORD, "direct", now), `${role} without enrolment`).toEqual({ ok: false, reason: "enrol_required" });
    }
    await fresh("moi.hieutruong@two-step.test", "PRINCIPAL");
    expect((await signInWithPassword(t.prisma, "moi.hieutruong@two-step.test", DEMO_PASSWORD, "direct", now)).ok, "optional for a principal").toBe(true);
    // A wrong password never reveals whether a code would be asked.
    expect(await signInWithPassword(t.prisma, E.ADMIN, "sai-mat-khau", "10.9.9.9", now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts a current code once: the same code again is refused (RFC 6238 §5.2)", async () => {
    const now = new Date();
    const code = totpCode(DEMO_TOTP_SECRET, now.getTime());
    expect((await signInWithPassword(t.prisma, E.ADMIN, DEMO_PASSWORD, "direct", now, { code })).ok).toBe(true);
    expect(await signInWithPassword(t.prisma, E.ADMIN, DEMO_PASSWORD, "direct", now, { code })).toEqual({ ok: false, reason: "code_invalid" });
    // A code from two steps ago or ahead is outside the window.
    const old = totpCode(DEMO_TOTP_SECRET, now.getTime() - 90_000);
    expect((await signInWithPassword(t.prisma, E.ADMIN, DEMO_PASSWORD, "direct", now, { code: old })).ok).toBe(false);
  });

  it("has its own throttle: 5 wrong codes lock the second step, even for the right code", async () => {
    const now = new Date();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await signInWithPassword(t.prisma, E.UPPER_SONTHUY, DEMO_PASSWORD, "direct", now, { code: "000000" === totpCode(DEMO_TOTP_SECRET, now.getTime()) ? "111111" : "000000" }));
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["code_invalid", "code_invalid", "code_invalid", "code_invalid", "code_locked"]);
    const good = totpCode(DEMO_TOTP_SECRET, now.getTime() + 30_000);
    expect(await signInWithPassword(t.prisma, E.UPPER_SONTHUY, DEMO_PASSWORD, "direct", now, { code: good })).toEqual({ ok: false, reason: "code_locked" });
    // The password counters were not touched by wrong codes: the password itself is still fine.
    const later = new Date(now.getTime() + 16 * 60_000);
    expect((await signInWithPassword(t.prisma, E.UPPER_SONTHUY, DEMO_PASSWORD, "direct", later, { code: totpCode(DEMO_TOTP_SECRET, later.getTime()) })).ok).toBe(true);
  });

  it("only an admin may reset; the reset is audited, ends the user's sessions, and the user must enrol again", async () => {
    expect(await errorCode(resetTwoStep(t.prisma, v.STA_CHAIR, E.UPPER_BACSON))).toBe("FORBIDDEN");
    expect(await errorCode(resetTwoStep(t.prisma, v.UPPER_SONTHUY, E.UPPER_BACSON))).toBe("FORBIDDEN");
    expect(await t.prisma.twoStep.count({ where: { userId: DEMO.users.UPPER_BACSON } })).toBe(1);
    const sessionsBefore = await t.prisma.session.count({ where: { userId: DEMO.users.UPPER_BACSON, revokedAt: null } });
    expect(sessionsBefore).toBeGreaterThan(0); // the demo viewer's own session
    await resetTwoStep(t.prisma, v.ADMIN, E.UPPER_BACSON);
    expect(await t.prisma.twoStep.count({ where: { userId: DEMO.users.UPPER_BACSON } })).toBe(0);
    expect(await t.prisma.session.count({ where: { userId: DEMO.users.UPPER_BACSON, revokedAt: null } })).toBe(0);
    const audit = await t.prisma.auditLog.findFirst({ where: { action: "twostep.reset", entityId: DEMO.users.UPPER_BACSON } });
    expect(audit?.actorUserId).toBe(DEMO.users.ADMIN);
    expect(await errorCode(resetTwoStep(t.prisma, v.ADMIN, "khong-co@thidua.test"))).toBe("NOT_FOUND");
    expect(await signInWithPassword(t.prisma, E.UPPER_BACSON, DEMO_PASSWORD, "direct")).toEqual({ ok: false, reason: "enrol_required" });
  });

  it("enrols with a first code; 10 recovery codes hashed with argon2, each usable once; the secret is encrypted at rest", async () => {
    const userId = DEMO.users.UPPER_BACSON;
    const enrolment = await startEnrolment(t.prisma, userId, E.UPPER_BACSON);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.recoveryCodes).toHaveLength(10);
    expect(new Set(enrolment.recoveryCodes).size).toBe(10);
    // Pending: not yet usable, and not yet enrolled.
    expect(await signInWithPassword(t.prisma, E.UPPER_BACSON, DEMO_PASSWORD, "direct")).toEqual({ ok: false, reason: "enrol_required" });
    const now = new Date();
    expect((await signInWithPassword(t.prisma, E.UPPER_BACSON, DEMO_PASSWORD, "direct", now, { code: enrolment.recoveryCodes[0] })).ok).toBe(false);
    const first = await signInWithPassword(t.prisma, E.UPPER_BACSON, DEMO_PASSWORD, "direct", now, { code: totpCode(enrolment.secret, now.getTime()) });
    expect(first.ok).toBe(true);

    const row = await t.prisma.twoStep.findUniqueOrThrow({ where: { userId } });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(enrolment.secret);
    expect(openSecret(row.secret)).toBe(enrolment.secret);
    expect(row.pendingSecret).toBeNull();
    const codes = await t.prisma.recoveryCode.findMany({ where: { userId } });
    expect(codes).toHaveLength(10);
    for (const c of codes) {
      expect(c.hash).toMatch(/^\$argon2id\$/);
      expect(c.pending).toBe(false);
    }

    // Now a code is required; a recovery code works once.
    expect(await signInWithPassword(t.prisma, E.UPPER_BACSON, DEMO_PASSWORD, "direct")).toEqual({ ok: false, reason: "code_required" });
    const typed = enrolment.recoveryCodes[3].toUpperCase().replace("-", " ");
    const viaRecovery = await signInWithPassword(t.prisma, E.UPPER_BACSON, DEMO_PASSWORD, "direct", new Date(), { code: typed });
    expect(viaRecovery).toMatchObject({ ok: true, recovery: true });
    expect((await signInWithPassword(t.prisma, E.UPPER_BACSON, DEMO_PASSWORD, "direct", new Date(), { code: typed })).ok).toBe(false);
    expect(await t.prisma.recoveryCode.count({ where: { userId, usedAt: null } })).toBe(9);
  });
});

describe("a NUL byte in ?q=", () => {
  it("goes through textParam and the member list answers instead of failing in PostgreSQL (22021)", async () => {
    // textParam drops the NUL; the name search (issue 11) only ever sends the query's words to the
    // database, so even a raw NUL no longer reaches PostgreSQL.
    expect(textParam("a\u0000b")).not.toContain("\u0000");
    const r = await listMembers(v.STA_CHAIR, DEMO.schools.STA, { q: textParam("a\u0000b") }, 1);
    expect(r).toBeTruthy();
    expect((await listMembers(v.STA_CHAIR, DEMO.schools.STA, { q: "a\u0000b" }, 1)).total).toBe(r.total);
  });
});
