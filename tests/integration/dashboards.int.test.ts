// The three dashboards (issue 9) against the demo rows: every figure equals a plain count of the
// rows made here (Prisma counts, not the dashboards' SQL), paging, sorting and search happen on
// the server, other tenants get NOT_FOUND, and the upper dashboard's number of queries does not
// grow with the number of schools.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "@/lib/seed/demo";
import { seedRoutesDemo } from "@/lib/seed/routes-demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";
import { setDbForTests } from "@/lib/server/db";
import { foldVietnamese } from "@/lib/format";
import { getUpperDashboard, UPPER_PAGE_SIZE } from "@/lib/dashboards/upper";
import { getSchoolDashboard } from "@/lib/dashboards/school";
import { getMemberDashboard } from "@/lib/dashboards/member";
import type { TestDb } from "./harness";
import { errorCode, openDemoDb, type DemoViewers } from "../factories/demo-db";

let t: TestDb;
let v: DemoViewers;
let p: PrismaClient;
const S = DEMO.schools;
const Y25 = DEMO.years.Y2025;
const Y26 = DEMO.years.Y2026;
const SONTHUY = [S.HM, S.STA, S.KD, S.LQD, S.NT];

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));
  p = t.prisma;
  await seedRoutesDemo(p);
  // A package of Lê Quý Đôn in 2026–2027 with a nominee in each remaining state of the pipeline.
  const lqd = await p.member.findMany({ where: { schoolId: S.LQD, status: "ACTIVE" }, orderBy: { id: "asc" }, take: 4, select: { id: true, fullName: true } });
  await p.nominationPackage.create({ data: { id: "hs_dash_lqd", schoolId: S.LQD, schoolYearId: Y26, organisationId: DEMO.orgs.CDGD_SONTHUY, title: "Hồ sơ thử", status: "RETURNED" } });
  await p.nominationItem.createMany({
    data: (["DRAFT", "RETURNED", "RETURNED", "REJECTED"] as const).map((status, i) => ({
      packageId: "hs_dash_lqd",
      schoolId: S.LQD,
      subject: "MEMBER" as const,
      memberId: lqd[i].id,
      nomineeName: lqd[i].fullName,
      titleCode: "LDTT",
      level: "SCHOOL" as const,
      achievementKey: "year:2026",
      status,
    })),
  });
});
afterAll(() => t?.drop());

/** The figures of one school and year, counted plainly from the rows. */
async function expected(schoolId: string, yearId: string) {
  const members = await p.member.count({ where: { schoolId, status: { not: "LEFT" } } });
  const regs = await p.registration.findMany({ where: { schoolId, campaign: { schoolYearId: yearId }, memberId: { not: null }, member: { status: { not: "LEFT" } } }, select: { memberId: true }, distinct: ["memberId"] });
  const sheetWhere = { period: { schoolId, campaign: { schoolYearId: yearId } } };
  const sheets = await p.scoreSheet.count({ where: sheetWhere });
  const scored = await p.scoreSheet.count({ where: { ...sheetWhere, stages: { some: { stage: "COUNCIL", complete: true } } } });
  const items = await p.nominationItem.groupBy({ by: ["status"], where: { schoolId, package: { schoolYearId: yearId } }, _count: { _all: true } });
  const n = (...st: string[]) => items.filter((i) => st.includes(i.status)).reduce((s, i) => s + i._count._all, 0);
  const awards = await p.award.count({ where: { schoolId, schoolYearId: yearId, decision: { revocation: null } } });
  return { members, registered: regs.length, sheets, scored, pipeline: { draft: n("DRAFT", "POSTED"), submitted: n("SUBMITTED"), returned: n("RETURNED"), approved: n("APPROVED", "APPROVED_CHANGED", "DECIDED") }, awards };
}

describe("upper unit dashboard", () => {
  it("gives every school's figures for the year and the year before, equal to plain counts", async () => {
    const d = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y26 });
    expect(d.year?.id).toBe(Y26);
    expect(d.prevYear?.id).toBe(Y25);
    expect(d.matched).toBe(5);
    expect(d.rows.map((r) => r.id).sort()).toEqual([...SONTHUY].sort());
    for (const r of d.rows) {
      for (const [fig, yearId] of [[r.cur, Y26], [r.prev, Y25]] as const) {
        const e = await expected(r.id, yearId);
        expect({ members: r.members, registered: fig.registered, sheets: fig.sheets, scored: fig.scored, pipeline: fig.pipeline, awards: fig.awards }, `${r.id} ${yearId}`).toEqual(e);
      }
    }
    const sta = d.rows.find((r) => r.id === S.STA)!;
    // Written out from the seed: 2025–2026 has one closed year period scored by the council for every member not gone.
    expect(sta.prev.sheets).toBeGreaterThan(30);
    expect(sta.prev.scored).toBe(sta.prev.sheets);
    expect(sta.prev.registration).toBeCloseTo(sta.prev.registered / sta.members, 6);
    // The pipeline: Kim Đồng 2025–2026 (routes demo): 8 sent to the commune, 2 decided; Lê Quý Đôn this year: 1 draft, 2 returned (the rejected one left).
    expect(d.rows.find((r) => r.id === S.KD)!.prev.pipeline).toEqual({ draft: 0, submitted: 8, returned: 0, approved: 2 });
    expect(d.rows.find((r) => r.id === S.LQD)!.cur.pipeline).toEqual({ draft: 1, submitted: 0, returned: 2, approved: 0 });
    // Totals are the sums over the schools.
    expect(d.totals.schools).toBe(5);
    expect(d.totals.members).toBe(d.rows.reduce((s, r) => s + r.members, 0));
    expect(d.totals.prev.awards).toBe(d.rows.reduce((s, r) => s + r.prev.awards, 0));
    expect(d.totals.prev.sheets).toBe(d.rows.reduce((s, r) => s + r.prev.sheets, 0));
  });

  it("classification distribution: each member's council result of the year, counted from the stages", async () => {
    const d = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25 });
    const sta = d.rows.find((r) => r.id === S.STA)!;
    const stages = await p.scoreStage.findMany({ where: { stage: "COUNCIL", complete: true, sheet: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR } }, select: { classification: true } });
    const counts: Record<string, number> = {};
    for (const s of stages) counts[s.classification ?? "Không xếp loại"] = (counts[s.classification ?? "Không xếp loại"] ?? 0) + 1;
    expect(Object.fromEntries(sta.cur.distribution.map((x) => [x.label, x.count]))).toEqual(counts);
    expect(sta.cur.excellent).toBe(counts["Xuất sắc"] ?? 0);
    expect(Object.fromEntries(d.totals.cur.distribution.map((x) => [x.label, x.count]))).toEqual(counts);
  });

  it("plan status per school, and the schools missing a principal or a union chair", async () => {
    await p.coordinationPlan.create({ data: { schoolId: S.NT, schoolYearId: Y26, issuerParent: "x", issuerName: "x", docNumber: "x", place: "x", title: "Kế hoạch phối hợp", recipients: "x", govSignerTitle: "x", unionSignerTitle: "x", status: "SUBMITTED" } });
    const d = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y26 });
    expect(d.rows.find((r) => r.id === S.NT)!.cur.plan).toBe("SUBMITTED");
    expect(d.totals.plans.SUBMITTED).toBe((await p.coordinationPlan.groupBy({ by: ["schoolId"], where: { schoolId: { in: SONTHUY }, schoolYearId: Y26, status: "SUBMITTED" } })).length);
    // Only Sơn Thủy A and Kim Đồng have a principal and a chair in the demo.
    const holders = await p.roleAssignment.findMany({ where: { schoolId: { in: SONTHUY }, role: { in: ["PRINCIPAL", "UNION_CHAIR"] } }, select: { schoolId: true, role: true } });
    for (const r of d.rows) {
      const has = (role: string) => holders.some((h) => h.schoolId === r.id && h.role === role);
      expect(r.missingRoles, r.id).toEqual([...(has("PRINCIPAL") ? [] : ["PRINCIPAL"]), ...(has("UNION_CHAIR") ? [] : ["UNION_CHAIR"])]);
    }
    expect(d.totals.missingChair).toBe(3);
    expect(d.totals.missingAny).toBe(d.rows.filter((r) => r.missingRoles.length > 0).length);
    const only = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y26, planStatus: "SUBMITTED" });
    expect(only.rows.map((r) => r.id)).toEqual([S.NT]);
    expect(only.totals.schools).toBe(5);
  });

  it("searches ignoring diacritics, filters by level and sorts on the server", async () => {
    const q = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { q: "kim dong" });
    expect(q.rows.map((r) => r.id)).toEqual([S.KD]);
    expect((await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { q: "KIM ĐỒNG" })).rows.map((r) => r.id)).toEqual([S.KD]);
    const thcs = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { level: "THCS", sort: "name", dir: "asc" });
    expect(thcs.rows.map((r) => r.id)).toEqual([S.LQD, S.NT]);
    expect(thcs.matched).toBe(2);
    const byMembers = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { sort: "members", dir: "desc" });
    const sizes = await Promise.all(SONTHUY.map(async (id) => ({ id, n: await p.member.count({ where: { schoolId: id, status: { not: "LEFT" } } }) })));
    expect(byMembers.rows.map((r) => r.id)).toEqual(sizes.sort((a, b) => b.n - a.n || foldVietnamese(a.id).localeCompare(b.id)).map((s) => s.id));
    const asc = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { sort: "members", dir: "asc" });
    expect(asc.rows.map((r) => r.id)).toEqual([...byMembers.rows.map((r) => r.id)].reverse());
    const byAwards = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y25, sort: "awards", dir: "desc" });
    expect(byAwards.rows[0].id).toBe(S.KD);
  });

  it("other units and school-level viewers get NOT_FOUND", async () => {
    expect(await errorCode(getUpperDashboard(v.UPPER_BACSON, DEMO.orgs.CDGD_SONTHUY))).toBe("NOT_FOUND");
    expect(await errorCode(getUpperDashboard(v.STA_PRINCIPAL, DEMO.orgs.CDGD_SONTHUY))).toBe("NOT_FOUND");
    expect(await errorCode(getUpperDashboard(v.UPPER_SONTHUY, "org_khong_co"))).toBe("NOT_FOUND");
    const bs = await getUpperDashboard(v.UPPER_BACSON, DEMO.orgs.CDGD_BACSON);
    expect(bs.rows.map((r) => r.id)).toEqual([S.BS]);
  });

  it("pages 50 at a time, and the number of queries does not grow with the number of schools", async () => {
    let queries = 0;
    const counting = p.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries++;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    setDbForTests(counting);
    try {
      await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y26 });
      const few = queries;
      expect(few).toBeGreaterThan(0);
      expect(few).toBeLessThanOrEqual(6);
      // 60 more schools, with members, under the unit.
      await p.school.createMany({
        data: Array.from({ length: 60 }, (_, i) => ({ id: `sch_dash_${String(i).padStart(2, "0")}`, code: `DASH-${i}`, name: `Trường Mầm non Thử ${i}`, nameSearch: foldVietnamese(`Trường Mầm non Thử ${i}`), level: "MAM_NON" as const, unionName: `Công đoàn cơ sở Thử ${i}`, unionUnitId: DEMO.orgs.CDGD_SONTHUY })),
      });
      await p.member.createMany({
        data: Array.from({ length: 60 * 3 }, (_, i) => ({ schoolId: `sch_dash_${String(Math.floor(i / 3)).padStart(2, "0")}`, fullName: `Người Thử ${i}`, nameSearch: `nguoi thu ${i}`, sortKey: `${i}`, gender: "NU" as const })),
      });
      queries = 0;
      const d = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y26 });
      expect(queries).toBe(few);
      expect(d.totals.schools).toBe(65);
      expect(d.matched).toBe(65);
      expect(d.rows).toHaveLength(UPPER_PAGE_SIZE);
      const page2 = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { yearId: Y26, page: 2 });
      expect(page2.rows).toHaveLength(15);
      expect(new Set([...d.rows, ...page2.rows].map((r) => r.id)).size).toBe(65);
      const search = await getUpperDashboard(v.UPPER_SONTHUY, DEMO.orgs.CDGD_SONTHUY, { q: "thu 1" });
      expect(search.rows.map((r) => r.name).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `Trường Mầm non Thử ${i}`).filter((n) => foldVietnamese(n).includes("thu 1")).sort());
    } finally {
      setDbForTests(p);
    }
  });
});

describe("school dashboard", () => {
  const sheetsOf = (periodId: string, groupId: string) => p.scoreSheet.findMany({ where: { periodId, member: { unionGroupId: groupId } }, select: { id: true, memberId: true, stages: { select: { stage: true, complete: true } } } });

  it("each union group's progress in the year's current period, counted from the sheets", async () => {
    const d = await getSchoolDashboard(v.STA_CHAIR, S.STA, { yearId: Y26 });
    expect(d.period?.id).toBe(SCORING_DEMO.periods.STA_DRIVE);
    const groups = await p.unionGroup.findMany({ where: { schoolId: S.STA, members: { some: { scoreSheets: { some: { periodId: SCORING_DEMO.periods.STA_DRIVE } } } } }, select: { id: true } });
    expect(d.groups.map((g) => g.id).sort()).toEqual(groups.map((g) => g.id).sort());
    for (const g of d.groups) {
      const sheets = await sheetsOf(SCORING_DEMO.periods.STA_DRIVE, g.id);
      const done = (stage: string) => sheets.filter((s) => s.stages.some((x) => x.stage === stage && x.complete)).length;
      expect({ sheets: g.sheets, self: g.self, group: g.group, council: g.council }, g.id).toEqual({ sheets: sheets.length, self: done("SELF"), group: done("GROUP"), council: done("COUNCIL") });
    }
    // A group leader sees their own group only; a member sees no group's progress.
    const leader = await getSchoolDashboard(v.STA_GROUP_LEADER, S.STA, { yearId: Y26 });
    expect(leader.groups.map((g) => g.id)).toEqual([DEMO.groups.STA_K12]);
    const member = await getSchoolDashboard(v.STA_MEMBER, S.STA, { yearId: Y26 });
    expect(member.groups).toEqual([]);
    expect(member.council).toBeNull();
    expect(member.awards).toBeNull();
  });

  it("the council's results and the awards of the year equal plain counts", async () => {
    const d = await getSchoolDashboard(v.STA_PRINCIPAL, S.STA, { yearId: DEMO.years.Y2024 });
    const awards = await p.award.groupBy({ by: ["titleCode"], where: { schoolId: S.STA, schoolYearId: DEMO.years.Y2024, decision: { revocation: null } }, _count: { _all: true } });
    expect(Object.fromEntries(d.awards!.rows.map((r) => [r.titleCode, r.individuals + r.collectives]))).toEqual(Object.fromEntries(awards.map((a) => [a.titleCode, a._count._all])));
    expect(d.awards!.total).toBeGreaterThan(20);
    const last = await getSchoolDashboard(v.STA_PRINCIPAL, S.STA, { yearId: Y25 });
    const council = await p.scoreStage.count({ where: { stage: "COUNCIL", complete: true, sheet: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR } } });
    expect(last.council!.classified).toBe(council);
  });

  it("Việc chờ tôi: a plan to sign, appeals to answer, a package returned, each for whoever may act", async () => {
    const plan = await p.coordinationPlan.create({
      data: { schoolId: S.STA, schoolYearId: Y26, issuerParent: "x", issuerName: "x", docNumber: "x", place: "x", title: "Kế hoạch phối hợp 2026–2027", recipients: "x", govSignerTitle: "x", unionSignerTitle: "x", status: "SUBMITTED", targets: { create: { key: "t1", sortOrder: 1, label: "Đoàn viên đăng ký thi đua", measureKey: "registered_pct", unit: "PERCENT", targetValue: 100 } } },
    });
    const sheet = await p.scoreSheet.findFirstOrThrow({ where: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR, memberId: DEMO.members.STA_MEMBER } });
    await p.appeal.create({ data: { sheetId: sheet.id, text: "Đề nghị xem lại điểm", createdById: DEMO.users.STA_MEMBER } });
    await p.nominationPackage.create({ data: { id: "hs_dash_sta", schoolId: S.STA, schoolYearId: Y26, organisationId: DEMO.orgs.CDGD_SONTHUY, title: "Hồ sơ trả lại", status: "RETURNED" } });

    const kinds = (w: { kind: string }[]) => w.map((x) => x.kind).sort();
    const chair = await getSchoolDashboard(v.STA_CHAIR, S.STA, { yearId: Y26 });
    expect(kinds(chair.waiting)).toEqual(["appeal", "package", "plan"]);
    expect(chair.waiting.find((w) => w.kind === "plan")!.href).toBe(`/truong/${S.STA}/ke-hoach/${plan.id}`);
    expect(chair.waiting.find((w) => w.kind === "appeal")!.count).toBe(await p.appeal.count({ where: { state: "OPEN", sheet: { period: { schoolId: S.STA } } } }));
    const principal = await getSchoolDashboard(v.STA_PRINCIPAL, S.STA, { yearId: Y26 });
    expect(kinds(principal.waiting)).toEqual(["package", "plan"]);
    expect(kinds((await getSchoolDashboard(v.STA_MEMBER, S.STA, { yearId: Y26 })).waiting)).toEqual([]);
    // Once the principal signed, the plan waits for the chair only.
    await p.coordinationPlan.update({ where: { id: plan.id }, data: { govSignedAt: new Date(), govSignerId: DEMO.users.STA_PRINCIPAL } });
    expect(kinds((await getSchoolDashboard(v.STA_PRINCIPAL, S.STA, { yearId: Y26 })).waiting)).toEqual(["package"]);
    expect(kinds((await getSchoolDashboard(v.STA_CHAIR, S.STA, { yearId: Y26 })).waiting)).toContain("plan");
    // The target against the live figure: members registered this year over members not gone.
    const members = await p.member.count({ where: { schoolId: S.STA, status: { not: "LEFT" } } });
    const regs = await p.registration.findMany({ where: { schoolId: S.STA, campaign: { schoolYearId: Y26 }, memberId: { not: null }, member: { status: { not: "LEFT" } } }, distinct: ["memberId"], select: { memberId: true } });
    expect(chair.targets).toHaveLength(1);
    expect(chair.targets[0].live).toBe(true);
    expect(chair.targets[0].actual).toBeCloseTo(Math.round((regs.length / members) * 1000) / 10, 6);
    // Kim Đồng's principal records the commune's decision on the dossier sent to it (routes demo).
    const kd = await getSchoolDashboard(v.KD_PRINCIPAL, S.KD);
    expect(kd.waiting.find((w) => w.kind === "record")).toMatchObject({ href: `/truong/${S.KD}/de-nghi/hs_kd_2025_nn`, count: 8 });
    expect((await getSchoolDashboard(v.KD_CHAIR, S.KD)).waiting.find((w) => w.kind === "record")).toBeUndefined();
  });

  it("sheets to score wait for the group's scorers, never counting their own sheet", async () => {
    const period = SCORING_DEMO.periods.STA_DRIVE;
    const k12 = await sheetsOf(period, DEMO.groups.STA_K12);
    const others = k12.filter((s) => s.memberId !== DEMO.members.STA_GROUP_LEADER).slice(0, 2).map((s) => s.id);
    const own = k12.find((s) => s.memberId === DEMO.members.STA_GROUP_LEADER)!.id;
    await p.scorePeriod.update({ where: { id: period }, data: { state: "GROUP_SCORING" } });
    await p.scoreStage.updateMany({ where: { sheetId: { in: [...others, own] }, stage: "GROUP" }, data: { complete: false } });
    try {
      const leader = await getSchoolDashboard(v.STA_GROUP_LEADER, S.STA, { yearId: Y26 });
      expect(leader.waiting.filter((w) => w.kind === "group")).toEqual([expect.objectContaining({ count: 2, href: `/truong/${S.STA}/cham-diem/${period}` })]);
      const chair = await getSchoolDashboard(v.STA_CHAIR, S.STA, { yearId: Y26 });
      expect(chair.waiting.find((w) => w.kind === "group")!.count).toBe(3);
      expect((await getSchoolDashboard(v.STA_MEMBER, S.STA, { yearId: Y26 })).waiting.filter((w) => w.kind === "group")).toEqual([]);
    } finally {
      await p.scoreStage.updateMany({ where: { sheetId: { in: [...others, own] }, stage: "GROUP" }, data: { complete: true } });
      await p.scorePeriod.update({ where: { id: period }, data: { state: "COUNCIL_REVIEW" } });
    }
  });

  it("another school's id is NOT_FOUND", async () => {
    expect(await errorCode(getSchoolDashboard(v.STA_CHAIR, S.KD))).toBe("NOT_FOUND");
    expect(await errorCode(getSchoolDashboard(v.UPPER_BACSON, S.STA))).toBe("NOT_FOUND");
    expect(await errorCode(getSchoolDashboard(v.STA_PRINCIPAL, "sch_khong_co"))).toBe("NOT_FOUND");
    expect((await getSchoolDashboard(v.UPPER_SONTHUY, S.STA)).schoolId).toBe(S.STA);
  });
});

describe("member dashboard", () => {
  it("registrations, scores, appeals, awards and meeting tasks are the member's own rows", async () => {
    const meeting = await p.jointMeeting.create({ data: { schoolId: S.STA, schoolYearId: Y26, title: "Họp liên tịch tháng 12/2026", scheduledOn: new Date("2026-12-05"), kind: "OTHER" } });
    await p.meetingTask.createMany({
      data: [
        { meetingId: meeting.id, content: "Chuẩn bị hội thi giáo viên dạy giỏi", ownerName: "Lê Văn Tuấn", ownerSide: "UNION" },
        { meetingId: meeting.id, content: "Tổng hợp danh sách", ownerName: "Đ/c lê văn tuấn, tổ Khối 1–2", ownerSide: "UNION" },
        { meetingId: meeting.id, content: "Việc của người khác", ownerName: "Hoàng Văn Minh", ownerSide: "GOV" },
      ],
    });
    const me = DEMO.members.STA_MEMBER;
    const d = (await getMemberDashboard(v.STA_MEMBER))!;
    expect(d.memberId).toBe(me);
    expect(d.registrations).toHaveLength(await p.registration.count({ where: { memberId: me } }));
    expect(d.sheets).toHaveLength(await p.scoreSheet.count({ where: { memberId: me } }));
    expect(d.appeals).toHaveLength(await p.appeal.count({ where: { sheet: { memberId: me } } }));
    expect(d.appeals.length).toBeGreaterThan(0);
    expect(d.awardCount).toBe(await p.award.count({ where: { memberId: me, decision: { revocation: null } } }));
    expect(d.awardCount).toBeGreaterThan(0);
    expect(d.tasks.map((x) => x.content).sort()).toEqual(["Chuẩn bị hội thi giáo viên dạy giỏi", "Tổng hợp danh sách"]);
    const last = d.sheets.find((s) => s.periodName.startsWith("Cả năm"))!;
    const stages = await p.scoreStage.findMany({ where: { sheet: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR, memberId: me } } });
    for (const st of stages) expect(last.stages[st.stage]?.totalTenths).toBe(st.totalTenths);
    // Someone else's tasks and awards never appear; a viewer without a member record has no dashboard.
    const chair = (await getMemberDashboard(v.STA_CHAIR))!;
    expect(chair.tasks).toEqual([]);
    expect(chair.awardCount).toBe(await p.award.count({ where: { memberId: DEMO.members.STA_CHAIR, decision: { revocation: null } } }));
    expect(await getMemberDashboard(v.UPPER_SONTHUY)).toBeNull();
  });
});
