// The app reads every member's facts in ONE query (lib/awards/facts-loader.ts schoolFacts, issue 9
// "eligibility of 150 members ≤ 150 ms"), for the eligibility page and the nominations alike. An
// independent loader, one Prisma query per table (tests/factories/facts-reference.ts, the app's
// loader before the one query), must give the same facts, member by member, for every demo school
// and every school year (demo history: three years of evaluations, awards, a revoked decision,
// initiatives, disciplines, open cases, registrations), and the same verdicts; so must the
// nominations' read of named members (loadMemberFacts with ids, LEFT members included). Runs on
// PostgreSQL (DATABASE_URL) and on PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/lib/seed/demo";
import { seedRoutesDemo } from "@/lib/seed/routes-demo";
import { getEligibilityPage } from "@/lib/awards/eligibility-queries";
import { evaluateAll, loadMemberFacts, schoolFacts, settingsFor } from "@/lib/awards/facts-loader";
import { referenceMemberFacts } from "../factories/facts-reference";
import { periodOf } from "@/lib/awards/facts";
import { todayIsoVN } from "@/lib/time";
import type { TestDb } from "./harness";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ history: true }));
  await seedRoutesDemo(t.prisma);
}, 240_000);

afterAll(async () => {
  await t?.drop();
});

/**
 * Arrays of facts sorted (the rules do not read their order). registeredIn too: both loaders list
 * campaigns by launch time, and the demo launches several campaigns in the same millisecond, whose
 * order neither query fixes.
 */
function canonical<T>(x: T): T {
  if (Array.isArray(x)) return x.map(canonical) as T;
  if (x && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(x)) {
      const c = canonical(val);
      out[k] = Array.isArray(c) ? [...c].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : c;
    }
    return out as T;
  }
  return x;
}

describe("the eligibility page's one-query facts", () => {
  it("equal the one-query-per-table reference for every demo school and school year, and give the same verdicts", async () => {
    const p = t.prisma;
    const schools = await p.school.findMany({ select: { id: true, unionUnitId: true } });
    const years = await p.schoolYear.findMany({ select: { id: true, label: true, startsOn: true, endsOn: true } });
    expect(schools.length).toBeGreaterThan(1);
    expect(years.length).toBeGreaterThan(1);
    let members = 0;
    let withAwards = 0;
    let registered = 0;
    for (const s of schools) {
      for (const y of years) {
        const period = periodOf(y);
        const [mine, theirs, settings] = await Promise.all([schoolFacts(p, s, period), referenceMemberFacts(p, s.id, period), settingsFor(p, s.unionUnitId, period)]);
        expect(mine.facts.map((r) => r.member.id), `${s.id} ${y.label}: members in order`).toEqual(theirs.map((r) => r.member.id));
        expect(canonical(mine.facts), `${s.id} ${y.label}: facts`).toEqual(canonical(theirs));
        expect(mine.settings, `${s.id} ${y.label}: thresholds`).toEqual(settings);
        const today = todayIsoVN();
        const verdicts = (rows: typeof theirs) => evaluateAll(rows, period, settings, today).map((r) => r.verdicts.map((x) => [x.title, x.eligible]));
        expect(evaluateAll(mine.facts, period, mine.settings, today).map((r) => r.verdicts.map((x) => [x.title, x.eligible]))).toEqual(verdicts(theirs));
        members += theirs.length;
        withAwards += theirs.filter((r) => r.facts.awards.length > 0).length;
        registered += theirs.filter((r) => (r.facts.registeredIn ?? []).length > 0).length;
      }
    }
    // The comparison saw the facts that matter.
    expect(members).toBeGreaterThan(20);
    expect(withAwards).toBeGreaterThan(0);
    expect(registered).toBeGreaterThan(0);
  });

  it("the nominations' read of named members (one, several, one who has left) equals the reference", async () => {
    const p = t.prisma;
    const period = periodOf(await p.schoolYear.findUniqueOrThrow({ where: { id: DEMO.years.Y2025 } }));
    const all = await p.member.findMany({ where: { schoolId: DEMO.schools.STA }, select: { id: true }, orderBy: { id: "asc" } });
    const gone = all[all.length - 1].id;
    await p.member.update({ where: { id: gone }, data: { status: "LEFT" } });
    for (const ids of [[all[0].id], [all[1].id, all[2].id, all[3].id], [gone], ["mem_no_such_member"]]) {
      const [mine, theirs] = await Promise.all([loadMemberFacts(p, DEMO.schools.STA, period, ids), referenceMemberFacts(p, DEMO.schools.STA, period, ids)]);
      expect(canonical(mine), ids.join(",")).toEqual(canonical(theirs));
    }
    expect((await loadMemberFacts(p, DEMO.schools.STA, period, [gone])).map((r) => r.member.status)).toEqual(["LEFT"]);
    // Another school's member is not read through this school.
    const other = await p.member.findFirstOrThrow({ where: { schoolId: DEMO.schools.KD }, select: { id: true } });
    expect(await loadMemberFacts(p, DEMO.schools.STA, period, [other.id])).toEqual([]);
  });

  it("the page's evaluation forms, disciplines and open cases are this school's", async () => {
    const page = await getEligibilityPage(v.STA_CHAIR, DEMO.schools.STA, { yearId: DEMO.years.Y2025 });
    const evals = await t.prisma.memberEvaluation.findMany({ where: { schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2025 } });
    for (const r of page.rows) {
      const e = evals.find((x) => x.memberId === r.id);
      expect(r.evaluation).toEqual({ grade: e?.grade ?? null, standardRating: e?.standardRating ?? null, registered: e?.registered ?? false, absenceWorkingDays: e?.absenceWorkingDays ?? 0, maternityLeaveDays: e?.maternityLeaveDays ?? 0, note: e?.note ?? null, version: e?.version ?? 0 });
    }
    const disciplines = await t.prisma.discipline.findMany({ where: { schoolId: DEMO.schools.STA }, include: { member: { select: { fullName: true } } }, orderBy: { decidedOn: "desc" }, take: 50 });
    expect(page.disciplines.map((d) => [d.id, d.fullName]).sort()).toEqual(disciplines.map((d) => [d.id, d.member.fullName]).sort());
    const cases = await t.prisma.openCase.findMany({ where: { schoolId: DEMO.schools.STA }, orderBy: { openedOn: "desc" }, take: 50 });
    expect(page.openCases.map((c) => [c.id, c.version]).sort()).toEqual(cases.map((c) => [c.id, c.version]).sort());
    expect(page.groups).toEqual(await t.prisma.unionGroup.findMany({ where: { schoolId: DEMO.schools.STA }, select: { id: true, name: true }, orderBy: { name: "asc" } }));
  });
});
