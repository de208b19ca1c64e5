// A lock-out is not a weapon (issue 10, OWASP device cookies): an attacker's wrong passwords lock
// the account for unknown clients, while the owner's browser that signed in before (a valid
// device cookie) keeps its own allowance. Also: the warning before the last attempt.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./harness";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sessions";
import { deviceFor, withDeviceEntry } from "@/lib/auth/device";
import { LOCK_MINUTES, MAX_ACCOUNT_FAILURES, MAX_FAILURES } from "@/lib/auth/throttle";
import { signInErrorCode } from "@/lib/auth/options";
import { signInMessage } from "@/components/auth/sign-in-form";

let t: TestDb;
const PASSWORD = "MatKhau@2025";
const OWNER = "chu@thu.test";

beforeAll(async () => {
  t = await createTestDb();
  const hash = await hashPassword(PASSWORD);
  for (const email of [OWNER, "dem@thu.test", "ba@thu.test"]) {
    await t.prisma.user.create({ data: { email, passwordHash: hash, displayName: email } });
  }
});
afterAll(() => t?.drop());

describe("device cookies", () => {
  it("a cookie entry is valid only for the account it was issued for, and only with our signature", () => {
    const cookie = withDeviceEntry(null, OWNER);
    expect(deviceFor(cookie, OWNER)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(deviceFor(cookie, " CHU@thu.test ")).toBe(deviceFor(cookie, OWNER));
    expect(deviceFor(cookie, "dem@thu.test")).toBeNull();
    const [nonce, sig] = cookie.split(".");
    expect(deviceFor(`${nonce}.${sig.slice(0, -2)}AA`, OWNER)).toBeNull();
    expect(deviceFor("rac~rac.rac", OWNER)).toBeNull();
    // One browser, two accounts: both entries kept; signing in again replaces that account's entry.
    const both = withDeviceEntry(cookie, "dem@thu.test");
    expect(deviceFor(both, OWNER)).toBe(deviceFor(cookie, OWNER));
    expect(deviceFor(both, "dem@thu.test")).not.toBeNull();
    const again = withDeviceEntry(both, OWNER);
    expect(again.split("~")).toHaveLength(2);
    expect(deviceFor(again, OWNER)).not.toBe(deviceFor(cookie, OWNER));
  });

  it("an attacker's 20 wrong attempts lock the account for unknown clients; the owner on a known device still signs in", async () => {
    const now = new Date();
    // The owner signed in on this browser before: it holds a device cookie for the account.
    const ownerCookie = withDeviceEntry(null, OWNER);
    const attacker = { address: "direct" }; // no trusted proxy: every unknown client looks the same
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) answers.push((await signInWithPassword(t.prisma, OWNER, `doan-${i}`, attacker, now)).ok ? "ok" : "no");
    expect(answers.every((a) => a === "no")).toBe(true);
    // Locked for every unknown client, even with the right password…
    expect(await signInWithPassword(t.prisma, OWNER, PASSWORD, attacker, now)).toEqual({ ok: false, reason: "locked" });
    expect(await signInWithPassword(t.prisma, OWNER, PASSWORD, { address: "direct", device: null }, now)).toEqual({ ok: false, reason: "locked" });
    // …and for a forged or another account's device cookie.
    const other = withDeviceEntry(null, "dem@thu.test");
    expect(await signInWithPassword(t.prisma, OWNER, PASSWORD, { address: "direct", device: deviceFor(other, OWNER) }, now)).toEqual({ ok: false, reason: "locked" });
    // The owner's known browser is not locked.
    const owner = await signInWithPassword(t.prisma, OWNER, PASSWORD, { address: "direct", device: deviceFor(ownerCookie, OWNER) }, now);
    expect(owner.ok).toBe(true);
    // The unknown clients stay locked after the owner signed in, until the lock runs out.
    expect((await signInWithPassword(t.prisma, OWNER, PASSWORD, attacker, now)).ok).toBe(false);
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect((await signInWithPassword(t.prisma, OWNER, PASSWORD, attacker, later)).ok).toBe(true);
  });

  it("a known device has its own allowance: 5 wrong passwords lock that device only", async () => {
    const now = new Date();
    const device = deviceFor(withDeviceEntry(null, "ba@thu.test"), "ba@thu.test");
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await signInWithPassword(t.prisma, "ba@thu.test", "sai", { address: "direct", device }, now)).ok).toBe(false);
    expect(await signInWithPassword(t.prisma, "ba@thu.test", "sai", { address: "direct", device }, now)).toEqual({ ok: false, reason: "locked" });
    expect(await signInWithPassword(t.prisma, "ba@thu.test", PASSWORD, { address: "direct", device }, now)).toEqual({ ok: false, reason: "locked" });
    // Unknown clients were not counted by the device's failures.
    expect((await signInWithPassword(t.prisma, "ba@thu.test", PASSWORD, "direct", now)).ok).toBe(true);
  });
});

describe("what the person is told", () => {
  it("warns before the last attempts, then says exactly why it is locked", async () => {
    const now = new Date();
    const results = [];
    for (let i = 0; i < MAX_FAILURES; i++) results.push(await signInWithPassword(t.prisma, "dem@thu.test", "sai", "10.1.1.1", now));
    expect(results.map((r) => (r.ok ? "ok" : r.reason === "invalid" ? `invalid:${r.remaining ?? "-"}` : r.reason))).toEqual([
      "invalid:-",
      "invalid:-",
      "invalid:2",
      "invalid:1",
      "locked",
    ]);
    const messages = results.map((r) => (r.ok ? "" : signInMessage(signInErrorCode(r) ?? "CredentialsSignin")));
    expect(messages[0]).toBe("Email hoặc mật khẩu không đúng.");
    expect(messages[2]).toContain("Còn 2 lần thử");
    expect(messages[3]).toContain("Còn 1 lần thử");
    // After exactly 5 wrong passwords: "5 lần", not "quá 5 lần" (more than 5).
    expect(messages[4]).toContain("5 lần");
    expect(messages[4]).not.toContain("quá 5 lần");
    expect(messages[4]).toContain("15 phút");
  });

  it("a lock by the account's failures across many addresses says that rule (20 from many addresses), not '5 lần'", async () => {
    await t.prisma.user.create({ data: { email: "nhieu@thu.test", passwordHash: await hashPassword(PASSWORD), displayName: "nhieu" } });
    const now = new Date();
    // Behind a trusted proxy: each guess from another address, none reaching its own MAX_FAILURES.
    const results = [];
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) results.push(await signInWithPassword(t.prisma, "nhieu@thu.test", "sai", `10.9.0.${i + 1}`, now));
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    const last = results[MAX_ACCOUNT_FAILURES - 1];
    expect(last).toEqual({ ok: false, reason: "locked", acrossAddresses: true });
    // A fresh address with the right password: still locked, for the same reason.
    const again = await signInWithPassword(t.prisma, "nhieu@thu.test", PASSWORD, "10.9.1.1", now);
    expect(again).toEqual({ ok: false, reason: "locked", acrossAddresses: true });
    for (const r of [last, again]) {
      const message = signInMessage(signInErrorCode(r as Extract<typeof r, { ok: false }>) ?? "CredentialsSignin");
      expect(message).toContain(`${MAX_ACCOUNT_FAILURES} lần nhập sai mật khẩu từ nhiều địa chỉ`);
      expect(message).toContain(`${LOCK_MINUTES} phút`);
      expect(message).not.toContain(`${MAX_FAILURES} lần`);
    }
  });

  it("unknown clients are slowed down after their second failure", async () => {
    const now = new Date();
    const a = await signInWithPassword(t.prisma, "khongco@thu.test", "sai", "10.2.2.2", now);
    const b = await signInWithPassword(t.prisma, "khongco@thu.test", "sai", "10.2.2.2", now);
    expect(a).toEqual({ ok: false, reason: "invalid" });
    expect(b.ok === false && b.reason === "invalid" && b.slowMs).toBeGreaterThan(0);
  });
});
