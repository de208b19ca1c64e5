// Calibration (issue 9) on the demo data plus a crafted peer: each school's classification beside
// its peers', the questions, the evidence link, server-side filter/sort/paging, and tenancy.
// Expected figures are counted here from the stage rows with Prisma, not with the page's SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { foldVietnamese } from "@/lib/format";
import { getCalibrationPage, CALIBRATION_PAGE_SIZE } from "@/lib/calibration/queries";
import { unitDescendants } from "@/lib/orgs/tree";

const S = DEMO.schools;
const Y25 = DEMO.years.Y2025;
const UNIT = DEMO.orgs.CDGD_SONTHUY;
const KD_PERIOD = "per_kd_2025_calib";

let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true }));
  // Kim Đồng (same unit and level as Sơn Thủy A), 2025–2026: 6 sheets, the group keeps every
  // self-score, the council adds 15 points and rates everyone Xuất sắc.
  await t.prisma.campaign.create({ data: { id: "cmp_kd_2025_calib", schoolId: S.KD, schoolYearId: Y25, name: "Thi đua năm học 2025–2026", movement: "HAI_TOT", titles: ["LDTT"], state: "CLOSED" } });
  await t.prisma.scorePeriod.create({ data: { id: KD_PERIOD, campaignId: "cmp_kd_2025_calib", schoolId: S.KD, scaleVersionId: SCORING_DEMO.versions.KD_CURRENT, name: "Cả năm học 2025–2026", kind: "YEAR", startsOn: new Date("2025-09-05"), endsOn: new Date("2026-05-31"), state: "CLOSED" } });
  const members = await t.prisma.member.findMany({ where: { schoolId: S.KD, status: { not: "LEFT" } }, take: 6, orderBy: { sortKey: "asc" } });
  const entered = DEMO.users.STA_CHAIR;
  for (const [i, m] of members.entries()) {
    const sheet = await t.prisma.scoreSheet.create({ data: { periodId: KD_PERIOD, memberId: m.id } });
    const self = 800 + i * 10;
    await t.prisma.scoreStage.createMany({
      data: [
        { sheetId: sheet.id, stage: "SELF", data: {}, totalTenths: self, complete: true, classification: "Tốt", enteredById: entered },
        { sheetId: sheet.id, stage: "GROUP", data: {}, totalTenths: self, complete: true, classification: "Tốt", enteredById: entered },
        { sheetId: sheet.id, stage: "COUNCIL", data: {}, totalTenths: self + 150, complete: true, classification: "Xuất sắc", enteredById: entered },
      ],
    });
  }
}, 240_000);
afterAll(async () => t?.drop());

/** Sơn Thủy A's figures counted from its stage rows: final class (council, else group) and moves. */
async function expectedSta() {
  const sheets = await t.prisma.scoreSheet.findMany({ where: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR }, include: { stages: true } });
  const counts: Record<string, number> = {};
  const diffs = { GROUP: [] as number[], COUNCIL: [] as number[] };
  for (const sh of sheets) {
    const st = (k: string) => sh.stages.find((x) => x.stage === k && x.complete);
    const fin = st("COUNCIL") ?? st("GROUP");
    if (fin?.classification) counts[fin.classification] = (counts[fin.classification] ?? 0) + 1;
    const self = st("SELF");
    for (const k of ["GROUP", "COUNCIL"] as const) if (self && st(k)) diffs[k].push(st(k)!.totalTenths - self.totalTenths);
  }
  return { counts, diffs };
}

describe("calibration of an upper unit", () => {
  it("puts each school's distribution beside its peers' and asks the questions the data raises", async () => {
    const page = await getCalibrationPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25 });
    const tree = await unitDescendants(t.prisma, UNIT);
    expect(page.totals.schools).toBe(await t.prisma.school.count({ where: { unionUnitId: { in: tree } } }));
    expect(page.totals.withResults).toBe(2);
    const sta = page.rows.find((r) => r.schoolId === S.STA)!;
    const kd = page.rows.find((r) => r.schoolId === S.KD)!;
    const { counts, diffs } = await expectedSta();
    expect(sta.counts).toEqual(counts);
    expect(sta.classified).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
    expect(sta.periodId).toBe(SCORING_DEMO.periods.STA_LAST_YEAR);
    for (const m of sta.moves) {
      const d = diffs[m.stage];
      expect(m.pairs).toBe(d.length);
      expect(m.moved).toBe(d.filter((x) => x !== 0).length);
      expect(m.meanAbsTenths).toBe(Math.round(d.reduce((a, x) => a + Math.abs(x), 0) / d.length));
    }
    // The peers of Kim Đồng are Sơn Thủy A's sheets (same unit, Tiểu học), and the other way round.
    expect(kd.peerCounts).toEqual(counts);
    expect(sta.peerCounts).toEqual({ "Xuất sắc": 6 });
    expect(kd).toMatchObject({ counts: { "Xuất sắc": 6 }, classified: 6, periodId: KD_PERIOD });
    const kinds = kd.questions.map((q) => `${q.kind}${q.stage ? `:${q.stage}` : ""}`);
    expect(kinds).toContain("ALMOST_ALL_EXCELLENT");
    expect(kinds).toContain("NEVER_MOVES:GROUP");
    expect(kinds).toContain("FAR_FROM_SELF:COUNCIL");
    const staExcellent = (counts["Xuất sắc"] ?? 0) / sta.classified;
    expect(kinds.includes("ABOVE_PEERS")).toBe(1 - staExcellent >= 0.3);
    expect(kd.questions.find((q) => q.kind === "FAR_FROM_SELF")!.text).toContain("nâng 15 điểm");
    expect(page.totals.perQuestion.NEVER_MOVES).toBeGreaterThanOrEqual(1);
  });

  it("filters by question and level, searches without diacritics, sorts and pages on the server", async () => {
    const never = await getCalibrationPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25, question: "NEVER_MOVES" });
    expect(never.total).toBe(never.totals.perQuestion.NEVER_MOVES);
    expect(never.rows.every((r) => r.questions.some((q) => q.kind === "NEVER_MOVES"))).toBe(true);
    expect(never.rows.map((r) => r.schoolId)).toContain(S.KD);
    // 30 more primary schools under the unit, without results: pages of 25.
    const names = Array.from({ length: 30 }, (_, i) => `Trường Tiểu học Thử Nghiệm ${String(i + 1).padStart(2, "0")}`);
    await t.prisma.school.createMany({ data: names.map((name, i) => ({ id: `sch_calib_${i}`, code: `CALIB-${i}`, name, nameSearch: foldVietnamese(name), level: "TIEU_HOC" as const, unionName: `CĐCS ${name}`, unionUnitId: UNIT })) });
    const primary = await t.prisma.school.count({ where: { unionUnitId: UNIT, level: "TIEU_HOC" } });
    const p1 = await getCalibrationPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25, level: "TIEU_HOC" });
    expect(p1.total).toBe(primary);
    expect(p1.rows.length).toBe(CALIBRATION_PAGE_SIZE);
    expect(p1.rows[0].schoolId).toBe(S.KD); // most questions first
    const p2 = await getCalibrationPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25, level: "TIEU_HOC", page: 2 });
    expect(p2.rows.length).toBe(primary - CALIBRATION_PAGE_SIZE);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.schoolId)).size).toBe(primary);
    const byName = await getCalibrationPage(v.UPPER_SONTHUY, UNIT, { yearId: Y25, q: "THU NGHIEM 0", sort: "ten" });
    expect(byName.rows.map((r) => r.name)).toEqual(names.slice(0, 9));
  });

  it("defaults to the latest year with results; another unit's staff and a school chair find nothing", async () => {
    const page = await getCalibrationPage(v.UPPER_SONTHUY, UNIT);
    expect(page.year?.id).toBeDefined();
    expect(page.totals.withResults).toBeGreaterThanOrEqual(1);
    expect(await code(getCalibrationPage(v.UPPER_BACSON, UNIT, { yearId: Y25 }))).toBe("NOT_FOUND");
    expect(await code(getCalibrationPage(v.STA_CHAIR, UNIT, { yearId: Y25 }))).toBe("NOT_FOUND");
    expect(await code(getCalibrationPage(v.UPPER_SONTHUY, DEMO.orgs.CDGD_BACSON, { yearId: Y25 }))).toBe("NOT_FOUND");
  });
});
