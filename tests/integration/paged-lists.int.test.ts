// Lists that grow with the data (issue 9) are paged on the server with totals first. Eligibility:
// counts by verdict for the whole school, filters by verdict, union group and name, pages of 50,
// and a fixed number of database operations whatever the school's size (20 or 200 members).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/seed/demo";
import { setDbForTests } from "@/lib/server/db";
import { foldVietnamese, vietnameseSortKey } from "@/lib/format";
import { getEligibilityPage } from "@/lib/awards/queries";
import { ELIGIBILITY_PAGE_SIZE } from "@/lib/awards/eligibility-filters";

const S = DEMO.schools;
const Y25 = DEMO.years.Y2025;

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));
}, 240_000);
afterAll(async () => t?.drop());

/** Every page of the list under the given filters, concatenated. */
async function allPages(q: Parameters<typeof getEligibilityPage>[2] & object) {
  const first = await getEligibilityPage(v.STA_CHAIR, S.STA, { ...q, page: 1 });
  const rows = [...first.rows];
  for (let p = 2; p <= Math.ceil(first.total / first.pageSize); p++) rows.push(...(await getEligibilityPage(v.STA_CHAIR, S.STA, { ...q, page: p })).rows);
  return { first, rows };
}

describe("eligibility: totals by verdict first, then a filtered page", () => {
  it("the counts cover the whole school and each verdict filter lists exactly its members", async () => {
    const all = await allPages({ yearId: Y25 });
    const active = await t.prisma.member.count({ where: { schoolId: S.STA, status: { not: "LEFT" } } });
    expect(all.first.counts.members).toBe(active);
    expect(all.rows.length).toBe(active);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(active);
    // The demo's figures (awards-flow): 25 LĐTT, 4 CSTĐCS in 2025–2026.
    expect(all.first.counts.byVerdict).toMatchObject({ LDTT: 25, CSTDCS: 4 });
    const eligible = (r: (typeof all.rows)[number], code: string) => r.verdicts.find((x) => x.title === code)!.eligible;
    for (const f of ["LDTT", "CSTDCS", "CSTD_TINH", "BK_TLD"] as const) {
      const expected = all.rows.filter((r) => eligible(r, f)).map((r) => r.id).sort();
      const filtered = await allPages({ yearId: Y25, verdict: f });
      expect(filtered.first.total).toBe(expected.length);
      expect(filtered.first.counts.byVerdict[f]).toBe(expected.length);
      expect(filtered.rows.map((r) => r.id).sort()).toEqual(expected);
    }
    const none = all.rows.filter((r) => ["LDTT", "CSTDCS", "CSTD_TINH", "BK_TLD"].every((c) => !eligible(r, c))).length;
    expect(none).toBeGreaterThan(0);
    expect(all.first.counts.byVerdict.KHONG).toBe(none);
    expect((await getEligibilityPage(v.STA_CHAIR, S.STA, { yearId: Y25, verdict: "KHONG" })).total).toBe(none);
  });

  it("filters by union group (counted in SQL) and by a name typed without diacritics", async () => {
    const group = DEMO.groups.STA_K12;
    const inGroup = await t.prisma.member.count({ where: { schoolId: S.STA, unionGroupId: group, status: { not: "LEFT" } } });
    expect(inGroup).toBeGreaterThan(0);
    const page = await getEligibilityPage(v.STA_CHAIR, S.STA, { yearId: Y25, groupId: group });
    expect(page.total).toBe(inGroup);
    expect(page.counts.members).toBeGreaterThan(inGroup); // the totals stay the school's
    // Another school's group is ignored, not an error.
    const foreign = await t.prisma.unionGroup.findFirstOrThrow({ where: { schoolId: S.KD } });
    expect((await getEligibilityPage(v.STA_CHAIR, S.STA, { yearId: Y25, groupId: foreign.id })).total).toBe(page.counts.members);
    const someone = await t.prisma.member.findFirstOrThrow({ where: { schoolId: S.STA, status: { not: "LEFT" } }, orderBy: { sortKey: "desc" } });
    const needle = foldVietnamese(someone.fullName).split(" ").slice(-2).join(" ");
    const byName = await getEligibilityPage(v.STA_CHAIR, S.STA, { yearId: Y25, q: needle.toUpperCase() });
    const expected = await t.prisma.member.count({ where: { schoolId: S.STA, status: { not: "LEFT" }, nameSearch: { contains: needle } } });
    expect(byName.total).toBe(expected);
    expect(byName.rows.map((r) => r.id)).toContain(someone.id);
  });

  it("another school's chair finds nothing", async () => {
    expect(await code(getEligibilityPage(v.KD_CHAIR, S.STA, { yearId: Y25 }))).toBe("NOT_FOUND");
  });
});

describe("eligibility is set-based: the same number of database operations for 20 and for 200 members", () => {
  async function addMembers(from: number, to: number) {
    const groups = await t.prisma.unionGroup.findMany({ where: { schoolId: S.BS }, select: { id: true } });
    const data = [];
    for (let i = from; i < to; i++) {
      const fullName = `Nguyễn Văn Thử ${String(i).padStart(3, "0")}`;
      data.push({ id: `mem_bench_${i}`, schoolId: S.BS, unionGroupId: groups[i % groups.length]?.id ?? null, fullName, nameSearch: foldVietnamese(fullName), sortKey: vietnameseSortKey(fullName), gender: i % 2 ? ("NU" as const) : ("NAM" as const), contractStartAt: new Date("2015-08-01") });
    }
    await t.prisma.member.createMany({ data });
    await t.prisma.memberEvaluation.createMany({ data: data.map((m, i) => ({ memberId: m.id, schoolId: S.BS, schoolYearId: Y25, grade: i % 3 ? ("HTTNV" as const) : ("HTXSNV" as const), registered: true })) });
    await t.prisma.discipline.createMany({ data: data.filter((_, i) => i % 7 === 0).map((m) => ({ memberId: m.id, schoolId: S.BS, level: "KHIEN_TRACH" as const, decidedOn: new Date("2025-11-03"), reason: "Thử" })) });
  }
  /** Runs the eligibility page on a client that counts every operation it is asked to run. */
  async function operations(): Promise<{ n: number; members: number }> {
    let n = 0;
    const counting = t.prisma.$extends({ query: { $allOperations: ({ args, query }) => (n++, query(args)) } }) as unknown as PrismaClient;
    setDbForTests(counting);
    try {
      const page = await getEligibilityPage(v.UPPER_BACSON, S.BS, { yearId: Y25 });
      return { n, members: page.counts.members };
    } finally {
      setDbForTests(t.prisma);
    }
  }

  it("20 members, then 200", async () => {
    const base = await t.prisma.member.count({ where: { schoolId: S.BS, status: { not: "LEFT" } } });
    await addMembers(0, 20 - base);
    const small = await operations();
    expect(small.members).toBe(20);
    await addMembers(20 - base, 200 - base);
    const large = await operations();
    expect(large.members).toBe(200);
    expect(small.n).toBeGreaterThan(5);
    expect(large.n).toBe(small.n);
    const page4 = await getEligibilityPage(v.UPPER_BACSON, S.BS, { yearId: Y25, page: 4 });
    expect(page4.rows.length).toBe(ELIGIBILITY_PAGE_SIZE);
    expect(page4.page).toBe(4);
    const last = await getEligibilityPage(v.UPPER_BACSON, S.BS, { yearId: Y25, page: 99 });
    expect(last.page).toBe(4);
  });
});
