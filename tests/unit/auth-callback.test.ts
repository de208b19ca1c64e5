// The open redirect after sign-in (issue 10): every form the hostile test used, and the
// in-app paths that must still work. Same decision in the sign-in page, the proxy and
// next-auth's redirect callback.
import { describe, expect, it, vi } from "vitest";
import { safeCallbackPath, safeCallbackUrl } from "@/lib/auth/callback";

vi.mock("@/lib/server/db", () => ({ getDb: async () => { throw new Error("no database in unit tests"); } }));
const { authOptions } = await import("@/lib/auth/options");

const ORIGIN = "http://127.0.0.1:3100";
// What the page receives after Next decodes the query string, for each URL the attacker sent.
const OFF_SITE = [
  ["/%5Cevil.example/x", "/\\evil.example/x"],
  ["/%09/evil.example/x", "/\t/evil.example/x"],
  ["/\\/evil.example/x", "/\\/evil.example/x"],
  ["/%0A/evil.example", "/\n/evil.example"],
  ["//evil.example/x", "//evil.example/x"],
  ["\\\\evil.example", "\\\\evil.example"],
  ["/.//evil.example/x", "/.//evil.example/x"],
  ["https://evil.example/x", "https://evil.example/x"],
  ["http://user:pass@127.0.0.1:3100/x", "http://user:pass@127.0.0.1:3100/x"],
  ["http://127.0.0.1:3100.evil.example/", "http://127.0.0.1:3100.evil.example/"],
  ["javascript:alert(1)", "javascript:alert(1)"],
  ["data:text/html,<script>alert(1)</script>", "data:text/html,<script>alert(1)</script>"],
] as const;

describe("safeCallbackPath", () => {
  it.each(OFF_SITE)("%s is off-site → /", (_sent, decoded) => {
    expect(safeCallbackPath(decoded, ORIGIN)).toBe("/");
  });

  it.each([
    ["/truong/sch_sta/doan-vien?q=Nguy%E1%BB%85n&trang=2", "/truong/sch_sta/doan-vien?q=Nguy%E1%BB%85n&trang=2"],
    ["/cap-tren/org_cdgd_sonthuy", "/cap-tren/org_cdgd_sonthuy"],
    [`${ORIGIN}/ca-nhan`, "/ca-nhan"],
    ["/", "/"],
  ])("%s stays → %s", (cb, expected) => {
    expect(safeCallbackPath(cb, ORIGIN)).toBe(expected);
  });

  it("refuses what is not a string, empty or very long", () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
    expect(safeCallbackPath(["/a"], ORIGIN)).toBe("/");
    expect(safeCallbackPath("", ORIGIN)).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(3000)}`, ORIGIN)).toBe("/");
  });

  it("an off-site callback resolved by a browser really leaves the origin (why the string check was not enough)", () => {
    for (const [, decoded] of OFF_SITE.slice(0, 3)) {
      expect(decoded.startsWith("/") && !decoded.startsWith("//")).toBe(true); // passed the old check
      expect(new URL(decoded, ORIGIN).origin).not.toBe(ORIGIN);
    }
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = authOptions.callbacks!.redirect!;
  it.each(OFF_SITE)("%s → the app's root", async (_sent, decoded) => {
    expect(await redirect({ url: decoded, baseUrl: ORIGIN })).toBe(ORIGIN);
  });
  it("keeps in-app paths and absolute in-app URLs", async () => {
    expect(await redirect({ url: "/truong/sch_sta", baseUrl: ORIGIN })).toBe(`${ORIGIN}/truong/sch_sta`);
    expect(await redirect({ url: `${ORIGIN}/cap-tren/x?y=1`, baseUrl: ORIGIN })).toBe(`${ORIGIN}/cap-tren/x?y=1`);
    expect(safeCallbackUrl("/", ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
