// One organisation-tree module (issue 10, docs/decisions/0009-one-gate.md): the tree of upper units
// is walked only in lib/orgs/tree.ts (unitDescendants, unitAncestors, and the ancestorChainCte
// fragment for a larger statement). A recursive query or a loop over parentId anywhere else in the
// app is a second walk that can drift from the first: this test fails on it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TREE = "lib/orgs/tree.ts";

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const files = ["lib", "app", "components"].flatMap((d) => walk(join(ROOT, d))).map((p) => ({ path: relative(ROOT, p).replaceAll("\\", "/"), src: readFileSync(p, "utf8") }));

/** A walk of the tree: a recursive CTE, or following parentId to the next level. */
export function walksTree(src: string): string[] {
  const found: string[] = [];
  // A recursive CTE written out (`WITH RECURSIVE ${ancestorChainCte(id)}` takes the module's own).
  for (const m of src.matchAll(/WITH\s+RECURSIVE\s+(?!\$\{)\S+/gi)) found.push(m[0]);
  for (const m of src.matchAll(/JOIN\s+\w+\s+ON\s+[^\n]*"parentId"/gi)) found.push(m[0]);
  for (const m of src.matchAll(/where:\s*\{\s*parentId:\s*(\{\s*in:)?/g)) found.push(m[0]);
  return found;
}

describe("the organisation tree is walked in one module", () => {
  it("recognises a walk", () => {
    expect(walksTree('sql`WITH RECURSIVE t AS (SELECT 1)`')).toHaveLength(1);
    expect(walksTree("sql`WITH RECURSIVE ${ancestorChainCte(unitId)}, m AS (SELECT 1)`")).toHaveLength(0);
    expect(walksTree("db.organisation.findMany({ where: { parentId: { in: level } } })")).toHaveLength(1);
    expect(walksTree("db.organisation.findUnique({ where: { id }, select: { parentId: true } })")).toHaveLength(0);
    expect(walksTree(readFileSync(join(ROOT, TREE), "utf8")).length).toBeGreaterThan(1);
  });

  it(`no file but ${TREE} walks it`, () => {
    const offenders = files.filter((f) => f.path !== TREE).flatMap((f) => walksTree(f.src).map((w) => `${f.path}: ${w}`));
    expect(offenders, "ask lib/orgs/tree.ts (unitDescendants, unitAncestors, ancestorChainCte)").toEqual([]);
  });
});
