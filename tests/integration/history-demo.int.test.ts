// The history demo (lib/seed/history-demo.ts): two earlier school years for every demo school
// and the union terms, loaded once, in final state, and true to itself — sealed snapshots
// verify, stored totals are what the scale computes, every award has its decided nominee, LĐTT
// only for registered members the council rated Tốt or better, CSTĐCS within 15%, and the years
// differ from each other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/lib/seed/demo";
import { HISTORY_DEMO, historyIds, seedHistoryDemo } from "@/lib/seed/history-demo";
import { computeStage } from "@/lib/scoring/rules";
import { stageDataOf } from "@/lib/scoring/load";
import { TEMPLATE_100 } from "@/lib/scoring/templates";
import { verifySnapshot } from "@/lib/scoring/snapshot";
import { openDemoDb } from "../factories/demo-db";
import type { TestDb } from "./harness";

let t: TestDb;
beforeAll(async () => {
  ({ t } = await openDemoDb({ scoring: true, history: true }));
});
afterAll(() => t?.drop());

const YEARS = [
  [2023, HISTORY_DEMO.years.Y2023],
  [2024, HISTORY_DEMO.years.Y2024],
] as const;
const SCHOOLS = Object.values(DEMO.schools);

describe("seedHistoryDemo", () => {
  it("loads once", async () => {
    const before = await t.prisma.award.count();
    expect((await seedHistoryDemo(t.prisma)).created).toBe(false);
    expect(await t.prisma.award.count()).toBe(before);
  });

  it("gives every school, each year, a closed campaign with registrations and a closed period sealed at every stage", async () => {
    for (const [y, yearId] of YEARS) {
      for (const schoolId of SCHOOLS) {
        const ids = historyIds(schoolId, y);
        const c = await t.prisma.campaign.findUniqueOrThrow({ where: { id: ids.campaign }, include: { _count: { select: { registrations: true } } } });
        expect([c.schoolId, c.schoolYearId, c.state]).toEqual([schoolId, yearId, "CLOSED"]);
        expect(c._count.registrations).toBeGreaterThan(5);
        const p = await t.prisma.scorePeriod.findUniqueOrThrow({ where: { id: ids.period }, include: { snapshots: true, _count: { select: { sheets: true } } } });
        expect(p.state).toBe("CLOSED");
        expect(p.snapshots.map((s) => s.stage).sort()).toEqual(["COUNCIL", "GROUP", "SELF"]);
        for (const s of p.snapshots) expect(verifySnapshot(s), `${ids.period} ${s.stage}`).toBe(true);
        expect(p._count.sheets).toBeGreaterThanOrEqual(DEMO.schoolSizes[schoolId as keyof typeof DEMO.schoolSizes] - 2);
      }
    }
  });

  it("stores the totals and classifications the scale computes", async () => {
    const stages = await t.prisma.scoreStage.findMany({ where: { id: { startsWith: "stg_h_" } } });
    expect(stages.length).toBeGreaterThan(1000);
    for (const s of stages) {
      const r = computeStage(TEMPLATE_100, stageDataOf(s.data));
      expect([s.totalTenths, s.classification], s.id).toEqual([r.total, r.classification?.label ?? null]);
    }
  });

  it("decides every nominee on record, through both routes, with one award each", async () => {
    const items = await t.prisma.nominationItem.findMany({ where: { package: { id: { startsWith: "hs_h_" } } }, include: { awards: true, package: true } });
    expect(items.length).toBeGreaterThan(200);
    for (const i of items) {
      expect(i.awards, i.id).toHaveLength(i.status === "DECIDED" ? 1 : 0);
      if (i.awards[0]) expect([i.awards[0].titleCode, i.awards[0].memberId, i.awards[0].schoolYearId]).toEqual([i.titleCode, i.memberId, i.package.schoolYearId]);
    }
    expect(items.filter((i) => i.status === "REJECTED")).toHaveLength(1);
    for (const [, yearId] of YEARS) {
      for (const schoolId of SCHOOLS) {
        const routes = await t.prisma.award.groupBy({ by: ["titleCode"], where: { schoolId, schoolYearId: yearId }, _count: { _all: true } });
        const codes = routes.map((r) => r.titleCode);
        expect(codes, `${schoolId} ${yearId}`).toContain("GK_CD_CAP_TREN"); // union route
        expect(codes, `${schoolId} ${yearId}`).toContain("LDTT"); // government route (TH Sơn Thủy A: the awards demo)
      }
    }
    const decisions = await t.prisma.awardDecision.findMany({ where: { id: { in: Object.values(HISTORY_DEMO.decisions) } } });
    expect(decisions.map((d) => d.side)).toEqual(decisions.map(() => "UNION"));
    expect(await t.prisma.awardDecision.count({ where: { id: { startsWith: "qd_h_" }, side: "STATE" } })).toBe(2 * (SCHOOLS.length - 1));
  });

  it("gives LĐTT only to registered members the council rated Tốt or better, CSTĐCS to at most 15% of them", async () => {
    for (const [y, yearId] of YEARS) {
      for (const schoolId of SCHOOLS.filter((s) => s !== DEMO.schools.STA)) {
        const ids = historyIds(schoolId, y);
        const awards = await t.prisma.award.findMany({ where: { decisionId: ids.stateDecision, subject: "MEMBER", schoolYearId: yearId } });
        const ldtt = awards.filter((a) => a.titleCode === "LDTT");
        const cstdcs = awards.filter((a) => a.titleCode === "CSTDCS");
        expect(ldtt.length).toBeGreaterThan(0);
        expect(cstdcs.length).toBeLessThanOrEqual(Math.floor(ldtt.length * 0.15));
        const council = await t.prisma.scoreStage.findMany({ where: { stage: "COUNCIL", sheet: { periodId: ids.period, memberId: { in: ldtt.map((a) => a.memberId!) } } } });
        expect(council).toHaveLength(ldtt.length);
        for (const s of council) expect(["Xuất sắc", "Tốt"]).toContain(s.classification);
        const regs = await t.prisma.registration.count({ where: { campaignId: ids.campaign, memberId: { in: ldtt.map((a) => a.memberId!) } } });
        expect(regs).toBe(ldtt.length);
        expect(cstdcs.every((a) => ldtt.some((l) => l.memberId === a.memberId))).toBe(true);
      }
    }
  });

  it("makes the years differ, school by school", async () => {
    const count = async (yearId: string) =>
      new Map((await t.prisma.award.groupBy({ by: ["schoolId"], where: { schoolYearId: yearId, titleCode: "LDTT" }, _count: { _all: true } })).map((r) => [r.schoolId, r._count._all]));
    const [a, b] = [await count(HISTORY_DEMO.years.Y2023), await count(HISTORY_DEMO.years.Y2024)];
    expect(SCHOOLS.filter((s) => a.get(s) !== b.get(s)).length).toBeGreaterThanOrEqual(4);
  });

  it("records the union term 2023–2028 of each union unit above the schools", async () => {
    const terms = await t.prisma.unionTerm.findMany({ orderBy: { organisationId: "asc" } });
    expect(terms.map((x) => [x.organisationId, x.label])).toEqual([
      [DEMO.orgs.CDGD_BACSON, "2023–2028"],
      [DEMO.orgs.CDGD_SONTHUY, "2023–2028"],
      [DEMO.orgs.LDLD_SONHA, "2023–2028"],
    ]);
  });

  it("is immutable like any decided record", async () => {
    await expect(t.prisma.award.updateMany({ where: { decisionId: HISTORY_DEMO.decisions.SONTHUY_2023 }, data: { recipientName: "x" } })).rejects.toThrow();
    await expect(t.prisma.scorePeriod.update({ where: { id: historyIds(DEMO.schools.KD, 2023).period }, data: { name: "x" } })).rejects.toThrow();
  });
});
