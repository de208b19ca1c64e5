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
import { getPeriodOverview, PERIOD_PAGE_SIZE } from "@/lib/scoring/queries";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { listUnitRegistry, REGISTRY_PAGE_SIZE } from "@/lib/awards/queries";
import { getQuotaListPage, QUOTA_PAGE_SIZE } from "@/lib/awards/quota-page";
import { getPlanStatusPage, PLAN_STATUS_PAGE_SIZE } from "@/lib/plans/status-page";
import { getCouncilPage } from "@/lib/council/queries";
import { unitDescendants } from "@/lib/orgs/tree";

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
    // The scoped school, the years, and ONE query for every member's facts and the unit chain's
    // thresholds (lib/awards/facts-loader.ts schoolFacts): three operations whatever the size.
    expect(small.n).toBe(3);
    expect(large.n).toBe(small.n);
    const page4 = await getEligibilityPage(v.UPPER_BACSON, S.BS, { yearId: Y25, page: 4 });
    expect(page4.rows.length).toBe(ELIGIBILITY_PAGE_SIZE);
    expect(page4.page).toBe(4);
    const last = await getEligibilityPage(v.UPPER_BACSON, S.BS, { yearId: Y25, page: 99 });
    expect(last.page).toBe(4);
  });
});

describe("the scoring period: by union group, one page of sheets at a time", () => {
  it("a chosen group lists exactly its sheets; the distribution still covers every sheet", async () => {
    const period = SCORING_DEMO.periods.STA_LAST_YEAR;
    const sheets = await t.prisma.scoreSheet.count({ where: { periodId: period } });
    const inGroup = await t.prisma.scoreSheet.count({ where: { periodId: period, member: { unionGroupId: DEMO.groups.STA_K12 } } });
    expect(inGroup).toBeGreaterThan(0);
    const o = await getPeriodOverview(v.STA_CHAIR, S.STA, period, { groupId: DEMO.groups.STA_K12 });
    expect(o.list).toMatchObject({ groupId: DEMO.groups.STA_K12, total: inGroup, anomaliesShown: true });
    expect(o.rows.length).toBe(inGroup);
    expect(o.rows.every((r) => r.groupId === DEMO.groups.STA_K12)).toBe(true);
    expect(o.distribution.reduce((n, g) => n + g.total, 0)).toBe(sheets);
    expect(o.groups.reduce((n, g) => n + g.sheets, 0)).toBe(await t.prisma.scoreSheet.count({ where: { periodId: period, member: { unionGroupId: { not: null } } } }));
    // Another school's group is ignored: the whole period, paged.
    const kdGroup = await t.prisma.unionGroup.findFirstOrThrow({ where: { schoolId: S.KD } });
    expect((await getPeriodOverview(v.STA_CHAIR, S.STA, period, { groupId: kdGroup.id })).list.total).toBe(sheets);
  });

  it("200 sheets come 50 at a time, in name order, without repeats", async () => {
    await t.prisma.campaign.create({ data: { id: "cmp_bs_paged", schoolId: S.BS, schoolYearId: Y25, name: "Thi đua năm học 2025–2026", movement: "HAI_TOT", titles: ["LDTT"], state: "SCORING" } });
    await t.prisma.scorePeriod.create({ data: { id: "per_bs_paged", campaignId: "cmp_bs_paged", schoolId: S.BS, scaleVersionId: SCORING_DEMO.versions.KD_CURRENT, name: "Cả năm", kind: "YEAR", startsOn: new Date("2025-09-05"), endsOn: new Date("2026-05-31") } });
    const members = await t.prisma.member.findMany({ where: { schoolId: S.BS, status: { not: "LEFT" } }, select: { id: true, sortKey: true } });
    await t.prisma.scoreSheet.createMany({ data: members.map((m) => ({ periodId: "per_bs_paged", memberId: m.id })) });
    const seen: string[] = [];
    for (let p = 1; p <= Math.ceil(members.length / PERIOD_PAGE_SIZE); p++) {
      const o = await getPeriodOverview(v.UPPER_BACSON, S.BS, "per_bs_paged", { page: p });
      expect(o.list.total).toBe(members.length);
      expect(o.rows.length).toBe(Math.min(PERIOD_PAGE_SIZE, members.length - (p - 1) * PERIOD_PAGE_SIZE));
      seen.push(...o.rows.map((r) => r.memberId));
    }
    expect(seen.length).toBe(200);
    expect(new Set(seen).size).toBe(200);
    const bySort = new Map(members.map((m) => [m.id, m.sortKey]));
    expect(seen.map((id) => bySort.get(id))).toEqual(members.map((m) => m.sortKey).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe("the upper unit's lists across schools: search, filter, sort and page on the server", () => {
  const UNIT = DEMO.orgs.CDGD_SONTHUY;
  const names = Array.from({ length: 60 }, (_, i) => `Trường Mầm non Thử Nghiệm ${String(i + 1).padStart(2, "0")}`);
  beforeAll(async () => {
    await t.prisma.school.createMany({ data: names.map((name, i) => ({ id: `sch_paged_${i}`, code: `PAGED-${i}`, name, nameSearch: foldVietnamese(name), level: "MAM_NON" as const, unionName: `CĐCS ${name}`, unionUnitId: UNIT })) });
  });
  const inTree = async () => t.prisma.school.count({ where: { unionUnitId: { in: await unitDescendants(t.prisma, UNIT) } } });

  it("plan status: totals over every school first, then pages of 50; search and status filter", async () => {
    const schools = await inTree();
    const p1 = await getPlanStatusPage(v.UPPER_SONTHUY, UNIT);
    expect(p1.totals.schools).toBe(schools);
    expect(p1.totals.NONE + p1.totals.DRAFT + p1.totals.SUBMITTED + p1.totals.SIGNED).toBe(schools);
    expect(p1.totals.NONE).toBeGreaterThanOrEqual(60);
    expect(p1.list).toMatchObject({ total: schools, page: 1 });
    expect(p1.list.rows.length).toBe(PLAN_STATUS_PAGE_SIZE);
    const p2 = await getPlanStatusPage(v.UPPER_SONTHUY, UNIT, { page: 2 });
    expect(p2.list.rows.length).toBe(schools - PLAN_STATUS_PAGE_SIZE);
    expect(new Set([...p1.list.rows, ...p2.list.rows].map((r) => r.id)).size).toBe(schools);
    const found = await getPlanStatusPage(v.UPPER_SONTHUY, UNIT, { q: "THU NGHIEM 0" });
    expect(found.list.rows.map((r) => r.name)).toEqual(names.slice(0, 9));
    expect((await getPlanStatusPage(v.UPPER_SONTHUY, UNIT, { status: "NONE" })).list.total).toBe(p1.totals.NONE);
    const behind = await getPlanStatusPage(v.UPPER_SONTHUY, UNIT, { sort: "trang-thai" });
    expect(behind.list.rows[0].status).toBe("NONE");
    expect(await code(getPlanStatusPage(v.UPPER_BACSON, UNIT))).toBe("NOT_FOUND");
  });

  it("quotas: the per-school table is searched and paged; the add form's choices stay bounded", async () => {
    const schools = await inTree();
    const q = await getQuotaListPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25 });
    expect(q.schoolCount).toBe(schools);
    expect(q.bySchool.total).toBe(schools);
    expect(q.bySchool.rows.length).toBe(QUOTA_PAGE_SIZE);
    expect((await getQuotaListPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25, page: 2 })).bySchool.rows.length).toBe(schools - QUOTA_PAGE_SIZE);
    const found = await getQuotaListPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25, q: "thu nghiem 1" });
    expect(found.bySchool.rows.map((r) => r.name)).toEqual(names.filter((n) => / 1\d$/.test(n)));
    expect(q.quotas.total).toBe(await t.prisma.awardQuota.count({ where: { organisationId: UNIT, schoolYearId: Y25 } }));
    expect(await code(getQuotaListPage(v.UPPER_BACSON, UNIT, { yearId: Y25 }))).toBe("NOT_FOUND");
  });

  it("registry: pages of 50 over the total, name search without diacritics, sort by name", async () => {
    const tree = await unitDescendants(t.prisma, UNIT);
    const all = await t.prisma.award.count({ where: { school: { unionUnitId: { in: tree } } } });
    expect(all).toBeGreaterThan(REGISTRY_PAGE_SIZE);
    const p1 = await listUnitRegistry(v.UPPER_SONTHUY, UNIT, {});
    expect(p1.total).toBe(all);
    expect(p1.rows.length).toBe(REGISTRY_PAGE_SIZE);
    const last = Math.ceil(all / REGISTRY_PAGE_SIZE);
    const pl = await listUnitRegistry(v.UPPER_SONTHUY, UNIT, { page: last });
    expect(pl.rows.length).toBe(all - (last - 1) * REGISTRY_PAGE_SIZE);
    const someone = await t.prisma.award.findFirstOrThrow({ where: { school: { unionUnitId: { in: tree } }, memberId: { not: null } }, include: { member: true } });
    const needle = someone.member!.nameSearch.split(" ").slice(-2).join(" ");
    const expected = await t.prisma.award.count({ where: { school: { unionUnitId: { in: tree } }, OR: [{ member: { nameSearch: { contains: needle } } }, { school: { nameSearch: { contains: needle } } }] } });
    const found = await listUnitRegistry(v.UPPER_SONTHUY, UNIT, { q: someone.member!.fullName.split(" ").slice(-2).join(" ").toUpperCase() });
    expect(found.total).toBe(expected);
    expect(found.rows.some((r) => r.id === someone.id)).toBe(true);
    const byName = await listUnitRegistry(v.UPPER_SONTHUY, UNIT, { sort: "ten" });
    const firstByName = await t.prisma.award.findMany({ where: { school: { unionUnitId: { in: tree } } }, orderBy: [{ recipientSortKey: "asc" }, { decision: { signedOn: "desc" } }, { id: "asc" }], take: REGISTRY_PAGE_SIZE, select: { id: true } });
    expect(byName.rows.map((r) => r.id)).toEqual(firstByName.map((r) => r.id));
    // More than SCHOOL_SELECT_MAX schools would turn the drop-down into the search; here it lists them.
    expect(p1.schools.length).toBe(await inTree());
  });

  it("council: the 'add a member' choice is searched by name", async () => {
    const c = await getCouncilPage(v.STA_CHAIR, S.STA, Y25);
    if (!c.council) throw new Error("the awards demo has a council for Sơn Thủy A in 2025–2026");
    expect(c.candidateTotal).toBe(c.candidates.length);
    const someone = c.candidates[c.candidates.length - 1];
    const needle = foldVietnamese(someone.fullName).split(" ").slice(-2).join(" ");
    const found = await getCouncilPage(v.STA_CHAIR, S.STA, Y25, { candidateQuery: needle.toUpperCase() });
    expect(found.candidates.map((x) => x.id)).toContain(someone.id);
    expect(found.candidateTotal).toBe(await t.prisma.member.count({ where: { schoolId: S.STA, status: { not: "LEFT" }, nameSearch: { contains: needle }, id: { notIn: c.members.map((m) => m.memberId) } } }));
  });
});
