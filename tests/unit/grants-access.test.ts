// A viewer's grants and served units are read only inside lib/authz/ (the one gate, its scopes
// and display helpers such as roleLabels / actorRoles / unitsServed) and lib/auth/ (which loads
// them). Any other file that reads `viewer.grants` or `viewer.unitIds` decides access by itself,
// next to the gate (issue 10, docs/decisions/0009-one-gate.md): this test fails when one appears.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const OWNERS = ["lib/authz/", "lib/auth/"];
/**
 * Files outside lib/authz and lib/auth allowed to read them, each with its reason. Empty today:
 * add an entry only on purpose ("path": "why the gate's helpers cannot serve here").
 */
const ALLOWED: Record<string, string> = {};

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

/** Source without comments (a comment may name viewer.unitIds without reading it). */
export function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[\s;{}(),])\/\/[^\n]*/g, "$1");
}

/** The reads of a viewer's grants or unit ids in a source: `.grants`, `?.unitIds`, `["grants"]`, `{ grants } = …`. */
export function grantReads(src: string): string[] {
  const code = stripComments(src);
  const found: string[] = [];
  for (const m of code.matchAll(/\??\.\s*(grants|unitIds)\b|\[\s*["'`](grants|unitIds)["'`]\s*\]/g)) found.push(m[0]);
  for (const m of code.matchAll(/\{([^{}=]*)\}\s*=\s*[\w.?]+/g)) {
    // A property taken out of the object (`grants`, `grants: g`), not a local named so (`unitRoots: unitIds`).
    if (/(^|,)\s*(grants|unitIds)\s*([,:=]|$)/.test(m[1])) found.push(m[0]);
  }
  return found;
}

const files = ["lib", "app", "components"].flatMap((d) => walk(join(ROOT, d))).map((p) => ({ path: relative(ROOT, p).replaceAll("\\", "/"), src: readFileSync(p, "utf8") }));

describe("a viewer's grants are read only through lib/authz", () => {
  it("recognises each form of read, and not a comment", () => {
    expect(grantReads("const g = viewer.grants.filter(Boolean);")).toHaveLength(1);
    expect(grantReads("if (v?.unitIds.includes(id)) {}")).toHaveLength(1);
    expect(grantReads('const u = viewer["unitIds"];')).toHaveLength(1);
    expect(grantReads("const { userId, grants } = viewer;")).toHaveLength(1);
    expect(grantReads("const { unitIds: served } = viewer;")).toHaveLength(1);
    expect(grantReads("const { unitRoots: unitIds } = viewerPlaces(viewer);")).toHaveLength(0);
    expect(grantReads("// one of viewer.unitIds\n/* viewer.grants */ const url = 'http://x/y';")).toHaveLength(0);
    expect(grantReads("const x = grantsFor(viewer, cap); const y = viewerPlaces(viewer).unitRoots;")).toHaveLength(0);
  });

  it("scans the app's sources", () => {
    expect(files.length).toBeGreaterThan(100);
    // The owners do read them: the scan would notice.
    expect(grantReads(readFileSync(join(ROOT, "lib/authz/scope.ts"), "utf8")).length).toBeGreaterThan(0);
  });

  it("no file outside lib/authz/ and lib/auth/ reads viewer.grants or viewer.unitIds", () => {
    const offenders = files
      .filter((f) => !OWNERS.some((o) => f.path.startsWith(o)) && !(f.path in ALLOWED))
      .flatMap((f) => grantReads(f.src).map((r) => `${f.path}: ${r}`));
    expect(offenders, "use lib/authz (gate, scope helpers such as roleLabels, actorRoles, unitsServed)").toEqual([]);
  });

  it("every allow-listed file still exists and still needs it", () => {
    for (const [path, reason] of Object.entries(ALLOWED)) {
      expect(reason.length, path).toBeGreaterThan(10);
      const f = files.find((x) => x.path === path);
      expect(f, path).toBeDefined();
      expect(grantReads(f!.src).length, path).toBeGreaterThan(0);
    }
  });
});
