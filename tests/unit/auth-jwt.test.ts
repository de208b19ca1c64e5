// The session cookie's JWE (lib/auth/jwt.ts) is next-auth's own format with the HKDF key derived
// once: tokens written by either side are read by the other, a wrong secret or a tampered token
// is refused, and the key is derived once per secret.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { decode, encode } = await import("next-auth/jwt");
const { decodeJwt, derivedKey, encodeJwt } = await import("@/lib/auth/jwt");

const secret = "unit-test-secret-0123456789abcdef";

describe("the session token", () => {
  it("is read by next-auth's decode, and reads next-auth's encode", async () => {
    const ours = await encodeJwt({ token: { sid: "s1", sub: "u1" }, secret, maxAge: 3600 });
    expect(await decode({ token: ours, secret })).toMatchObject({ sid: "s1", sub: "u1" });
    const theirs = await encode({ token: { sid: "s2", sub: "u2" }, secret, maxAge: 3600 });
    expect(await decodeJwt({ token: theirs, secret })).toMatchObject({ sid: "s2", sub: "u2" });
    // The salted variant next-auth uses for other cookies too.
    const salted = await encode({ token: { sid: "s3" }, secret, salt: "x", maxAge: 60 });
    expect(await decodeJwt({ token: salted, secret, salt: "x" })).toMatchObject({ sid: "s3" });
  });

  it("refuses another secret, a changed token and an expired one", async () => {
    const t = await encodeJwt({ token: { sid: "s1" }, secret, maxAge: 3600 });
    await expect(decodeJwt({ token: t, secret: `${secret}-other` })).rejects.toThrow();
    const parts = t.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decodeJwt({ token: parts.join("."), secret })).rejects.toThrow();
    const old = await encodeJwt({ token: { sid: "s1" }, secret, maxAge: -60 });
    await expect(decodeJwt({ token: old, secret })).rejects.toThrow();
    expect(await decodeJwt({ token: undefined, secret })).toBeNull();
  });

  it("derives the key once per secret", () => {
    expect(derivedKey(secret)).toBe(derivedKey(secret));
    expect(derivedKey(secret)).not.toBe(derivedKey(`${secret}-other`));
    expect(derivedKey(secret)).toHaveLength(32);
  });
});
