// SECURITY.md "Versions": below these floors are published RCE, DoS and proxy-bypass advisories.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const FLOORS: Record<string, string> = { next: "16.2.6", react: "19.2.6", "react-dom": "19.2.6" };

/** -1, 0 or 1; a pre-release (16.2.6-canary.1) sorts below its release. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.trim().replace(/^v/, "").split("+")[0].split(/-(.*)/s);
    return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre: pre ?? "" };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre < y.pre ? -1 : 1;
}

function installed(pkg: string): string {
  const file = new URL(`../../node_modules/${pkg}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

describe("installed framework versions", () => {
  it("compares versions", () => {
    expect(compareVersions("16.2.6", "16.2.6")).toBe(0);
    expect(compareVersions("16.10.0", "16.2.6")).toBe(1);
    expect(compareVersions("16.2.5", "16.2.6")).toBe(-1);
    expect(compareVersions("16.2.6-canary.3", "16.2.6")).toBe(-1);
    expect(compareVersions("19.3.0", "19.2.6")).toBe(1);
    expect(compareVersions("15.9.9", "16.2.6")).toBe(-1);
  });

  for (const [pkg, floor] of Object.entries(FLOORS)) {
    it(`${pkg} is at least ${floor}`, () => {
      const v = installed(pkg);
      expect(compareVersions(v, floor), `${pkg} ${v} is below ${floor} (SECURITY.md "Versions")`).toBeGreaterThanOrEqual(0);
    });
  }
});
