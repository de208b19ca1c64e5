// Sign-in, throttle and server-side sessions against a real database (SECURITY.md "Sign-in and sessions").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./harness";
import { hashPassword } from "@/lib/auth/password";
import { revokeSession, revokeUserSessions, signInWithPassword } from "@/lib/auth/sessions";
import { loadViewer } from "@/lib/auth/load-viewer";
import { LOCK_MINUTES, MAX_FAILURES } from "@/lib/auth/throttle";

let t: TestDb;
const PASSWORD = "MatKhau@2025";

beforeAll(async () => {
  t = await createTestDb();
  const org = await t.prisma.organisation.create({ data: { name: "Công đoàn Giáo dục thử", type: "CONG_DOAN_NGANH_GD", validFrom: new Date("2020-01-01") } });
  const school = await t.prisma.school.create({
    data: { code: "T-1", name: "Trường thử", nameSearch: "truong thu", level: "TIEU_HOC", unionName: "CĐCS Trường thử", unionUnitId: org.id },
  });
  const hash = await hashPassword(PASSWORD);
  for (const email of ["a@thu.test", "b@thu.test", "c@thu.test", "off@thu.test"]) {
    const u = await t.prisma.user.create({ data: { email, passwordHash: hash, displayName: email, disabled: email.startsWith("off") } });
    await t.prisma.roleAssignment.create({ data: { userId: u.id, role: "UNION_CHAIR", schoolId: school.id } });
  }
});
afterAll(() => t?.drop());

describe("sign-in", () => {
  it("stores argon2id hashes with at least m=19 MiB, t=2, p=1", async () => {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { email: "a@thu.test" } });
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("opens a server-side session with a fresh random id and an absolute lifetime of hours", async () => {
    const now = new Date();
    const r1 = await signInWithPassword(t.prisma, "A@thu.test ", PASSWORD, "direct", now);
    const r2 = await signInWithPassword(t.prisma, "a@thu.test", PASSWORD, "direct", now);
    expect(r1.ok && r2.ok).toBe(true);
    if (!r1.ok || !r2.ok) return;
    expect(r1.sessionId).not.toBe(r2.sessionId);
    expect(r1.sessionId.length).toBeGreaterThanOrEqual(40);
    const s = await t.prisma.session.findUniqueOrThrow({ where: { id: r1.sessionId } });
    const hours = (s.expiresAt.getTime() - now.getTime()) / 3600_000;
    expect(hours).toBeGreaterThan(1);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const unknown = await signInWithPassword(t.prisma, "khongco@thu.test", PASSWORD, "addr-1");
    const wrong = await signInWithPassword(t.prisma, "b@thu.test", "sai-mat-khau", "addr-1");
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled account", async () => {
    expect(await signInWithPassword(t.prisma, "off@thu.test", PASSWORD, "direct")).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account+address pair after ${MAX_FAILURES} failures for ${LOCK_MINUTES} minutes`, async () => {
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await signInWithPassword(t.prisma, "c@thu.test", "sai", "10.0.0.9", now)).ok).toBe(false);
    }
    expect(await signInWithPassword(t.prisma, "c@thu.test", "sai", "10.0.0.9", now)).toEqual({ ok: false, reason: "locked" });
    // Even the right password is refused while locked…
    expect(await signInWithPassword(t.prisma, "c@thu.test", PASSWORD, "10.0.0.9", now)).toEqual({ ok: false, reason: "locked" });
    // …but only for that pair: another address still signs in.
    expect((await signInWithPassword(t.prisma, "c@thu.test", PASSWORD, "10.0.0.10", now)).ok).toBe(true);
    // After the lock expires the right password works again.
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect((await signInWithPassword(t.prisma, "c@thu.test", PASSWORD, "10.0.0.9", later)).ok).toBe(true);
  });
});

describe("sessions", () => {
  async function open(email = "a@thu.test") {
    const r = await signInWithPassword(t.prisma, email, PASSWORD, "direct");
    if (!r.ok) throw new Error("sign-in failed");
    return r.sessionId;
  }

  it("sign-out revokes the session row: a copied token stops working", async () => {
    const sid = await open();
    expect(await loadViewer(t.prisma, sid)).not.toBeNull();
    await revokeSession(t.prisma, sid);
    expect(await loadViewer(t.prisma, sid)).toBeNull();
  });

  it("ends after the idle timeout and after the absolute lifetime", async () => {
    const sid = await open();
    const idle = new Date(Date.now() + 3 * 3600_000);
    expect(await loadViewer(t.prisma, sid, idle)).toBeNull();
    const sid2 = await open();
    const s = await t.prisma.session.findUniqueOrThrow({ where: { id: sid2 } });
    expect(await loadViewer(t.prisma, sid2, new Date(s.expiresAt.getTime() + 1000))).toBeNull();
  });

  it("reads roles from the database on each request: a removed role is gone at once", async () => {
    const sid = await open("b@thu.test");
    const before = await loadViewer(t.prisma, sid);
    expect(before?.grants.map((g) => g.role)).toContain("UNION_CHAIR");
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "b@thu.test" } });
    await t.prisma.roleAssignment.updateMany({ where: { userId: user.id }, data: { validTo: new Date(Date.now() - 1000) } });
    const after = await loadViewer(t.prisma, sid);
    expect(after?.grants).toEqual([]);
  });

  it("revoking all of a user's sessions (password change, disabling) ends them", async () => {
    const a = await open();
    const b = await open();
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: "a@thu.test" } });
    await revokeUserSessions(t.prisma, user.id);
    expect(await loadViewer(t.prisma, a)).toBeNull();
    expect(await loadViewer(t.prisma, b)).toBeNull();
  });

  it("an unknown session id is no viewer", async () => {
    expect(await loadViewer(t.prisma, "khong-ton-tai")).toBeNull();
  });
});
