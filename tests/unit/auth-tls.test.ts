// Served over HTTPS or not (issue 10): Secure, prefixed cookies and HSTS exactly when NEXTAUTH_URL
// is https; nothing of it over plain http on localhost.
import { afterEach, describe, expect, it, vi } from "vitest";
import { deviceCookieName, hstsHeader, isHttpsDeployment, sessionCookieName } from "@/lib/auth/tls";

vi.mock("@/lib/server/db", () => ({ getDb: async () => { throw new Error("no database in unit tests"); } }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("TLS decision", () => {
  it.each([
    ["https://thidua.example.vn", true],
    ["https://thidua.example.vn:8443/", true],
    ["http://localhost:3000", false],
    ["http://127.0.0.1:3100", false],
    [undefined, false],
    ["not a url", false],
  ])("NEXTAUTH_URL=%s → https %s", (url, https) => {
    expect(isHttpsDeployment(url)).toBe(https);
    expect(hstsHeader(url)).toBe(https ? "max-age=63072000; includeSubDomains" : null);
    expect(sessionCookieName(https)).toBe(https ? "__Secure-next-auth.session-token" : "next-auth.session-token");
    expect(deviceCookieName(https)).toBe(https ? "__Host-thidua-device" : "thidua-device");
  });

  it("next-auth is told to use Secure cookies over https, and not over http", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://thidua.example.vn");
    const secure = (await import("@/lib/auth/options")).authOptions;
    expect(secure.useSecureCookies).toBe(true);
    vi.resetModules();
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const plain = (await import("@/lib/auth/options")).authOptions;
    expect(plain.useSecureCookies).toBe(false);
  });

  it("the proxy sends HSTS over https only", async () => {
    const { NextRequest } = await import("next/server");
    vi.stubEnv("NEXTAUTH_URL", "https://thidua.example.vn");
    const { proxy } = await import("@/proxy");
    const res = await proxy(new NextRequest("https://thidua.example.vn/dang-nhap"));
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const plain = await proxy(new NextRequest("http://localhost:3000/dang-nhap"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});
