// The upper-unit dashboard's precomputed figures (issue 9: "A precomputed summary has a test that
// it equals the live computation after every kind of write that feeds it"). "SchoolYearFigures"
// is kept by triggers (prisma/migrations/20261203170000_school_year_figures); after each kind of
// write below, on the demo data with scoring and history and real viewers:
//   - every stored row equals the figures computed live by school_year_figures_live for every
//     school × school year (lib/dashboards/figures.ts schoolYearFiguresDrift: an empty list),
//   - and, after the seeds and at the end, the stored rows equal the dashboard's former live CTEs
//     (written out below, with the nominee states taken from statesOf() in lib/dashboards/rules.ts:
//     the state lists the migration hard-codes must match them).
// Writes through the app's mutations: a plan created, submitted and signed (both signatures);
// registrations made and withdrawn; council scores saved incomplete, then complete with another
// classification; a nomination package created, submitted, a nominee returned, the package
// resubmitted, approved; a decision issued and revoked; a member leaving and coming back.
// Raw SQL for what the app writes in bulk or never: registrations of several schools and years in
// one statement and their deletion, sheets and council scores inserted and deleted, council
// classifications changed in one statement, nominees' states changed in bulk, members leaving in
// bulk, a member moved to another school, a campaign's, a period's and a package's year or end
// date changed, a plan deleted, awards recorded in one statement and their decision revoked.
// Then a damaged row is noticed and the rebuild repairs it, and (PostgreSQL only) two concurrent
// transactions registering members of the same school and year leave no drift.
// Runs on PostgreSQL (DATABASE_URL) and on PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/seed/demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { createPlan, transitionPlan } from "@/lib/plans/mutations";
import { registerSelf, withdrawRegistration } from "@/lib/campaigns/mutations";
import { saveStage } from "@/lib/scoring/mutations";
import { allCriteria, type ScaleDefinition } from "@/lib/scoring/scale";
import type { StageData } from "@/lib/scoring/rules";
import { addItem, createPackage, postPackage, submitPackage, updateItem } from "@/lib/nominations/mutations";
import { getPackagePage } from "@/lib/nominations/queries";
import { getCouncilPage, getMeetingPage } from "@/lib/council/queries";
import { closeMeeting, openMeeting, recordBallotSheet } from "@/lib/council/mutations";
import { bulkApprove, reviewItem } from "@/lib/nominations/review";
import { issueDecision, revokeDecision } from "@/lib/awards/mutations";
import { changeMemberStatus } from "@/lib/members/mutations";
import { bucketPipeline, statesOf, UNRANKED, PIPELINE_OF } from "@/lib/dashboards/rules";
import { EXCELLENT } from "@/lib/dashboards/upper";
import { rebuildSchoolYearFigures, schoolYearFiguresDrift } from "@/lib/dashboards/figures";
import type { ItemState } from "@/lib/awards/workflow";
import type { TestDb } from "./harness";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import { raceDescribe, raceIt } from "../factories/races";

let t: TestDb;
let v: DemoViewers;
let p: PrismaClient;
const S = DEMO.schools;
const M = DEMO.members;
const Y25 = DEMO.years.Y2025;
const Y26 = DEMO.years.Y2026;
const UNIT = DEMO.orgs.CDGD_SONTHUY;
const SC = SCORING_DEMO;
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, history: true }));
  p = t.prisma;
}, 240_000);

afterAll(async () => {
  await t?.drop();
});

async function expectNoDrift(step: string) {
  expect(await schoolYearFiguresDrift(p), `${step}: SchoolYearFigures vs live`).toEqual([]);
}

type Row = { sid: string; yid: string; plan: number; registered: number; sheets: number; scored: number; dist: Record<string, number> | null; classified: number; excellent: number; draft: number; submitted: number; returned: number; approved: number; awards: number; individuals: number };

/** The dashboard's former live CTEs (lib/dashboards/upper.ts before the summary) over every school, per (school, year) with any figure. */
async function formerLive(): Promise<Row[]> {
  const st = (b: Parameters<typeof statesOf>[0]) => statesOf(b) as string[];
  return p.$queryRaw<Row[]>`
    WITH rg AS (
      SELECT x.sid, x.yid, count(*)::int AS n FROM (
        SELECT DISTINCT r."schoolId" AS sid, c."schoolYearId" AS yid, r."memberId"
        FROM "Registration" r JOIN "Campaign" c ON c.id = r."campaignId") x
      JOIN "Member" m ON m.id = x."memberId" AND m.status <> 'LEFT' AND m."schoolId" IN (SELECT id FROM "School")
      GROUP BY 1, 2),
    pl AS (
      SELECT p."schoolId" AS sid, p."schoolYearId" AS yid,
        max(CASE WHEN p.status = 'SIGNED' AND p."signedAt" IS NOT NULL THEN 3 WHEN p.status = 'SUBMITTED' THEN 2 ELSE 1 END)::int AS rank
      FROM "CoordinationPlan" p WHERE p."schoolId" IS NOT NULL GROUP BY 1, 2),
    pe AS (SELECT p.id, p."schoolId" AS sid, p."endsOn", (SELECT c."schoolYearId" FROM "Campaign" c WHERE c.id = p."campaignId") AS yid FROM "ScorePeriod" p),
    sheet AS (
      SELECT s."memberId", pe.sid, pe.yid, pe."endsOn", pe.id AS pid, st.complete AS council, st.classification
      FROM pe JOIN "ScoreSheet" s ON s."periodId" = pe.id LEFT JOIN "ScoreStage" st ON st."sheetId" = s.id AND st.stage = 'COUNCIL'),
    sh AS (SELECT sid, yid, count(*)::int AS sheets, count(*) FILTER (WHERE council)::int AS scored FROM sheet GROUP BY 1, 2),
    lastc AS (
      SELECT DISTINCT ON ("memberId", sid, yid) sid, yid, coalesce(classification, ${UNRANKED}) AS label
      FROM sheet WHERE council ORDER BY "memberId", sid, yid, "endsOn" DESC, pid DESC),
    cl AS (SELECT sid, yid, label, count(*)::int AS n FROM lastc GROUP BY 1, 2, 3),
    cs AS (SELECT sid, yid, jsonb_object_agg(label, n) AS dist, sum(n)::int AS classified, coalesce(sum(n) FILTER (WHERE label = ${EXCELLENT}), 0)::int AS excellent FROM cl GROUP BY 1, 2),
    nm AS (
      SELECT i."schoolId" AS sid, k."schoolYearId" AS yid,
        count(*) FILTER (WHERE i.status::text = ANY(${st("draft")}::text[]))::int AS draft,
        count(*) FILTER (WHERE i.status::text = ANY(${st("submitted")}::text[]))::int AS submitted,
        count(*) FILTER (WHERE i.status::text = ANY(${st("returned")}::text[]))::int AS returned,
        count(*) FILTER (WHERE i.status::text = ANY(${st("approved")}::text[]))::int AS approved
      FROM "NominationItem" i JOIN "NominationPackage" k ON k.id = i."packageId" GROUP BY 1, 2),
    aw AS (
      SELECT a."schoolId" AS sid, a."schoolYearId" AS yid, count(*)::int AS n, count(*) FILTER (WHERE a.subject = 'MEMBER')::int AS individuals
      FROM "Award" a LEFT JOIN "DecisionRevocation" rv ON rv."decisionId" = a."decisionId" WHERE rv.id IS NULL GROUP BY 1, 2),
    pairs AS (SELECT sid, yid FROM rg UNION SELECT sid, yid FROM pl UNION SELECT sid, yid FROM sh UNION SELECT sid, yid FROM nm UNION SELECT sid, yid FROM aw)
    SELECT pairs.sid, pairs.yid, coalesce(pl.rank, 0) AS plan, coalesce(rg.n, 0) AS registered, coalesce(sh.sheets, 0) AS sheets, coalesce(sh.scored, 0) AS scored,
      cs.dist, coalesce(cs.classified, 0) AS classified, coalesce(cs.excellent, 0) AS excellent, coalesce(nm.draft, 0) AS draft, coalesce(nm.submitted, 0) AS submitted,
      coalesce(nm.returned, 0) AS returned, coalesce(nm.approved, 0) AS approved, coalesce(aw.n, 0) AS awards, coalesce(aw.individuals, 0) AS individuals
    FROM pairs
    LEFT JOIN pl ON pl.sid = pairs.sid AND pl.yid = pairs.yid LEFT JOIN rg ON rg.sid = pairs.sid AND rg.yid = pairs.yid
    LEFT JOIN sh ON sh.sid = pairs.sid AND sh.yid = pairs.yid LEFT JOIN cs ON cs.sid = pairs.sid AND cs.yid = pairs.yid
    LEFT JOIN nm ON nm.sid = pairs.sid AND nm.yid = pairs.yid LEFT JOIN aw ON aw.sid = pairs.sid AND aw.yid = pairs.yid
    ORDER BY 1, 2`;
}

/** The stored rows that are not all zeros, in the same shape. */
async function storedRows(): Promise<Row[]> {
  return p.$queryRaw<Row[]>`
    SELECT "schoolId" AS sid, "schoolYearId" AS yid, plan, registered, sheets, scored, dist, classified, excellent, draft, submitted, returned, approved, awards, individuals
    FROM "SchoolYearFigures"
    WHERE plan + registered + sheets + scored + classified + excellent + draft + submitted + returned + approved + awards + individuals > 0 OR dist IS NOT NULL
    ORDER BY 1, 2`;
}

async function expectFormerLive(step: string) {
  expect(await storedRows(), `${step}: SchoolYearFigures vs the dashboard's former CTEs`).toEqual(await formerLive());
}

const figures = (sid: string, yid: string) => p.schoolYearFigures.findUnique({ where: { schoolId_schoolYearId: { schoolId: sid, schoolYearId: yid } } });

/** Council data from the period's scale: every criterion at its maximum, less `minus` points on the first ones. */
async function councilData(periodId: string, minus = 0, leaveOut = false): Promise<StageData> {
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

describe("the upper-unit dashboard's figures equal the live computation", () => {
  it("after the seeds (the migration's backfill and the seeded rows), and as the former CTEs computed them", async () => {
    expect(await p.schoolYearFigures.count()).toBeGreaterThan(0);
    await expectNoDrift("seeds");
    await expectFormerLive("seeds");
  });

  it("the nominee states of each pipeline bucket are those of statesOf()", async () => {
    // One nominee in every state, in a package of a school and year of their own.
    const pkg = await p.nominationPackage.create({ data: { schoolId: S.HM, schoolYearId: Y26, organisationId: UNIT, title: "Kiểm thử trạng thái" } });
    const states = Object.keys(PIPELINE_OF) as ItemState[];
    await p.nominationItem.createMany({
      data: states.map((s, i) => ({ packageId: pkg.id, schoolId: S.HM, subject: "SCHOOL" as const, nomineeName: `Trường ${i}`, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER" as const, achievementKey: `syf:${s}`, status: s })),
    });
    const before = await figures(S.HM, Y26);
    const live = await p.nominationItem.groupBy({ by: ["status"], where: { schoolId: S.HM, package: { schoolYearId: Y26 } }, _count: true });
    const expected = bucketPipeline(live.map((g) => ({ status: g.status as ItemState, count: g._count })));
    expect(before && { draft: before.draft, submitted: before.submitted, returned: before.returned, approved: before.approved }).toEqual(expected);
    for (const b of ["draft", "submitted", "returned", "approved"] as const) expect(expected[b]).toBeGreaterThanOrEqual(statesOf(b).length);
    await expectNoDrift("one nominee in every state");
  });

  it("after a plan is created, submitted and signed by both sides (plans)", async () => {
    const { id: planId } = await createPlan(v.STA_PRINCIPAL, { schoolId: S.STA, schoolYearId: Y25, source: "template" });
    const version = async () => (await p.coordinationPlan.findUniqueOrThrow({ where: { id: planId } })).version;
    await expectNoDrift("plan created");
    expect((await figures(S.STA, Y25))?.plan).toBe(1);
    await transitionPlan(v.STA_PRINCIPAL, { planId, version: await version(), action: "submit" });
    await expectNoDrift("plan submitted");
    expect((await figures(S.STA, Y25))?.plan).toBe(2);
    await transitionPlan(v.STA_CHAIR, { planId, version: await version(), action: "sign_union" });
    await transitionPlan(v.STA_PRINCIPAL, { planId, version: await version(), action: "sign_gov" });
    await expectNoDrift("plan signed");
    expect((await figures(S.STA, Y25))?.plan).toBe(3);
  });

  it("after registrations are made and withdrawn (registerSelf, withdrawRegistration)", async () => {
    const before = (await figures(S.STA, Y26))?.registered ?? 0;
    await registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: SC.campaigns.STA_CURRENT, title: "LDTT" });
    await registerSelf(v.STA_GROUP_LEADER, { schoolId: S.STA, campaignId: SC.campaigns.STA_CURRENT, title: "LDTT" });
    await expectNoDrift("registrations made");
    const reg = await p.registration.findFirstOrThrow({ where: { campaignId: SC.campaigns.STA_CURRENT, memberId: M.STA_MEMBER } });
    await withdrawRegistration(v.STA_MEMBER, { registrationId: reg.id });
    await expectNoDrift("registration withdrawn");
    await registerSelf(v.STA_MEMBER, { schoolId: S.STA, campaignId: SC.campaigns.STA_CURRENT, title: "LDTT" });
    await expectNoDrift("registered again");
    expect((await figures(S.STA, Y26))?.registered).toBeGreaterThan(before);
  });

  it("after council scores are saved incomplete, then complete with another classification (saveStage)", async () => {
    const sheet = await p.scoreSheet.findFirstOrThrow({ where: { periodId: SC.periods.STA_DRIVE, memberId: M.STA_MEMBER }, include: { stages: { where: { stage: "COUNCIL" } } } });
    const stage = sheet.stages[0];
    const before = await figures(S.STA, Y26);
    // Incomplete (one criterion left out): the sheet leaves "scored" and the distribution.
    await saveStage(v.STA_CHAIR, { sheetId: sheet.id, stage: "COUNCIL", version: stage?.version ?? 0, data: await councilData(SC.periods.STA_DRIVE, 0, true), explanation: "Hội đồng chưa chấm xong." });
    await expectNoDrift("council score incomplete");
    expect((await figures(S.STA, Y26))?.scored).toBe((before?.scored ?? 0) - (stage?.complete ? 1 : 0));
    // Complete, 30 points below the maximum: another band.
    const again = await p.scoreStage.findFirstOrThrow({ where: { sheetId: sheet.id, stage: "COUNCIL" } });
    await saveStage(v.STA_CHAIR, { sheetId: sheet.id, stage: "COUNCIL", version: again.version, data: await councilData(SC.periods.STA_DRIVE, 30), explanation: "Hội đồng thống nhất trừ điểm." });
    await expectNoDrift("council score complete, classified");
    const done = await p.scoreStage.findFirstOrThrow({ where: { sheetId: sheet.id, stage: "COUNCIL" } });
    expect(done.complete).toBe(true);
    expect(done.classification).not.toBe(stage?.classification);
  });

  let packageId = "";
  let itemIds: string[] = [];
  it("after a package is created, submitted, a nominee returned, resubmitted and approved (nominations)", async () => {
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_MEMBER}`, titleCode: "GK_CD_CAP_TREN" });
    await addItem(v.STA_CHAIR, { packageId, nominee: `m:${M.STA_GROUP_LEADER}`, titleCode: "GK_CD_CAP_TREN" });
    await expectNoDrift("nominees added (draft)");
    const page = async () => getPackagePage(v.STA_CHAIR, packageId);
    // The school's council votes (open ballot), its minutes are closed, the list is posted.
    const council = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    const seats = council.members.map((m) => m.id);
    const meetingId = (await openMeeting(v.STA_PRINCIPAL, { councilId: council.council!.id, heldOn: daysAgo(12), purpose: "Bình xét khen thưởng", presentIds: seats.slice(0, 5) })).id;
    await recordBallotSheet(v.STA_CHAIR, { meetingId, packageId, kind: "open", issued: 5, returned: 5, valid: 5, agree: Object.fromEntries((await page()).items.map((i) => [i.id, 5])) });
    await closeMeeting(v.STA_CHAIR, { meetingId, version: (await getMeetingPage(v.STA_CHAIR, meetingId)).meeting.version });
    await postPackage(v.STA_CHAIR, { packageId, version: (await page()).package.version, postedOn: daysAgo(11) });
    await expectNoDrift("package posted");
    await submitPackage(v.STA_CHAIR, { packageId, version: (await page()).package.version });
    await expectNoDrift("package submitted");
    const upper = await getPackagePage(v.UPPER_SONTHUY, packageId);
    const [target, other] = upper.items;
    await reviewItem(v.UPPER_SONTHUY, { itemId: target.id, version: target.version, decision: "return", comment: "Bổ sung minh chứng thành tích." });
    await expectNoDrift("nominee returned");
    await reviewItem(v.UPPER_SONTHUY, { itemId: other.id, version: other.version, decision: "approve" });
    await expectNoDrift("nominee approved, package settled");
    const returned = (await page()).items.find((i) => i.id === target.id)!;
    await updateItem(v.STA_CHAIR, { itemId: returned.id, version: returned.version, achievementSummary: "Đã bổ sung minh chứng thành tích trong năm học." });
    await submitPackage(v.STA_CHAIR, { packageId, version: (await page()).package.version });
    await expectNoDrift("package resubmitted");
    itemIds = (await page()).items.map((i) => i.id);
    expect((await bulkApprove(v.UPPER_SONTHUY, { packageId, itemIds: [target.id] })).approved).toBe(1);
    await expectNoDrift("nominees approved");
    expect((await figures(S.STA, Y25))?.approved).toBeGreaterThanOrEqual(2);
  });

  let decisionId = "";
  it("after a decision is issued and revoked (issueDecision, revokeDecision)", async () => {
    const awardsBefore = (await figures(S.STA, Y25))?.awards ?? 0;
    decisionId = (
      await issueDecision(v.UPPER_SONTHUY, { unitId: UNIT, schoolYearId: Y25, number: "88/QĐ-SYF", signedOn: d("2026-05-25"), signerName: "Phạm Quang Vinh", signerTitle: "Chủ tịch", issuerName: "Công đoàn Giáo dục huyện Sơn Thủy", level: "DIRECT_UPPER", summary: undefined, itemIds, idempotencyKey: "syf-issue-1" })
    ).id;
    await expectNoDrift("decision issued");
    expect((await figures(S.STA, Y25))?.awards).toBe(awardsBefore + itemIds.length);
    await revokeDecision(v.UPPER_SONTHUY, { decisionId, reason: "Thu hồi để kiểm tra số liệu tổng hợp.", number: undefined, revokedOn: d("2026-06-01"), submissionKey: "syf-revoke-1" });
    await expectNoDrift("decision revoked");
    expect((await figures(S.STA, Y25))?.awards).toBe(awardsBefore);
  });

  it("after a member leaves and comes back (changeMemberStatus)", async () => {
    const m = await p.member.findUniqueOrThrow({ where: { id: M.STA_GROUP_LEADER } });
    const before = (await figures(S.STA, Y26))?.registered ?? 0;
    await changeMemberStatus(v.STA_CHAIR, { memberId: m.id, version: m.version, status: "LEFT", leftOn: d("2026-11-01"), leftReason: "Chuyển công tác" });
    await expectNoDrift("member left");
    expect((await figures(S.STA, Y26))?.registered).toBe(before - 1);
    const left = await p.member.findUniqueOrThrow({ where: { id: m.id } });
    await changeMemberStatus(v.STA_CHAIR, { memberId: m.id, version: left.version, status: "ACTIVE" });
    await expectNoDrift("member back");
    expect((await figures(S.STA, Y26))?.registered).toBe(before);
  });

  it("after bulk and raw writes: registrations of several schools and years in one statement, then deleted", async () => {
    const kd = await p.campaign.findFirstOrThrow({ where: { schoolId: S.KD }, select: { id: true } });
    const members = [
      ...(await p.member.findMany({ where: { schoolId: S.STA, status: { not: "LEFT" } }, take: 3, orderBy: { id: "desc" }, select: { id: true, schoolId: true } })).map((m) => ({ ...m, campaignId: SC.campaigns.STA_LAST })),
      ...(await p.member.findMany({ where: { schoolId: S.KD, status: { not: "LEFT" } }, take: 3, orderBy: { id: "desc" }, select: { id: true, schoolId: true } })).map((m) => ({ ...m, campaignId: kd.id })),
    ];
    await p.registration.createMany({ data: members.map((m) => ({ campaignId: m.campaignId, schoolId: m.schoolId, subjectKey: `m:${m.id}:syf`, memberId: m.id, title: "CSTDCS", registeredById: DEMO.users.STA_CHAIR })) });
    await expectNoDrift("registrations inserted in one statement");
    await p.registration.deleteMany({ where: { subjectKey: { endsWith: ":syf" } } });
    await expectNoDrift("registrations deleted in one statement");
  });

  it("after sheets and council scores inserted, changed in one statement and deleted", async () => {
    const period = SC.periods.STA_DRIVE;
    const taken = (await p.scoreSheet.findMany({ where: { periodId: period }, select: { memberId: true } })).map((s) => s.memberId);
    const newcomer = await p.member.findFirstOrThrow({ where: { id: { notIn: taken } }, select: { id: true } });
    const sheet = await p.scoreSheet.create({ data: { periodId: period, memberId: newcomer.id } });
    await expectNoDrift("sheet inserted");
    await p.scoreStage.create({ data: { sheetId: sheet.id, stage: "COUNCIL", data: {}, totalTenths: 1000, complete: true, classification: "Xuất sắc", enteredById: DEMO.users.STA_CHAIR } });
    await expectNoDrift("council stage inserted");
    // Several council classifications at once (a scale's bands re-applied), and a GROUP-only change.
    await p.$executeRaw`UPDATE "ScoreStage" SET "classification" = 'Khá' WHERE "stage" = 'COUNCIL' AND "sheetId" IN (SELECT "id" FROM "ScoreSheet" WHERE "periodId" = ${period}) AND "classification" = 'Tốt'`;
    await expectNoDrift("classifications changed in bulk");
    await p.$executeRaw`UPDATE "ScoreStage" SET "explanation" = 'Ghi chú' WHERE "stage" = 'GROUP' AND "sheetId" IN (SELECT "id" FROM "ScoreSheet" WHERE "periodId" = ${period})`;
    await expectNoDrift("group stages changed");
    await p.scoreStage.deleteMany({ where: { sheetId: sheet.id } });
    await expectNoDrift("council stage deleted");
    await p.scoreSheet.delete({ where: { id: sheet.id } });
    await expectNoDrift("sheet deleted");
  });

  it("after nominees' states change in bulk, and a package moves to another year", async () => {
    await p.nominationItem.updateMany({ where: { packageId: { not: packageId }, status: "DRAFT", schoolId: S.HM }, data: { status: "SUBMITTED" } });
    await expectNoDrift("nominees submitted in bulk");
    const pkg = await p.nominationPackage.findFirstOrThrow({ where: { schoolId: S.HM, schoolYearId: Y26 } });
    await p.nominationPackage.update({ where: { id: pkg.id }, data: { schoolYearId: Y25 } });
    await expectNoDrift("package moved to another year");
    await p.nominationItem.deleteMany({ where: { packageId: pkg.id, achievementKey: { startsWith: "syf:" }, status: { not: "DECIDED" } } });
    await expectNoDrift("nominees deleted");
  });

  it("after members leave in bulk, a member moves school, a campaign, a period and a plan change", async () => {
    const registered = await p.registration.findMany({ where: { schoolId: S.STA, memberId: { not: null } }, select: { memberId: true }, distinct: ["memberId"], take: 4 });
    const ids = registered.map((r) => r.memberId!);
    await p.member.updateMany({ where: { id: { in: ids } }, data: { status: "LEFT", leftOn: d("2026-11-15") } });
    await expectNoDrift("members left in bulk");
    await p.member.updateMany({ where: { id: { in: ids } }, data: { status: "ACTIVE", leftOn: null } });
    await expectNoDrift("members back in bulk");
    await p.member.update({ where: { id: ids[0] }, data: { schoolId: S.KD, unionGroupId: null } });
    await expectNoDrift("member moved to another school");
    // A campaign's year, a period's end date and campaign (the last classification), back again.
    await p.campaign.update({ where: { id: SC.campaigns.STA_DRIVE }, data: { schoolYearId: Y25 } });
    await expectNoDrift("campaign moved to another year");
    await p.campaign.update({ where: { id: SC.campaigns.STA_DRIVE }, data: { schoolYearId: Y26 } });
    await p.scorePeriod.update({ where: { id: SC.periods.STA_DRIVE }, data: { endsOn: d("2027-06-30") } });
    await expectNoDrift("period end date changed");
    await p.scorePeriod.update({ where: { id: SC.periods.STA_DRIVE }, data: { campaignId: SC.campaigns.STA_CURRENT } });
    await expectNoDrift("period moved to another campaign");
    // A draft plan deleted.
    const { id: planId } = await createPlan(v.KD_PRINCIPAL, { schoolId: S.KD, schoolYearId: Y25, source: "template" });
    await expectNoDrift("plan created");
    await p.$executeRaw`DELETE FROM "PlanSection" WHERE "planId" = ${planId}`;
    await p.$executeRaw`DELETE FROM "PlanCalendarItem" WHERE "planId" = ${planId}`;
    await p.$executeRaw`DELETE FROM "PlanTarget" WHERE "planId" = ${planId}`;
    await p.$executeRaw`DELETE FROM "CoordinationPlan" WHERE "id" = ${planId}`;
    await expectNoDrift("plan deleted");
  });

  it("after awards recorded in one statement and their decision revoked", async () => {
    const members = await p.member.findMany({ where: { schoolId: S.KD, status: "ACTIVE" }, select: { id: true, fullName: true }, take: 3, orderBy: { id: "asc" } });
    const gov = await p.awardDecision.create({ data: { organisationId: DEMO.orgs.UBND_SONTHUY, schoolId: S.KD, schoolYearId: Y25, number: "89/QĐ-UBND-SYF", signedOn: d("2026-05-22"), signerName: "Lương Văn Sơn", signerTitle: "Chủ tịch", issuerName: "UBND xã Sơn Thủy", level: "DIRECT_UPPER", side: "STATE" } });
    await p.award.createMany({
      data: [
        ...members.map((x) => ({ decisionId: gov.id, schoolId: S.KD, schoolYearId: Y25, subject: "MEMBER" as const, memberId: x.id, recipientName: x.fullName, titleCode: "GK_UBND_XA", level: "DIRECT_UPPER" as const, achievementKey: "syf:gov" })),
        { decisionId: gov.id, schoolId: S.KD, schoolYearId: Y25, subject: "SCHOOL" as const, recipientName: "Trường", titleCode: "GK_UBND_XA", level: "DIRECT_UPPER" as const, achievementKey: "syf:gov:s" },
      ],
    });
    await expectNoDrift("awards recorded in one statement");
    await p.decisionRevocation.create({ data: { decisionId: gov.id, reason: "Kiểm thử", revokedOn: d("2026-06-01") } });
    await expectNoDrift("recorded decision revoked");
    await expectFormerLive("after every write");
  });

  it("a damaged row is noticed, and the rebuild repairs it", async () => {
    await p.$executeRaw`UPDATE "SchoolYearFigures" SET "registered" = "registered" + 1 WHERE "schoolId" = ${S.STA} AND "schoolYearId" = ${Y26}`;
    await p.$executeRaw`DELETE FROM "SchoolYearFigures" WHERE "schoolId" = ${S.KD} AND "schoolYearId" = ${DEMO.years.Y2024}`;
    const drift = await schoolYearFiguresDrift(p);
    expect(drift.map((x) => `${x.schoolId}/${x.schoolYearId}`)).toEqual([`${S.KD}/${DEMO.years.Y2024}`, `${S.STA}/${Y26}`]);
    expect(drift[1].stored.registered).toBe(drift[1].live.registered + 1);
    expect(await rebuildSchoolYearFigures(p)).toBe((await p.school.count()) * (await p.schoolYear.count()));
    await expectNoDrift("rebuilt");
    await expectFormerLive("rebuilt");
  });
});

raceDescribe("concurrent writers of the same school and year", () => {
  raceIt("two transactions registering different members of one school in one year leave no drift", async () => {
    // A campaign of its own, and members not registered yet that year: every registration counts.
    const campaign = await p.campaign.create({ data: { schoolId: S.LQD, schoolYearId: Y26, name: "Đợt thi đua kiểm thử đồng thời", movement: "HAI_TOT", titles: ["LDTT"], state: "OPEN" }, select: { id: true, schoolYearId: true } });
    const members = await p.member.findMany({
      where: { schoolId: S.LQD, status: { not: "LEFT" }, registrations: { none: { schoolId: S.LQD, campaign: { schoolYearId: Y26 } } } },
      select: { id: true }, take: 4, orderBy: { id: "asc" },
    });
    expect(members).toHaveLength(4);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const register = (memberId: string, hold: number) =>
      p.$transaction(
        async (tx) => {
          await tx.$executeRaw`INSERT INTO "Registration" ("id", "campaignId", "schoolId", "subjectKey", "memberId", "title", "registeredById")
            VALUES (${`race_${memberId}`}, ${campaign.id}, ${S.LQD}, ${`m:${memberId}:race`}, ${memberId}, 'CSTDCS', ${DEMO.users.STA_CHAIR})`;
          await sleep(hold);
        },
        { timeout: 20_000 },
      );
    const before = (await figures(S.LQD, campaign.schoolYearId))?.registered ?? 0;
    // The first holds its transaction open after its trigger ran; the second writes meanwhile.
    await Promise.all([register(members[0].id, 600), sleep(150).then(() => register(members[1].id, 0))]);
    await Promise.all([register(members[2].id, 0), register(members[3].id, 300)]);
    await expectNoDrift("concurrent registrations");
    expect((await figures(S.LQD, campaign.schoolYearId))?.registered).toBe(before + 4);
  }, 60_000);
});
