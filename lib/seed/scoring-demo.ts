// Demo data for campaigns, scales and scoring (issue 4), on top of seedDemo():
//  - TH Sơn Thủy A, 2025–2026 (last year): an adopted 100-point scale, a closed campaign with
//    registrations and a closed year period scored at all three stages, each stage sealed;
//  - TH Sơn Thủy A, 2026–2027 (this year): last year's scale copied as a draft (the chair adopts
//    it in the browser) and the "Hai tốt" campaign open for registration;
//  - TH Sơn Thủy A, 2026–2027: the short drive "chào mừng 20/11" scored on its own adopted scale;
//    its period waits for the council (self and group stages sealed, council entries complete), so
//    the chair can seal it, members appeal and the chair closes it in the browser;
//  - TH Kim Đồng, 2026–2027: an adopted scale (another tenant's data for tests);
//  - Công đoàn Giáo dục huyện Sơn Thủy, 2026–2027: "Giỏi việc trường – Đảm việc nhà", open, women.
// Deterministic, fixed ids (SCORING_DEMO). Call after seedDemo(); does nothing if already there.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { DEMO } from "./demo";
import { allCriteria } from "../scoring/scale";
import { computeStage, type StageData } from "../scoring/rules";
import { checksumOf } from "../scoring/snapshot";
import { TEMPLATE_100 } from "../scoring/templates";

export const SCORING_DEMO = {
  scales: { STA_LAST: "scl_sta_2025", STA_CURRENT: "scl_sta_2026", STA_DRIVE: "scl_sta_2026_dot1", KD_CURRENT: "scl_kd_2026" },
  versions: { STA_LAST: "sv_sta_2025_1", STA_CURRENT: "sv_sta_2026_1", STA_DRIVE: "sv_sta_2026_dot1_1", KD_CURRENT: "sv_kd_2026_1" },
  campaigns: { STA_LAST: "cmp_sta_2025", STA_CURRENT: "cmp_sta_2026", STA_DRIVE: "cmp_sta_2026_dot1", SONTHUY_GVT: "cmp_st_gvt_2026" },
  periods: { STA_LAST_YEAR: "per_sta_2025_nam", STA_DRIVE: "per_sta_2026_dot1" },
} as const;

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const json = (v: unknown) => v as Prisma.InputJsonValue;

/** A believable sheet: mostly full marks, a few points off depending on the member's index. */
function demoData(i: number, stage: "SELF" | "GROUP" | "COUNCIL"): StageData {
  const entries: StageData["entries"] = {};
  allCriteria(TEMPLATE_100).forEach((c, k) => {
    // A realistic spread: most near full marks, some weaker in teaching quality (Tốt), a few Khá.
    const weak = i % 5 === 1 && c.key.startsWith("cl_") ? 3 : i % 9 === 4 ? 1.5 : 0;
    const off = weak + ((i * 7 + k * 3) % 11 === 0 ? 2 : (i + k) % 9 === 0 ? 1 : 0) + (stage !== "SELF" && (i + k) % 13 === 0 ? 1 : 0);
    if (c.key.startsWith("cn_") && i % 5 === 4) entries[c.key] = { state: "NOT_APPLICABLE" };
    else entries[c.key] = { state: "SCORED", points: Math.max(0, Math.round(c.max - off * 10)) };
  });
  const bonus: Record<string, number> = i % 6 === 0 ? { gv_gioi: 30 } : {};
  const deductions = i % 8 === 3 ? [{ key: "di_muon", count: 2, reason: "Sổ trực ghi đi muộn ngày 14/10 và 02/12/2025" }] : [];
  // One member was disciplined during the year: not ranked whatever the points (from the group stage on).
  const disqualifiers = i === 17 && stage !== "SELF" ? [{ key: "ky_luat", reason: "Quyết định kỷ luật khiển trách số 12/QĐ-THSTA ngày 03/3/2026" }] : [];
  return { entries, deductions, bonus, disqualifiers };
}

export async function seedScoringDemo(prisma: PrismaClient): Promise<{ created: boolean; counts: Record<string, number> }> {
  const S = SCORING_DEMO;
  if (await prisma.scoringScale.findUnique({ where: { id: S.scales.STA_LAST }, select: { id: true } })) return { created: false, counts: {} };
  const chair = DEMO.users.STA_CHAIR;
  const members = await prisma.member.findMany({ where: { schoolId: DEMO.schools.STA, status: { not: "LEFT" } }, orderBy: { sortKey: "asc" }, select: { id: true, fullName: true, unionGroupId: true } });
  const definition = json(TEMPLATE_100);
  const adoptedChecksum = checksumOf(TEMPLATE_100);
  const periodId = S.periods.STA_LAST_YEAR;
  const last = scoredPeriod(members, { periodId, prefix: "sta_2025", versionId: S.versions.STA_LAST, scaleChecksum: adoptedChecksum, sealed: { SELF: day(2026, 5, 10), GROUP: day(2026, 5, 15), COUNCIL: day(2026, 5, 20) }, explanation: "Hội đồng thống nhất theo biên bản họp ngày 20/5/2026." });
  // This year's drive: self and group stages sealed, the council has entered its numbers and has not sealed yet.
  const drive = scoredPeriod(members, { periodId: S.periods.STA_DRIVE, prefix: "sta_2026d1", versionId: S.versions.STA_DRIVE, scaleChecksum: adoptedChecksum, sealed: { SELF: day(2026, 11, 21), GROUP: day(2026, 11, 22) }, explanation: "Hội đồng thống nhất điểm tổ chấm." });
  const sheets = [...last.sheets, ...drive.sheets];
  const stageRows = [...last.stageRows, ...drive.stageRows];
  const snapshots = [...last.snapshots, ...drive.snapshots];
  const registrations = members
    .filter((_, i) => i % 4 !== 1)
    .map((m, i) => ({ id: `reg_sta_2025_${m.id.slice(4)}`, campaignId: S.campaigns.STA_LAST, schoolId: DEMO.schools.STA, subjectKey: `m:${m.id}`, memberId: m.id, title: i % 5 === 0 ? "CSTDCS" : "LDTT", registeredById: chair }))
    // Registration counts for LĐTT (lib/awards/facts-loader.ts): the members the awards demo leaves
    // unregistered in 2025–2026 (UNREGISTERED_2025 in awards-demo.ts) must not appear here either.
    .filter((r) => !["mem_sta_019", "mem_sta_034", "mem_sta_035"].includes(r.memberId));

  const res = await prisma.$transaction([
    prisma.scoringScale.createMany({
      data: [
        { id: S.scales.STA_LAST, schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2025, name: "Biểu điểm thi đua năm học 2025–2026" },
        { id: S.scales.STA_CURRENT, schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2026, name: "Biểu điểm thi đua năm học 2026–2027", copiedFromId: S.scales.STA_LAST },
        { id: S.scales.STA_DRIVE, schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2026, name: "Biểu điểm đợt thi đua chào mừng 20/11/2026", copiedFromId: S.scales.STA_LAST },
        { id: S.scales.KD_CURRENT, schoolId: DEMO.schools.KD, schoolYearId: DEMO.years.Y2026, name: "Biểu điểm thi đua Trường Tiểu học Kim Đồng 2026–2027" },
      ],
    }),
    prisma.scaleVersion.createMany({
      data: [
        { id: S.versions.STA_LAST, scaleId: S.scales.STA_LAST, number: 1, definition: definition, checksum: adoptedChecksum, adoptedOn: day(2025, 10, 5), resolutionNo: "02/NQ-HNVC", adoptedAt: day(2025, 10, 5), adoptedById: chair },
        { id: S.versions.STA_CURRENT, scaleId: S.scales.STA_CURRENT, number: 1, definition: definition },
        { id: S.versions.STA_DRIVE, scaleId: S.scales.STA_DRIVE, number: 1, definition: definition, checksum: adoptedChecksum, adoptedOn: day(2026, 9, 12), resolutionNo: "05/NQ-BCH", adoptedAt: day(2026, 9, 12), adoptedById: chair },
        { id: S.versions.KD_CURRENT, scaleId: S.scales.KD_CURRENT, number: 1, definition: definition, checksum: adoptedChecksum, adoptedOn: day(2026, 10, 8), resolutionNo: "01/NQ-HNVC", adoptedAt: day(2026, 10, 8), adoptedById: DEMO.users.KD_CHAIR },
      ],
    }),
    prisma.campaign.createMany({
      data: [
        { id: S.campaigns.STA_LAST, schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2025, name: "Thi đua “Dạy tốt – Học tốt” năm học 2025–2026", movement: "HAI_TOT", audience: "ALL_MEMBERS", titles: ["LDTT", "CSTDCS", "TT_LDTT"], scaleId: S.scales.STA_LAST, registrationDeadline: day(2025, 10, 15), state: "CLOSED" },
        { id: S.campaigns.STA_CURRENT, schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2026, name: "Thi đua “Dạy tốt – Học tốt” năm học 2026–2027", movement: "HAI_TOT", description: "Chỉ tiêu: 100% đoàn viên đăng ký thi đua; ≥ 80% đạt Lao động tiên tiến.", audience: "ALL_MEMBERS", titles: ["LDTT", "CSTDCS", "TT_LDTT", "CD_VUNG_MANH"], scaleId: S.scales.STA_CURRENT, registrationDeadline: day(2026, 12, 15), state: "OPEN" },
        { id: S.campaigns.STA_DRIVE, schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2026, name: "Đợt thi đua chào mừng Ngày Nhà giáo Việt Nam 20/11/2026", movement: "HAI_TOT", audience: "ALL_MEMBERS", titles: ["LDTT"], scaleId: S.scales.STA_DRIVE, registrationDeadline: day(2026, 9, 20), state: "SCORING" },
        { id: S.campaigns.SONTHUY_GVT, organisationId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: DEMO.years.Y2026, name: "“Giỏi việc trường – Đảm việc nhà” năm học 2026–2027", movement: "GIOI_VIEC_TRUONG", audience: "WOMEN", titles: ["GVT_DVN"], registrationDeadline: day(2026, 12, 15), state: "OPEN" },
      ],
    }),
    prisma.campaignRound.createMany({
      data: [
        { id: "rnd_sta_2026_1", campaignId: S.campaigns.STA_CURRENT, name: "Đợt 1: chào mừng Ngày Nhà giáo Việt Nam 20/11", startsOn: day(2026, 9, 5), endsOn: day(2026, 11, 20), position: 0 },
        { id: "rnd_sta_2026_2", campaignId: S.campaigns.STA_CURRENT, name: "Đợt 2: mừng Đảng, mừng Xuân", startsOn: day(2026, 11, 21), endsOn: day(2027, 2, 3), position: 1 },
        { id: "rnd_sta_2026_3", campaignId: S.campaigns.STA_CURRENT, name: "Đợt 3: chào mừng 30/4 – 1/5 và 19/5", startsOn: day(2027, 2, 4), endsOn: day(2027, 5, 19), position: 2 },
      ],
    }),
    prisma.registration.createMany({ data: registrations }),
    prisma.scorePeriod.createMany({
      data: [
        { id: periodId, campaignId: S.campaigns.STA_LAST, schoolId: DEMO.schools.STA, scaleVersionId: S.versions.STA_LAST, name: "Cả năm học 2025–2026", kind: "YEAR", startsOn: day(2025, 9, 5), endsOn: day(2026, 5, 31), state: "CLOSED", appealDeadline: day(2026, 5, 25), closedAt: day(2026, 5, 28) },
        { id: S.periods.STA_DRIVE, campaignId: S.campaigns.STA_DRIVE, schoolId: DEMO.schools.STA, scaleVersionId: S.versions.STA_DRIVE, name: "Đợt 1 (05/9 – 20/11/2026)", kind: "ROUND", startsOn: day(2026, 9, 5), endsOn: day(2026, 11, 20), state: "COUNCIL_REVIEW" },
      ],
    }),
    prisma.scoreSheet.createMany({ data: sheets }),
    prisma.scoreStage.createMany({ data: stageRows }),
    prisma.sealedSnapshot.createMany({ data: snapshots }),
  ]);
  return {
    created: true,
    counts: { scoringScales: res[0].count, scaleVersions: res[1].count, campaigns: res[2].count, registrations: res[4].count, scorePeriods: res[5].count, scoreSheets: res[6].count, scoreStages: res[7].count, sealedSnapshots: res[8].count },
  };
}

type DemoMember = { id: string; fullName: string; unionGroupId: string | null };
type Stage = "SELF" | "GROUP" | "COUNCIL";

/** Sheets, stage entries for all three stages and the sealed snapshots of the stages given, for one period. */
function scoredPeriod(members: DemoMember[], o: { periodId: string; prefix: string; versionId: string; scaleChecksum: string; sealed: Partial<Record<Stage, Date>>; explanation: string }) {
  const chair = DEMO.users.STA_CHAIR;
  const sheets = members.map((m) => ({ id: `sht_${o.prefix}_${m.id.slice(4)}`, periodId: o.periodId, memberId: m.id }));
  const stageRows = sheets.flatMap((sh, i) =>
    (["SELF", "GROUP", "COUNCIL"] as const).map((stage) => {
      const data = demoData(i, stage);
      const r = computeStage(TEMPLATE_100, data);
      return {
        id: `stg_${sh.id.slice(4)}_${stage.toLowerCase()}`,
        sheetId: sh.id,
        stage,
        data: json(data),
        explanation: stage === "COUNCIL" ? o.explanation : null,
        totalTenths: r.total,
        complete: r.complete,
        classification: r.classification?.label ?? null,
        // Paper sheets typed in by the chair; nobody scores themselves above self-assessment.
        enteredById: stage !== "SELF" && sh.memberId === DEMO.members.STA_CHAIR ? DEMO.users.STA_PRINCIPAL : chair,
      };
    }),
  );
  const snapshots = (Object.keys(o.sealed) as Stage[]).map((stage) => {
    const payload = {
      periodId: o.periodId,
      stage,
      scaleVersionId: o.versionId,
      scaleChecksum: o.scaleChecksum,
      rows: [...sheets]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((sh) => {
          const i = sheets.indexOf(sh);
          const st = stageRows.find((x) => x.sheetId === sh.id && x.stage === stage)!;
          const m = members[i];
          return { sheetId: sh.id, memberId: m.id, memberName: m.fullName, unionGroupId: m.unionGroupId, entered: true, data: st.data, explanation: st.explanation, total: st.totalTenths, complete: st.complete, classification: st.classification, enteredById: st.enteredById, version: 1 };
        }),
    };
    return { id: `snap_${o.prefix}_${stage.toLowerCase()}`, periodId: o.periodId, stage, payload: json(payload), checksum: checksumOf(payload), sealedById: chair, sealedAt: o.sealed[stage]! };
  });
  return { sheets, stageRows, snapshots };
}
