// The calibration page's precomputed figures (issue 9: "A precomputed summary has a test that it
// equals the live computation after every kind of write that feeds it"). "ScorePeriodFigures" is
// kept by triggers (prisma/migrations/20261203180000_score_period_figures); after each kind of
// write below, on the demo data with scoring and real viewers:
//   - every stored row equals the figures computed live by score_period_figures_live for every
//     period (lib/calibration/figures.ts scorePeriodFiguresDrift: an empty list),
//   - and the page's per-school figures (lib/calibration/queries.ts schoolStats, which reads the
//     summary) equal those of the page's former query, written out below as it was before the
//     summary (every stage joined live), for every school of every upper unit in every school year.
// Writes through the app's mutations: a period created with its sheets (createPeriod), a
// self-assessment saved complete and one incomplete (saveStage), the self stage sealed (sealStage),
// group scores saved per member and in a grid (saveStage, saveGrid), council scores saved
// incomplete then complete (saveStage). Raw SQL for what the app writes in bulk or never: a period
// with its sheets and all three stages inserted in one statement each, classifications and totals
// changed across periods in one statement, stages, sheets and periods deleted, a sheet moved to
// another period, a period moved to another school and its end date changed. Then a damaged and a
// missing row are noticed and the rebuild repairs them, and (PostgreSQL only) two concurrent stage
// saves in the same period leave no drift.
// Runs on PostgreSQL (DATABASE_URL) and on PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { createCampaign, registerSelf, transitionCampaign } from "@/lib/campaigns/mutations";
import { createPeriod, sealStage } from "@/lib/scoring/period-mutations";
import { saveGrid, saveStage } from "@/lib/scoring/mutations";
import { getGrid } from "@/lib/scoring/queries";
import { schoolYearFiguresDrift } from "@/lib/dashboards/figures";
import { allCriteria, type ScaleDefinition } from "@/lib/scoring/scale";
import type { StageData } from "@/lib/scoring/rules";
import { getCalibrationPage, schoolStats } from "@/lib/calibration/queries";
import { unitDescendants } from "@/lib/orgs/tree";
import { rebuildScorePeriodFigures, scorePeriodFiguresDrift } from "@/lib/calibration/figures";
import type { TestDb } from "./harness";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import { raceDescribe, raceIt } from "../factories/races";

let t: TestDb;
let v: DemoViewers;
let p: PrismaClient;
const S = DEMO.schools;
const M = DEMO.members;
const Y26 = DEMO.years.Y2026;
const SC = SCORING_DEMO;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true }));
  p = t.prisma;
}, 240_000);

afterAll(async () => {
  await t?.drop();
});

type FormerRaw = { id: string; name: string; nameSearch: string; level: string; unionUnitId: string; periodId: string | null; counts: Record<string, number> | null; g_pairs: number; g_moved: number; g_abs: number; g_mean: number; k_pairs: number; k_moved: number; k_abs: number; k_mean: number };

/** The page's former query (lib/calibration/queries.ts schoolStats before the summary), with its mapping. */
async function formerStats(unitIds: string[], schoolYearId: string) {
  const rows = await p.$queryRaw<FormerRaw[]>`
    WITH schools AS (
      SELECT s."id", s."name", s."nameSearch", s."level"::text AS level, s."unionUnitId" FROM "School" s WHERE s."unionUnitId" IN (${Prisma.join(unitIds)})
    ), periods AS (
      SELECT DISTINCT ON (p."schoolId") p."schoolId", p."id"
      FROM "ScorePeriod" p JOIN "Campaign" c ON c."id" = p."campaignId"
      WHERE c."schoolYearId" = ${schoolYearId} AND p."schoolId" IN (SELECT "id" FROM schools)
        AND EXISTS (SELECT 1 FROM "ScoreSheet" sh JOIN "ScoreStage" st ON st."sheetId" = sh."id" WHERE sh."periodId" = p."id" AND st."stage" IN ('GROUP', 'COUNCIL') AND st."complete")
      ORDER BY p."schoolId", p."endsOn" DESC, p."createdAt" DESC
    ), sheets AS (
      SELECT per."schoolId",
        COALESCE(se."complete", false) AS self_ok, se."totalTenths" AS self_t,
        COALESCE(g."complete", false) AS g_ok, g."totalTenths" AS g_t, g."classification" AS g_c,
        COALESCE(k."complete", false) AS k_ok, k."totalTenths" AS k_t, k."classification" AS k_c
      FROM periods per JOIN "ScoreSheet" sh ON sh."periodId" = per."id"
      LEFT JOIN "ScoreStage" se ON se."sheetId" = sh."id" AND se."stage" = 'SELF'
      LEFT JOIN "ScoreStage" g ON g."sheetId" = sh."id" AND g."stage" = 'GROUP'
      LEFT JOIN "ScoreStage" k ON k."sheetId" = sh."id" AND k."stage" = 'COUNCIL'
    ), dist AS (
      SELECT "schoolId", cls, count(*)::int AS n
      FROM (SELECT "schoolId", CASE WHEN k_ok THEN k_c WHEN g_ok THEN g_c END AS cls FROM sheets) z
      WHERE cls IS NOT NULL GROUP BY 1, 2
    ), counts AS (
      SELECT "schoolId", json_object_agg(cls, n) AS counts FROM dist GROUP BY 1
    ), moves AS (
      SELECT "schoolId",
        count(*) FILTER (WHERE self_ok AND g_ok)::int AS g_pairs,
        count(*) FILTER (WHERE self_ok AND g_ok AND g_t <> self_t)::int AS g_moved,
        COALESCE(avg(abs(g_t - self_t)) FILTER (WHERE self_ok AND g_ok), 0)::float8 AS g_abs,
        COALESCE(avg(g_t - self_t) FILTER (WHERE self_ok AND g_ok), 0)::float8 AS g_mean,
        count(*) FILTER (WHERE self_ok AND k_ok)::int AS k_pairs,
        count(*) FILTER (WHERE self_ok AND k_ok AND k_t <> self_t)::int AS k_moved,
        COALESCE(avg(abs(k_t - self_t)) FILTER (WHERE self_ok AND k_ok), 0)::float8 AS k_abs,
        COALESCE(avg(k_t - self_t) FILTER (WHERE self_ok AND k_ok), 0)::float8 AS k_mean
      FROM sheets GROUP BY 1
    )
    SELECT s."id", s."name", s."nameSearch", s.level, s."unionUnitId", per."id" AS "periodId", c.counts,
      COALESCE(m.g_pairs, 0) AS g_pairs, COALESCE(m.g_moved, 0) AS g_moved, COALESCE(m.g_abs, 0) AS g_abs, COALESCE(m.g_mean, 0) AS g_mean,
      COALESCE(m.k_pairs, 0) AS k_pairs, COALESCE(m.k_moved, 0) AS k_moved, COALESCE(m.k_abs, 0) AS k_abs, COALESCE(m.k_mean, 0) AS k_mean
    FROM schools s LEFT JOIN periods per ON per."schoolId" = s."id" LEFT JOIN counts c ON c."schoolId" = s."id" LEFT JOIN moves m ON m."schoolId" = s."id"`;
  return rows.map((r) => {
    const counts = Object.fromEntries(Object.entries(r.counts ?? {}).map(([k, n]) => [k, Number(n)]));
    return {
      schoolId: r.id,
      name: r.name,
      nameSearch: r.nameSearch,
      level: r.level,
      unionUnitId: r.unionUnitId,
      periodId: r.periodId,
      counts,
      classified: Object.values(counts).reduce((a, b) => a + b, 0),
      moves: [
        { stage: "GROUP" as const, pairs: Number(r.g_pairs), moved: Number(r.g_moved), meanAbsTenths: Math.round(Number(r.g_abs)), meanTenths: Math.round(Number(r.g_mean)) },
        { stage: "COUNCIL" as const, pairs: Number(r.k_pairs), moved: Number(r.k_moved), meanAbsTenths: Math.round(Number(r.k_abs)), meanTenths: Math.round(Number(r.k_mean)) },
      ],
    };
  });
}

const bySchool = <T extends { schoolId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0));

/** The summary equals the live figures, and the page's figures equal the former query's, for every unit and year. */
async function expectEqual(step: string) {
  expect(await scorePeriodFiguresDrift(p), `${step}: ScorePeriodFigures vs live`).toEqual([]);
  const units = (await p.school.findMany({ distinct: ["unionUnitId"], select: { unionUnitId: true } })).map((s) => s.unionUnitId);
  for (const y of await p.schoolYear.findMany({ select: { id: true } })) {
    expect(bySchool(await schoolStats(p, units, y.id)), `${step}: page figures vs former query, ${y.id}`).toEqual(bySchool(await formerStats(units, y.id)));
  }
  // The year the page opens on (no year chosen), as the page chose it before the summary.
  const tree = await unitDescendants(p, DEMO.orgs.CDGD_SONTHUY);
  const latest = await p.scorePeriod.findFirst({
    where: { school: { unionUnitId: { in: tree } }, sheets: { some: { stages: { some: { stage: { in: ["GROUP", "COUNCIL"] }, complete: true } } } } },
    orderBy: { endsOn: "desc" },
    select: { campaign: { select: { schoolYearId: true } } },
  });
  expect((await getCalibrationPage(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY)).year?.id, `${step}: the page's default year`).toBe(latest?.campaign.schoolYearId);
}

const stored = (periodId: string) => p.scorePeriodFigures.findUnique({ where: { periodId } });

/** Stage data on the period's scale: full marks less `minus` points; `leaveOut` leaves a criterion unscored (incomplete). */
async function stageData(periodId: string, minus = 0, leaveOut = false): Promise<StageData> {
  const period = await p.scorePeriod.findUniqueOrThrow({ where: { id: periodId }, select: { scaleVersion: { select: { definition: true } } } });
  const entries: StageData["entries"] = {};
  let left = minus;
  allCriteria(period.scaleVersion.definition as unknown as ScaleDefinition).forEach((c, i) => {
    if (leaveOut && i === 0) return;
    const off = Math.min(left, c.max / 10);
    left -= off;
    entries[c.key] = { state: "SCORED", points: c.max - off * 10 };
  });
  return { entries, deductions: [], bonus: {}, disqualifiers: [] };
}

const version = async (sheetId: string, stage: "SELF" | "GROUP" | "COUNCIL") => (await p.scoreStage.findUnique({ where: { sheetId_stage: { sheetId, stage } } }))?.version ?? 0;

let periodId = "";
const sheetOf = (memberId: string) => p.scoreSheet.findFirstOrThrow({ where: { periodId, memberId } }).then((s) => s.id);

describe("the calibration figures equal the live computation", () => {
  it("after the seeds (the migration's backfill and the seeded rows), and as the former query computed them", async () => {
    expect(await p.scorePeriodFigures.count()).toBe(await p.scorePeriod.count());
    expect((await stored(SC.periods.STA_LAST_YEAR))?.hasResults).toBe(true);
    await expectEqual("seeds");
  });

  it("after a period is created with its sheets (createPeriod)", async () => {
    const c = await createCampaign(v.STA_CHAIR, { schoolId: S.STA, name: "Đợt thi đua kiểm thử hiệu chỉnh", movement: "HAI_TOT", schoolYearId: Y26, audience: "ALL_MEMBERS", scaleId: SC.scales.STA_DRIVE, registrationDeadline: new Date(Date.UTC(2099, 0, 1)), titles: ["LDTT"], rounds: [] });
    await transitionCampaign(v.STA_CHAIR, { campaignId: c.id, version: 1, action: "open" });
    await registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: c.id, title: "LDTT" });
    await registerSelf(v.STA_GROUP_LEADER, { schoolId: S.STA, campaignId: c.id, title: "LDTT" });
    await registerSelf(v.STA_CHAIR, { schoolId: S.STA, campaignId: c.id, title: "LDTT" });
    await transitionCampaign(v.STA_CHAIR, { campaignId: c.id, version: 2, action: "startScoring" });
    // Ends after the demo's drive: once it has group results, the page shows it for Sơn Thủy A.
    periodId = (await createPeriod(v.STA_CHAIR, { schoolId: S.STA, campaignId: c.id, name: "Tháng 12/2026", kind: "MONTH", startsOn: new Date(Date.UTC(2026, 11, 1)), endsOn: new Date(Date.UTC(2026, 11, 31)), scaleVersionId: SC.versions.STA_DRIVE })).id;
    expect(await p.scoreSheet.count({ where: { periodId } })).toBe(3);
    expect(await stored(periodId)).toMatchObject({ schoolId: S.STA, hasResults: false, counts: null, gPairs: 0, kPairs: 0 });
    await expectEqual("period created");
  });

  it("after self-assessments are saved, complete and incomplete, and the self stage is sealed (saveStage, sealStage)", async () => {
    const member = await sheetOf(M.STA_MEMBER);
    await saveStage(v.STA_MEMBER, { sheetId: member, stage: "SELF", version: 0, data: await stageData(periodId, 0), explanation: "Tự đánh giá theo minh chứng." });
    await expectEqual("self-assessment complete");
    const leader = await sheetOf(M.STA_GROUP_LEADER);
    await saveStage(v.STA_GROUP_LEADER, { sheetId: leader, stage: "SELF", version: 0, data: await stageData(periodId, 5, true) });
    await expectEqual("self-assessment incomplete");
    await saveStage(v.STA_GROUP_LEADER, { sheetId: leader, stage: "SELF", version: await version(leader, "SELF"), data: await stageData(periodId, 5) });
    await saveStage(v.STA_CHAIR, { sheetId: await sheetOf(M.STA_CHAIR), stage: "SELF", version: 0, data: await stageData(periodId, 2) });
    await expectEqual("self-assessments complete");
    const period = await p.scorePeriod.findUniqueOrThrow({ where: { id: periodId } });
    await sealStage(v.STA_CHAIR, { periodId, version: period.version });
    expect((await p.scorePeriod.findUniqueOrThrow({ where: { id: periodId } })).state).toBe("GROUP_SCORING");
    await expectEqual("self stage sealed");
    expect((await stored(periodId))?.hasResults).toBe(false);
  });

  it("after the group leader scores, per member and in a grid (saveStage, saveGrid)", async () => {
    const member = await sheetOf(M.STA_MEMBER);
    await saveStage(v.STA_GROUP_LEADER, { sheetId: member, stage: "GROUP", version: 0, data: await stageData(periodId, 3), explanation: "Tổ thống nhất trừ điểm." });
    await expectEqual("group score saved");
    expect(await stored(periodId)).toMatchObject({ hasResults: true, gPairs: 1, gMoved: 1, gAbs: 30, gSum: -30 });
    const sta = (await schoolStats(p, [DEMO.orgs.CDGD_SONTHUY], Y26)).find((s) => s.schoolId === S.STA);
    expect(sta?.periodId).toBe(periodId);
    expect(sta?.moves[0]).toEqual({ stage: "GROUP", pairs: 1, moved: 1, meanAbsTenths: 30, meanTenths: -30 });
    const data = await stageData(periodId, 1);
    const out = await saveGrid(v.STA_GROUP_LEADER, { periodId, stage: "GROUP", rows: [{ sheetId: member, version: await version(member, "GROUP"), entries: data.entries, bonus: {} }] });
    expect(out.saved).toHaveLength(1);
    await expectEqual("group grid saved");
    expect(await stored(periodId)).toMatchObject({ gPairs: 1, gAbs: 10, gSum: -10 });
  });

  it("after council scores are saved incomplete, then complete (saveStage)", async () => {
    const sheet = await p.scoreSheet.findFirstOrThrow({ where: { periodId: SC.periods.STA_DRIVE, memberId: M.STA_MEMBER } });
    await saveStage(v.STA_CHAIR, { sheetId: sheet.id, stage: "COUNCIL", version: await version(sheet.id, "COUNCIL"), data: await stageData(SC.periods.STA_DRIVE, 0, true), explanation: "Hội đồng chưa chấm xong." });
    await expectEqual("council score incomplete");
    await saveStage(v.STA_CHAIR, { sheetId: sheet.id, stage: "COUNCIL", version: await version(sheet.id, "COUNCIL"), data: await stageData(SC.periods.STA_DRIVE, 30), explanation: "Hội đồng thống nhất trừ điểm." });
    await expectEqual("council score complete");
    expect((await p.scoreStage.findUniqueOrThrow({ where: { sheetId_stage: { sheetId: sheet.id, stage: "COUNCIL" } } })).complete).toBe(true);
  });

  it("after the council saves a whole group in the grid (many rows, one transaction, the summaries refreshed once at its end)", async () => {
    const grid = await getGrid(v.STA_CHAIR, S.STA, SC.periods.STA_DRIVE, DEMO.groups.STA_K3, "COUNCIL");
    const rows = grid.rows.filter((r) => !r.blocked);
    expect(rows.length).toBeGreaterThan(3);
    const data = await stageData(SC.periods.STA_DRIVE, 20);
    const res = await saveGrid(v.STA_CHAIR, { periodId: SC.periods.STA_DRIVE, stage: "COUNCIL", rows: rows.map((r) => ({ sheetId: r.sheetId, version: r.version, entries: data.entries, bonus: {} })) });
    expect([res.saved.length, res.conflicts, res.errors]).toEqual([rows.length, [], {}]);
    await expectEqual("council grid saved");
    expect(await schoolYearFiguresDrift(p), "council grid saved: SchoolYearFigures vs live").toEqual([]);
    // Nothing of the deferral outlives the transaction: the next single save refreshes at once.
    const one = rows[0].sheetId;
    await saveStage(v.STA_CHAIR, { sheetId: one, stage: "COUNCIL", version: await version(one, "COUNCIL"), data: await stageData(SC.periods.STA_DRIVE, 60), explanation: "Hội đồng điều chỉnh." });
    await expectEqual("one council save after the grid");
    expect(await schoolYearFiguresDrift(p)).toEqual([]);
  });

  let rawPeriod = "";
  it("after a period, its sheets and their three stages are inserted in one statement each (bulk)", async () => {
    rawPeriod = "per_spf_raw";
    await p.$executeRaw`INSERT INTO "ScorePeriod" ("id", "campaignId", "schoolId", "scaleVersionId", "name", "kind", "startsOn", "endsOn", "state", "updatedAt")
      VALUES (${rawPeriod}, ${SC.campaigns.STA_CURRENT}, ${S.STA}, ${SC.versions.STA_DRIVE}, 'Kiểm thử hàng loạt', 'MONTH', DATE '2027-01-01', DATE '2027-01-31', 'COUNCIL_REVIEW', now())`;
    await p.$executeRaw`INSERT INTO "ScoreSheet" ("id", "periodId", "memberId") SELECT 'sh_spf_' || m."id", ${rawPeriod}, m."id" FROM "Member" m WHERE m."schoolId" = ${S.STA} AND m."status" <> 'LEFT'`;
    await expectEqual("bulk period and sheets");
    const n = await p.$executeRaw`INSERT INTO "ScoreStage" ("id", "sheetId", "stage", "data", "totalTenths", "complete", "classification", "enteredById", "updatedAt")
      SELECT sh."id" || '_' || st.k, sh."id", st.k::"ScoreStageKind", '{}'::jsonb,
        900 + (row_number() OVER (PARTITION BY st.k ORDER BY sh."id"))::int % 7 * 10 - CASE st.k WHEN 'SELF' THEN 0 WHEN 'GROUP' THEN 20 ELSE 40 END,
        st.k <> 'COUNCIL' OR sh."id" > 'sh_spf_mem_sta_m', CASE WHEN st.k = 'COUNCIL' AND sh."id" <= 'sh_spf_mem_sta_m' THEN NULL WHEN st.k = 'COUNCIL' THEN 'Tốt' ELSE 'Xuất sắc' END,
        ${DEMO.users.STA_CHAIR}, now()
      FROM "ScoreSheet" sh CROSS JOIN (VALUES ('SELF'), ('GROUP'), ('COUNCIL')) AS st(k)
      WHERE sh."periodId" = ${rawPeriod}`;
    expect(n).toBeGreaterThan(30);
    await expectEqual("bulk stages");
    expect((await schoolStats(p, [DEMO.orgs.CDGD_SONTHUY], Y26)).find((s) => s.schoolId === S.STA)?.periodId).toBe(rawPeriod);
  });

  it("after classifications and totals change across periods in one statement (bulk updates)", async () => {
    const periods = [periodId, rawPeriod, SC.periods.STA_DRIVE];
    const changed = await p.$executeRaw`UPDATE "ScoreStage" st SET "classification" = 'Khá' FROM "ScoreSheet" sh
      WHERE sh."id" = st."sheetId" AND sh."periodId" IN (${Prisma.join(periods)}) AND st."stage" = 'GROUP' AND st."complete"`;
    expect(changed).toBeGreaterThan(2);
    await expectEqual("group classifications changed");
    await p.$executeRaw`UPDATE "ScoreStage" st SET "totalTenths" = st."totalTenths" - 15, "complete" = NOT st."complete" FROM "ScoreSheet" sh
      WHERE sh."id" = st."sheetId" AND sh."periodId" IN (${Prisma.join(periods)}) AND st."stage" = 'COUNCIL'`;
    await expectEqual("council totals and completeness changed");
    await p.$executeRaw`UPDATE "ScoreStage" st SET "totalTenths" = st."totalTenths" + 5 FROM "ScoreSheet" sh
      WHERE sh."id" = st."sheetId" AND sh."periodId" IN (${Prisma.join(periods)}) AND st."stage" = 'SELF'`;
    await expectEqual("self totals changed");
    // A change to nothing the figures read (the explanation): the figures stay as they were.
    await p.$executeRaw`UPDATE "ScoreStage" SET "explanation" = 'Ghi chú' WHERE "sheetId" IN (SELECT "id" FROM "ScoreSheet" WHERE "periodId" = ${rawPeriod})`;
    await expectEqual("explanations changed");
  });

  it("after a sheet moves to another period, stages and sheets are deleted", async () => {
    const member = await sheetOf(M.STA_MEMBER);
    const moved = await p.scoreSheet.findFirstOrThrow({ where: { periodId: rawPeriod, memberId: { notIn: [M.STA_MEMBER, M.STA_GROUP_LEADER, M.STA_CHAIR] } } });
    await p.$executeRaw`UPDATE "ScoreSheet" SET "periodId" = ${periodId} WHERE "id" = ${moved.id}`;
    await expectEqual("sheet moved");
    await p.$executeRaw`DELETE FROM "ScoreStage" WHERE "sheetId" = ${member} AND "stage" = 'GROUP'`;
    await expectEqual("one group score deleted");
    await p.$executeRaw`DELETE FROM "ScoreStage" WHERE "sheetId" IN (SELECT "id" FROM "ScoreSheet" WHERE "periodId" = ${rawPeriod} OR ("periodId" = ${periodId} AND "memberId" <> ${M.STA_MEMBER}))`;
    await expectEqual("stages of two periods deleted");
    await p.$executeRaw`DELETE FROM "ScoreSheet" WHERE "periodId" = ${rawPeriod}`;
    await expectEqual("sheets deleted");
  });

  it("after a period moves to another school, its end date changes, and it is deleted", async () => {
    // Give the raw period results again (one sheet with a group score), then move it around.
    await p.$executeRaw`INSERT INTO "ScoreSheet" ("id", "periodId", "memberId") VALUES ('sh_spf_kd', ${rawPeriod}, ${M.KD_PRINCIPAL})`;
    await p.$executeRaw`INSERT INTO "ScoreStage" ("id", "sheetId", "stage", "data", "totalTenths", "complete", "classification", "enteredById", "updatedAt")
      VALUES ('st_spf_kd_s', 'sh_spf_kd', 'SELF', '{}', 950, true, 'Xuất sắc', ${DEMO.users.STA_CHAIR}, now()), ('st_spf_kd_g', 'sh_spf_kd', 'GROUP', '{}', 930, true, 'Xuất sắc', ${DEMO.users.STA_CHAIR}, now())`;
    await expectEqual("raw period scored again");
    await p.$executeRaw`UPDATE "ScorePeriod" SET "schoolId" = ${S.KD} WHERE "id" = ${rawPeriod}`;
    expect((await stored(rawPeriod))?.schoolId).toBe(S.KD);
    await expectEqual("period moved to another school");
    await p.$executeRaw`UPDATE "ScorePeriod" SET "endsOn" = DATE '2026-10-01' WHERE "id" = ${rawPeriod}`;
    await expectEqual("period end date changed");
    await p.$executeRaw`DELETE FROM "ScoreStage" WHERE "sheetId" = 'sh_spf_kd'`;
    await p.$executeRaw`DELETE FROM "ScoreSheet" WHERE "periodId" = ${rawPeriod}`;
    await p.$executeRaw`DELETE FROM "ScorePeriod" WHERE "id" = ${rawPeriod}`;
    expect(await stored(rawPeriod)).toBeNull();
    await expectEqual("period deleted");
  });

  it("a damaged or missing row is noticed, and the rebuild repairs it", async () => {
    await p.$executeRaw`UPDATE "ScorePeriodFigures" SET "g_abs" = "g_abs" + 1 WHERE "periodId" = ${SC.periods.STA_LAST_YEAR}`;
    await p.$executeRaw`DELETE FROM "ScorePeriodFigures" WHERE "periodId" = ${periodId}`;
    expect((await scorePeriodFiguresDrift(p)).map((d) => d.periodId).sort()).toEqual([periodId, SC.periods.STA_LAST_YEAR].sort());
    expect(await rebuildScorePeriodFigures(p)).toBe(await p.scorePeriod.count());
    await expectEqual("rebuilt");
  });
});

raceDescribe("concurrent stage saves in one period", () => {
  raceIt("two scorers saving group scores of two sheets of the same period at once leave no drift", async () => {
    // A period of its own in GROUP_SCORING with three sheets scored at the self stage.
    const race = "per_spf_race";
    await p.$executeRaw`INSERT INTO "ScorePeriod" ("id", "campaignId", "schoolId", "scaleVersionId", "name", "kind", "startsOn", "endsOn", "state", "updatedAt")
      VALUES (${race}, ${SC.campaigns.STA_DRIVE}, ${S.STA}, ${SC.versions.STA_DRIVE}, 'Kiểm thử đồng thời', 'MONTH', DATE '2027-02-01', DATE '2027-02-28', 'GROUP_SCORING', now())`;
    const ids: Record<string, string> = {};
    for (const m of [M.STA_MEMBER, M.STA_GROUP_LEADER]) {
      ids[m] = (await p.scoreSheet.create({ data: { periodId: race, memberId: m } })).id;
      await p.scoreStage.create({ data: { sheetId: ids[m], stage: "SELF", data: (await stageData(race)) as unknown as Prisma.InputJsonValue, totalTenths: 1000, complete: true, classification: "Xuất sắc", enteredById: DEMO.users.STA_CHAIR } });
    }
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        saveStage(v.STA_GROUP_LEADER, { sheetId: ids[M.STA_MEMBER], stage: "GROUP", version: await version(ids[M.STA_MEMBER], "GROUP"), data: await stageData(race, 2 + round) }),
        saveStage(v.STA_CHAIR, { sheetId: ids[M.STA_GROUP_LEADER], stage: "GROUP", version: await version(ids[M.STA_GROUP_LEADER], "GROUP"), data: await stageData(race, 4 + round) }),
      ]);
      expect(a.ok && b.ok).toBe(true);
      expect(await scorePeriodFiguresDrift(p), `race round ${round}`).toEqual([]);
      expect(await stored(race)).toMatchObject({ gPairs: 2, gMoved: 2, gAbs: (2 + round + 4 + round) * 10 });
    }
  }, 60_000);
});
