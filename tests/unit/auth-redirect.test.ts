import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/db", () => ({ getDb: async () => { throw new Error("no database in unit tests"); } }));
const { authOptions } = await import("@/lib/auth/options");

describe("callbackUrl stays inside the app", () => {
  const redirect = authOptions.callbacks!.redirect!;
  const baseUrl = "http://localhost:3000";
  it.each([
    ["/truong/sch_sta", `${baseUrl}/truong/sch_sta`],
    [`${baseUrl}/cap-tren/x`, `${baseUrl}/cap-tren/x`],
    ["https://ke-gian.example/", baseUrl],
    ["//ke-gian.example/", baseUrl],
    ["javascript:alert(1)", baseUrl],
    ["http://localhost:3000.ke-gian.example/", baseUrl],
  ])("%s → %s", async (url, expected) => {
    expect(await redirect({ url, baseUrl })).toBe(expected);
  });
});
