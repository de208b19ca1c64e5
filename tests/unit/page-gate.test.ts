// Pages ask the gate too (issue 10, docs/decisions/0009-one-gate.md): every page of an upper unit
// (app/(app)/cap-tren/[unitId]/**) checks that the unit in the URL is one the viewer serves with
// the page's capability, through requireAccess(cap, { unit }), before its loader runs; every
// school page of the areas converted so far does the same with { school, within: true }.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
function pages(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) pages(p, out);
    else if (name === "page.tsx") out.push(relative(ROOT, p).replaceAll("\\", "/"));
  }
  return out;
}
const src = (p: string) => readFileSync(join(ROOT, p), "utf8");

/** School areas whose pages are gated: every area of the school (no exception list). */
const SCHOOL_AREAS = ["", "doan-vien", "phong-trao", "bieu-diem", "hop-lien-tich", "nhat-ky", "to-cong-doan", "cham-diem", "ke-hoach", "de-nghi", "sang-kien", "hoi-dong"];

describe("pages ask the gate", () => {
  const unitPages = pages(join(ROOT, "app/(app)/cap-tren"));
  it("every upper-unit page requires access to the unit in its URL", () => {
    expect(unitPages.length).toBeGreaterThanOrEqual(19);
    const missing = unitPages.filter((p) => !/requireAccess\(\s*"[\w.]+",\s*\{\s*unit:\s*\(await params\)\.unitId\s*\}\s*\)/.test(src(p)));
    expect(missing).toEqual([]);
  });

  it("every school area is gated: no page under truong/[schoolId] is left out", () => {
    const base = "app/(app)/truong/[schoolId]";
    const areas = readdirSync(join(ROOT, base)).filter((n) => statSync(join(ROOT, base, n)).isDirectory());
    expect(areas.filter((a) => !SCHOOL_AREAS.includes(a))).toEqual([]);
  });

  it("every page of the gated school areas requires access to the school in its URL", () => {
    const base = "app/(app)/truong/[schoolId]";
    const schoolPages = pages(join(ROOT, base)).filter((p) => SCHOOL_AREAS.some((a) => (a === "" ? p === `${base}/page.tsx` : p.startsWith(`${base}/${a}/`))));
    expect(schoolPages.length).toBeGreaterThanOrEqual(31);
    // One capability, or a list of them (any one is enough: the nominations index serves members too).
    const missing = schoolPages.filter((p) => !/requireAccess\(\s*(?:"[\w.]+"|\[\s*"[\w.]+"(?:,\s*"[\w.]+")*\s*\]),\s*\{\s*school:\s*\(await params\)\.schoolId,\s*within:\s*true\s*\}\s*\)/.test(src(p)));
    expect(missing).toEqual([]);
  });

  it("no page decides by a role name", () => {
    const all = pages(join(ROOT, "app"));
    const byRole = all.filter((p) => /\.grants\b|\brole\s*===\s*"(ADMIN|UPPER_STAFF|PRINCIPAL|UNION_CHAIR|GROUP_LEADER|MEMBER)"/.test(src(p)));
    expect(byRole).toEqual([]);
  });
});
