// Access lives in one place (issue 10, "five access.ts files overlap"): the gate lib/authz (gate.ts,
// decide.ts, scope.ts, and load.ts for the scoped tenant look-ups). Areas keep their own loaders in
// files named for what they are (lib/scoring/load.ts, lib/campaigns/load.ts) built on lib/authz.
// This test fails when an area grows an access.ts again, or when a file outside lib/authz looks a
// school up by id AND scope itself instead of asking lib/authz/load.ts schoolFor().
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const LOAD = "lib/authz/load.ts";

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

const files = ["lib", "app", "components", "scripts"].flatMap((d) => walk(join(ROOT, d))).map((p) => ({ path: relative(ROOT, p).replaceAll("\\", "/"), src: readFileSync(p, "utf8") }));

/**
 * A school looked up by scope: `school.findFirst(` / `school.findUnique(` with a scope before the
 * statement's `;` — a scope function (`schoolScope(`, `schoolBchScope(`, `unitSchoolsWhere(`) or a
 * variable named `scope`.
 */
export function scopedSchoolLookups(src: string): string[] {
  const found: string[] = [];
  for (const m of src.matchAll(/\bschool\.find(?:First|Unique)(?:OrThrow)?\([^;]*/g)) if (/Scope\(|SchoolsWhere\(|\bscope\b/.test(m[0])) found.push(m[0].replace(/\s+/g, " ").slice(0, 120));
  return found;
}

describe("access lives in one place (lib/authz)", () => {
  it("no lib/**/access.ts file exists", () => {
    const offenders = files.filter((f) => f.path.startsWith("lib/") && f.path.endsWith("/access.ts")).map((f) => f.path);
    expect(offenders, "scoped look-ups go to lib/authz/load.ts, where-fragments to lib/authz/scope.ts, an area's own loaders to lib/<area>/load.ts").toEqual([]);
  });

  it("recognises a scoped school look-up", () => {
    expect(scopedSchoolLookups('await db.school.findFirst({ where: { id, ...schoolScope(viewer, "school.read") }, select: { id: true } });')).toHaveLength(1);
    expect(scopedSchoolLookups("const s = await tx.school.findFirst({\n  where: { AND: [{ id }, schoolScope(viewer, cap)] },\n});")).toHaveLength(1);
    expect(scopedSchoolLookups("await db.school.findUnique({ where: { id }, select: { id: true } });\nconst w = schoolScope(viewer, cap);")).toHaveLength(0);
    expect(scopedSchoolLookups(readFileSync(join(ROOT, LOAD), "utf8"))).toHaveLength(1);
    expect(scopedSchoolLookups("await tx.school.findFirst({ where: { AND: [{ id: input.schoolId }, schoolBchScope(viewer)] }, select: SCHOOL });")).toHaveLength(1);
    expect(scopedSchoolLookups("await db.school.findFirst({ where: { AND: [{ id }, (await unitSchoolsWhere(viewer, unitId, cap)).where] } });")).toHaveLength(1);
  });

  it(`no file outside lib/authz looks a school up by scope (${LOAD} schoolFor does)`, () => {
    const offenders = files
      .filter((f) => !f.path.startsWith("lib/authz/"))
      .flatMap((f) => scopedSchoolLookups(f.src).map((w) => `${f.path}: ${w}`));
    expect(offenders, "use schoolFor(viewer, schoolId, cap, db?, select?) from lib/authz/load.ts").toEqual([]);
  });
});
