// History for reports, dashboards and year-over-year views (issue 9), on top of seedDemo() and
// seedAwardsDemo() (called first: history implies the awards demo). For 2023–2024 and 2024–2025,
// for each of the six demo schools:
//  - the school's adopted 100-point scale, a CLOSED campaign "Dạy tốt – Học tốt" with its
//    registrations (LĐTT or CSTĐCS per member, Tập thể LĐTT for the school), and a CLOSED
//    year-long scoring period: every sheet scored at all three stages, each stage sealed;
//  - the union route: a DECIDED package to the upper union (Giấy khen of the upper union for a
//    few members, "Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ" some years, one nominee
//    refused in 2024–2025 at THCS Lê Quý Đôn) and the upper union's decision covering all its
//    schools;
//  - the government route (not for TH Sơn Thủy A, whose LĐTT/CSTĐCS decisions of those years
//    come from the awards demo): a DECIDED package to the Phòng GD&ĐT, and its decision (LĐTT
//    for the registered members the council rated Tốt or better, CSTĐCS for at most 15% of
//    them among those rated Xuất sắc, Tập thể LĐTT for one or two union groups);
//  - province awards (LĐLĐ tỉnh): a Bằng khen for the NT school union (2023–2024), a Bằng khen
//    for a LQD teacher and the Cờ thi đua for TH Kim Đồng (2024–2025);
// and per upper unit the women's movement "Giỏi việc trường – Đảm việc nhà" (closed, with
// registrations) and the union term 2023–2028 (UnionTerm) of LĐLĐ Sơn Hà, CĐGD Sơn Thủy and
// CĐGD Bắc Sơn. Each school-year is drawn from its own seeded PRNG with its own strictness, so
// schools differ and years differ (most improve; THCS Nguyễn Trãi slips in 2024–2025, where its
// groups also cut self-assessed scores hard; MN Hoa Mai's groups never change a score).
// Records are inserted in their final state (the immutability triggers refuse later updates).
// Deterministic, fixed ids (HISTORY_DEMO, historyIds). Does nothing if already there.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { AwardLevel, NominationItemStatus, NomineeKind } from "../generated/prisma/enums";
import { buildDemoMembers, DEMO, type DemoMemberRow } from "./demo";
import { AWARDS_DEMO, seedAwardsDemo } from "./awards-demo";
import { createRng, seedFrom } from "./names";
import { allCriteria } from "../scoring/scale";
import { computeStage, type StageData } from "../scoring/rules";
import { checksumOf } from "../scoring/snapshot";
import { TEMPLATE_100 } from "../scoring/templates";

type SchoolKey = keyof typeof DEMO.schools;
const HISTORY_YEARS = [2023, 2024] as const;
type HistoryYear = (typeof HISTORY_YEARS)[number];

/** Fixed ids tests and docs rely on (per school and year: historyIds()). */
export const HISTORY_DEMO = {
  /** 2023–2024 (sy_2023, also made by the awards demo) and 2024–2025 (sy_2024, seedDemo). */
  years: { Y2023: DEMO.years.Y2023, Y2024: DEMO.years.Y2024 },
  /** Phòng GD&ĐT huyện Bắc Sơn: TH Bắc Sơn's government authority until 30/6/2025. */
  orgs: { PGD_BACSON: "org_pgd_bacson" },
  /** Nhiệm kỳ 2023–2028 of each demo union unit above the schools. */
  terms: { LDLD_SONHA: "nk_ldld_sonha_2023", CDGD_SONTHUY: "nk_cdgd_sonthuy_2023", CDGD_BACSON: "nk_cdgd_bacson_2023" },
  /** The upper units' women's movement per year. */
  campaigns: { SONTHUY_GVT_2023: "cmp_st_gvt_2023", SONTHUY_GVT_2024: "cmp_st_gvt_2024", BACSON_GVT_2024: "cmp_bs_gvt_2024" },
  /** The upper unions' yearly Giấy khen decisions (all their schools) and the province's. */
  decisions: {
    SONTHUY_2023: "qd_cdgd_st_2024_46",
    SONTHUY_2024: "qd_cdgd_st_2025_52",
    BACSON_2023: "qd_cdgd_bs_2024_21",
    BACSON_2024: "qd_cdgd_bs_2025_27",
    LDLD_2023: "qd_ldld_2024_905",
    LDLD_2024: "qd_ldld_2025_1031",
  },
} as const;

/** Ids of one school's history rows for one year (2023 = 2023–2024, 2024 = 2024–2025). */
export function historyIds(schoolId: string, year: HistoryYear) {
  const k = `${schoolId.replace(/^sch_/, "")}_${year}`;
  return {
    scale: `scl_h_${k}`,
    version: `sv_h_${k}_1`,
    campaign: `cmp_h_${k}`,
    period: `per_h_${k}_nam`,
    unionPackage: `hs_h_${k}_cd`,
    /** Not for TH Sơn Thủy A (its government-route decisions come from the awards demo). */
    statePackage: `hs_h_${k}_nn`,
    stateDecision: `qd_h_${k}_nn`,
  };
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const json = (v: unknown) => v as Prisma.InputJsonValue;
const yearLabel = (y: number) => `${y}–${y + 1}`;

const SCHOOL_NAMES: Record<SchoolKey, string> = {
  HM: "Trường Mầm non Hoa Mai",
  STA: "Trường Tiểu học Sơn Thủy A",
  KD: "Trường Tiểu học Kim Đồng",
  LQD: "Trường THCS Lê Quý Đôn",
  NT: "Trường THCS Nguyễn Trãi",
  BS: "Trường Tiểu học Bắc Sơn",
};

/**
 * How a school-year went: `spread` = how far members fall below full marks (higher = weaker),
 * `groupCut` = how much the group stage lowers self-assessment (0: never moves it),
 * `registerRate` = share of members who registered, `gk` = Giấy khen of the upper union.
 */
const PROFILE: Record<SchoolKey, Record<HistoryYear, { spread: number; groupCut: number; registerRate: number; gk: number; cdcs: boolean }>> = {
  HM: { 2023: { spread: 0.1, groupCut: 0, registerRate: 0.93, gk: 1, cdcs: false }, 2024: { spread: 0.07, groupCut: 0, registerRate: 1, gk: 2, cdcs: true } },
  STA: { 2023: { spread: 0.12, groupCut: 0.02, registerRate: 0.9, gk: 2, cdcs: true }, 2024: { spread: 0.09, groupCut: 0.02, registerRate: 0.95, gk: 3, cdcs: true } },
  KD: { 2023: { spread: 0.16, groupCut: 0.03, registerRate: 0.84, gk: 1, cdcs: false }, 2024: { spread: 0.11, groupCut: 0.02, registerRate: 0.9, gk: 2, cdcs: false } },
  LQD: { 2023: { spread: 0.13, groupCut: 0.03, registerRate: 0.88, gk: 2, cdcs: false }, 2024: { spread: 0.1, groupCut: 0.03, registerRate: 0.93, gk: 3, cdcs: true } },
  NT: { 2023: { spread: 0.09, groupCut: 0.02, registerRate: 0.95, gk: 2, cdcs: true }, 2024: { spread: 0.15, groupCut: 0.09, registerRate: 0.8, gk: 1, cdcs: false } },
  BS: { 2023: { spread: 0.14, groupCut: 0.03, registerRate: 1, gk: 1, cdcs: false }, 2024: { spread: 0.12, groupCut: 0.02, registerRate: 1, gk: 1, cdcs: true } },
};

/**
 * TH Sơn Thủy A's titles of those years come from the awards demo (AWARDS_DEMO.decisions D2023,
 * D2024): its scores agree with them. `low`: not LĐTT that year; `high`: CSTĐCS (or the
 * principal's Bằng khen) that year.
 */
const STA_FIXED: Record<HistoryYear, { low: string[]; high: string[] }> = {
  2023: { low: [DEMO.members.STA_RECRUIT_2025, "mem_sta_024"], high: [DEMO.members.STA_CHAIR, "mem_sta_012"] },
  2024: { low: [DEMO.members.STA_RECRUIT_2025, "mem_sta_024", "mem_sta_036"], high: [DEMO.members.STA_CHAIR, DEMO.members.STA_GROUP_LEADER, DEMO.members.STA_PRINCIPAL] },
};

/** A school's chair account where the demo has one (else the admin typed it in). */
const CHAIR_USER: Partial<Record<SchoolKey, string>> = { STA: DEMO.users.STA_CHAIR, KD: DEMO.users.KD_CHAIR };

type Stage = "SELF" | "GROUP" | "COUNCIL";
const STAGES: Stage[] = ["SELF", "GROUP", "COUNCIL"];
const CRITERIA = allCriteria(TEMPLATE_100);

/** Three stages of one member's sheet: self-assessment, the group's cut, the council as the group. */
function sheetStages(rng: () => number, p: { spread: number; groupCut: number }, ability: number, disqualified: boolean): Record<Stage, StageData> {
  const self: StageData = { entries: {}, deductions: [], bonus: {}, disqualifiers: [] };
  const group: StageData = { entries: {}, deductions: [], bonus: {}, disqualifiers: [] };
  for (const c of CRITERIA) {
    if (c.key.startsWith("cn_") && ability > 0.85 && rng() < 0.3) {
      // Not a homeroom teacher this year.
      self.entries[c.key] = { state: "NOT_APPLICABLE" };
      group.entries[c.key] = { state: "NOT_APPLICABLE" };
      continue;
    }
    const loss = c.max * p.spread * 2.2 * (1 - ability) * (0.5 + rng());
    const points = Math.max(0, Math.round((c.max - loss) / 5) * 5);
    const cut = p.groupCut > 0 && rng() < 0.5 ? Math.round((c.max * p.groupCut * (0.5 + rng())) / 5) * 5 : 0;
    self.entries[c.key] = { state: "SCORED", points };
    group.entries[c.key] = { state: "SCORED", points: Math.max(0, points - cut) };
  }
  if (ability > 0.8 && rng() < 0.4) {
    const bonus: Record<string, number> = rng() < 0.5 ? { gv_gioi: 30 } : { sk_cong_nhan: 20 };
    self.bonus = bonus;
    group.bonus = bonus;
  }
  if (rng() < 0.08) {
    const d = [{ key: "di_muon", count: 1 + Math.floor(rng() * 2), reason: "Sổ trực ghi đi muộn" }];
    self.deductions = d;
    group.deductions = d;
  }
  if (disqualified) group.disqualifiers = [{ key: "ky_luat", reason: "Bị kỷ luật khiển trách trong năm học" }];
  return { SELF: self, GROUP: group, COUNCIL: group };
}

interface ItemRow {
  id: string;
  packageId: string;
  schoolId: string;
  subject: NomineeKind;
  memberId: string | null;
  unionGroupId: string | null;
  nomineeName: string;
  titleCode: string;
  level: AwardLevel;
  achievementKey: string;
  status: NominationItemStatus;
  reviewNote?: string | null;
}

interface AwardRow {
  decisionId: string;
  schoolId: string;
  schoolYearId: string;
  subject: NomineeKind;
  memberId: string | null;
  unionGroupId: string | null;
  recipientName: string;
  titleCode: string;
  level: AwardLevel;
  achievementKey: string;
  nominationItemId: string | null;
}

/**
 * INSERT … SELECT FROM jsonb_to_recordset(<rows as JSON>): one statement and one parameter for many rows.
 * `columns` maps each column to its SQL type (the rows' keys are the column names); `computed`
 * adds columns filled by an SQL expression (updatedAt, which Prisma sets, has no default).
 */
async function bulkInsert(tx: Prisma.TransactionClient, table: string, columns: Record<string, string>, rows: object[], computed: Record<string, string> = {}): Promise<number> {
  if (!rows.length) return 0;
  const q = (c: string) => `"${c}"`;
  const names = Object.keys(columns);
  // Table, column and type names are this file's constants; the rows travel as one bound value.
  const head =
    `INSERT INTO ${q(table)} (${[...names, ...Object.keys(computed)].map(q).join(", ")}) ` +
    `SELECT ${[...names.map((c) => `r.${q(c)}`), ...Object.values(computed)].join(", ")}`;
  const shape = names.map((c) => `${q(c)} ${columns[c]}`).join(", ");
  return tx.$executeRaw(Prisma.sql`${Prisma.raw(head)} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${Prisma.raw(shape)})`);
}

export async function seedHistoryDemo(prisma: PrismaClient): Promise<{ created: boolean; counts: Record<string, number> }> {
  // History sits beside the awards demo's decisions of those years (and its 2023–2024 year).
  if (!(await prisma.council.findUnique({ where: { id: AWARDS_DEMO.councils.STA_2025 }, select: { id: true } }))) await seedAwardsDemo(prisma);
  if (await prisma.campaign.findUnique({ where: { id: historyIds(DEMO.schools.STA, 2023).campaign }, select: { id: true } })) return { created: false, counts: {} };

  const everyone = buildDemoMembers();
  const groups = await prisma.unionGroup.findMany({ select: { id: true, schoolId: true, name: true } });
  const checksum = checksumOf(TEMPLATE_100);
  const definition = json(TEMPLATE_100);

  const scales: Prisma.ScoringScaleCreateManyInput[] = [];
  const versions: Prisma.ScaleVersionCreateManyInput[] = [];
  const campaigns: Prisma.CampaignCreateManyInput[] = [];
  const registrations: Prisma.RegistrationCreateManyInput[] = [];
  const periods: Prisma.ScorePeriodCreateManyInput[] = [];
  const sheets: Prisma.ScoreSheetCreateManyInput[] = [];
  const stages: Prisma.ScoreStageCreateManyInput[] = [];
  const snapshots: Prisma.SealedSnapshotCreateManyInput[] = [];
  const packages: Prisma.NominationPackageCreateManyInput[] = [];
  const items: ItemRow[] = [];
  const decisions: Prisma.AwardDecisionCreateManyInput[] = [];
  const awards: AwardRow[] = [];
  const events: Prisma.NominationEventCreateManyInput[] = [];

  const H = HISTORY_DEMO;
  const unionDecision = (unitId: string, y: HistoryYear) =>
    unitId === DEMO.orgs.CDGD_BACSON ? (y === 2023 ? H.decisions.BACSON_2023 : H.decisions.BACSON_2024) : y === 2023 ? H.decisions.SONTHUY_2023 : H.decisions.SONTHUY_2024;
  const award = (decisionId: string, i: ItemRow, schoolYearId: string): AwardRow => ({
    decisionId, schoolId: i.schoolId, schoolYearId, subject: i.subject, memberId: i.memberId, unionGroupId: i.unionGroupId,
    recipientName: i.nomineeName, titleCode: i.titleCode, level: i.level, achievementKey: i.achievementKey, nominationItemId: i.id,
  });

  for (const y of HISTORY_YEARS) {
    const yearId = y === 2023 ? H.years.Y2023 : H.years.Y2024;
    const starts = day(y, 9, 5);
    const ends = day(y + 1, 5, 31);
    for (const key of Object.keys(DEMO.schools) as SchoolKey[]) {
      const schoolId = DEMO.schools[key];
      const ids = historyIds(schoolId, y);
      const p = PROFILE[key][y];
      const rng = createRng(seedFrom(`${schoolId}:${y}`));
      const unitId = key === "BS" ? DEMO.orgs.CDGD_BACSON : DEMO.orgs.CDGD_SONTHUY;
      const chair = CHAIR_USER[key] ?? DEMO.users.ADMIN;
      // Who worked there that year: not the member who has since left (no date on record), not
      // anyone hired after the year ended.
      const members = everyone.filter((m) => m.schoolId === schoolId && m.status !== "LEFT" && m.contractStartAt <= ends);

      scales.push({ id: ids.scale, schoolId, schoolYearId: yearId, name: `Biểu điểm thi đua năm học ${yearLabel(y)}` });
      versions.push({ id: ids.version, scaleId: ids.scale, number: 1, definition, checksum, adoptedOn: day(y, 10, 5), resolutionNo: `01/NQ-HNVC`, adoptedAt: day(y, 10, 5), adoptedById: chair });
      campaigns.push({
        id: ids.campaign, schoolId, schoolYearId: yearId, name: `Thi đua “Dạy tốt – Học tốt” năm học ${yearLabel(y)}`, movement: "HAI_TOT",
        audience: "ALL_MEMBERS", titles: ["LDTT", "CSTDCS", "TT_LDTT"], scaleId: ids.scale, registrationDeadline: day(y, 10, 15), state: "CLOSED",
      });
      periods.push({
        id: ids.period, campaignId: ids.campaign, schoolId, scaleVersionId: ids.version, name: `Cả năm học ${yearLabel(y)}`, kind: "YEAR",
        startsOn: starts, endsOn: ends, state: "CLOSED", appealDeadline: day(y + 1, 5, 25), closedAt: day(y + 1, 5, 28),
      });

      // ---- Registrations and scores
      const registered = new Map<string, "LDTT" | "CSTDCS">();
      const result = new Map<string, { total: number; classification: string | null }>();
      const periodSheets: { id: string; member: DemoMemberRow }[] = [];
      const periodStages: (Prisma.ScoreStageCreateManyInput & { stage: Stage })[] = [];
      const disqualifiedIdx = key === "LQD" && y === 2023 ? 7 : key === "KD" && y === 2024 ? 11 : -1;
      members.forEach((m, idx) => {
        const drawn = rng();
        const fixed = key === "STA" ? STA_FIXED[y] : null;
        const ability = !fixed ? drawn : fixed.high.includes(m.id) ? 1 : fixed.low.includes(m.id) ? 0.1 * drawn : 0.55 + 0.45 * drawn;
        if (rng() < p.registerRate || fixed?.high.includes(m.id)) {
          const title = fixed?.high.includes(m.id) || (ability > 0.7 && rng() < 0.45) ? "CSTDCS" : "LDTT";
          registered.set(m.id, title);
          registrations.push({ id: `reg_h_${ids.campaign.slice(6)}_${m.id.slice(4)}`, campaignId: ids.campaign, schoolId, subjectKey: `m:${m.id}`, memberId: m.id, title, registeredById: chair });
        }
        const sheetId = `sht_h_${ids.period.slice(6)}_${m.id.slice(4)}`;
        periodSheets.push({ id: sheetId, member: m });
        const data = sheetStages(rng, p, ability, idx === disqualifiedIdx);
        for (const stage of STAGES) {
          const r = computeStage(TEMPLATE_100, data[stage]);
          periodStages.push({
            id: `stg_h_${sheetId.slice(6)}_${stage.toLowerCase()}`, sheetId, stage, data: json(data[stage]),
            explanation: stage === "COUNCIL" ? `Hội đồng thống nhất điểm tổ chấm (biên bản ngày 20/05/${y + 1}).` : null,
            totalTenths: r.total, complete: r.complete, classification: r.classification?.label ?? null, enteredById: chair,
          });
          if (stage === "COUNCIL") result.set(m.id, { total: r.total, classification: r.classification?.label ?? null });
        }
      });
      registrations.push({ id: `reg_h_${ids.campaign.slice(6)}_truong`, campaignId: ids.campaign, schoolId, subjectKey: `s:${schoolId}`, title: "TT_LDTT", registeredById: chair });
      sheets.push(...periodSheets.map((s) => ({ id: s.id, periodId: ids.period, memberId: s.member.id })));
      stages.push(...periodStages);
      const sealedOn: Record<Stage, Date> = { SELF: day(y + 1, 5, 10), GROUP: day(y + 1, 5, 15), COUNCIL: day(y + 1, 5, 20) };
      for (const stage of STAGES) {
        const payload = {
          periodId: ids.period, stage, scaleVersionId: ids.version, scaleChecksum: checksum,
          rows: [...periodSheets].sort((a, b) => (a.id < b.id ? -1 : 1)).map((sh) => {
            const st = periodStages.find((x) => x.sheetId === sh.id && x.stage === stage)!;
            return { sheetId: sh.id, memberId: sh.member.id, memberName: sh.member.fullName, unionGroupId: sh.member.unionGroupId, entered: true, data: st.data, explanation: st.explanation, total: st.totalTenths, complete: st.complete, classification: st.classification, enteredById: st.enteredById, version: 1 };
          }),
        };
        snapshots.push({ id: `snap_h_${ids.period.slice(6)}_${stage.toLowerCase()}`, periodId: ids.period, stage, payload: json(payload), checksum: checksumOf(payload), sealedById: chair, sealedAt: sealedOn[stage] });
      }

      // ---- Who earned what: rated Tốt or better by the council, registered, a full year's work
      const ranked = members
        .map((m) => ({ m, r: result.get(m.id)! }))
        .filter(({ r }) => r.classification === "Xuất sắc" || r.classification === "Tốt")
        .sort((a, b) => b.r.total - a.r.total || (a.m.id < b.m.id ? -1 : 1));
      const ldtt = ranked.filter(({ m }) => registered.has(m.id) && m.contractStartAt <= starts).map(({ m }) => m);
      const cap = Math.floor(ldtt.length * 0.15);
      const cstdcs = ranked.filter(({ m, r }) => r.classification === "Xuất sắc" && registered.get(m.id) === "CSTDCS" && m.contractStartAt <= starts).slice(0, cap).map(({ m }) => m);
      const gk = ranked.slice(0, p.gk).map(({ m }) => m);
      const achievementKey = `year:${y}`;
      const schoolGroups = groups.filter((g) => g.schoolId === schoolId).sort((a, b) => (a.id < b.id ? -1 : 1));

      // ---- Union route: the package to the upper union, all decided (one refused in LQD 2024–2025)
      const packageCommon = { schoolId, schoolYearId: yearId, postedOn: day(y + 1, 6, 1), submittedAt: day(y + 1, 6, 10), status: "DECIDED" as const, createdById: chair };
      const unitName = key === "BS" ? "Công đoàn Giáo dục huyện Bắc Sơn" : "Công đoàn Giáo dục huyện Sơn Thủy";
      packages.push({ ...packageCommon, id: ids.unionPackage, organisationId: unitId, title: `Hồ sơ đề nghị khen thưởng năm học ${yearLabel(y)}`, route: "UNION", authorityKind: "UNION", authorityName: `Ban Thường vụ ${unitName}` });
      const unionItems: ItemRow[] = gk.map((m) => ({ id: `dn_${ids.unionPackage}_${m.id}_gk`, packageId: ids.unionPackage, schoolId, subject: "MEMBER", memberId: m.id, unionGroupId: null, nomineeName: m.fullName, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey, status: "DECIDED" }));
      if (p.cdcs) unionItems.push({ id: `dn_${ids.unionPackage}_truong_cdcs`, packageId: ids.unionPackage, schoolId, subject: "SCHOOL", memberId: null, unionGroupId: null, nomineeName: SCHOOL_NAMES[key], titleCode: "CDCS_HTXS", level: "DIRECT_UPPER", achievementKey, status: "DECIDED" });
      if (key === "LQD" && y === 2024) {
        const refused = ranked[p.gk] ?? ranked[ranked.length - 1];
        if (refused) unionItems.push({ id: `dn_${ids.unionPackage}_${refused.m.id}_gk`, packageId: ids.unionPackage, schoolId, subject: "MEMBER", memberId: refused.m.id, unionGroupId: null, nomineeName: refused.m.fullName, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER", achievementKey, status: "REJECTED", reviewNote: "Vượt chỉ tiêu Giấy khen giao cho trường (tối đa 3)." });
      }
      items.push(...unionItems);
      for (const i of unionItems) if (i.status === "DECIDED") awards.push(award(unionDecision(unitId, y), i, yearId));
      events.push({ packageId: ids.unionPackage, action: "decide", comment: `Quyết định của ${unitName}`, actorName: "Dữ liệu mẫu", at: day(y + 1, 6, 20) });

      // ---- Government route (TH Sơn Thủy A: decisions of the awards demo, no package)
      if (key !== "STA") {
        const pgd = key === "BS" ? H.orgs.PGD_BACSON : DEMO.orgs.PGD_SONTHUY;
        const pgdName = key === "BS" ? "Phòng Giáo dục và Đào tạo huyện Bắc Sơn" : "Phòng Giáo dục và Đào tạo huyện Sơn Thủy";
        packages.push({ ...packageCommon, id: ids.statePackage, organisationId: pgd, title: `Hồ sơ đề nghị khen thưởng năm học ${yearLabel(y)} – gửi Trưởng phòng Giáo dục và Đào tạo`, route: "STATE", authorityKind: "PHONG_GD", authorityName: `Trưởng ${pgdName.charAt(0).toLowerCase()}${pgdName.slice(1)}`, splitFromId: ids.unionPackage, sentAt: day(y + 1, 6, 10), sentById: DEMO.users.ADMIN });
        const stateItems: ItemRow[] = [
          ...ldtt.map((m): ItemRow => ({ id: `dn_${ids.statePackage}_${m.id}_ldtt`, packageId: ids.statePackage, schoolId, subject: "MEMBER", memberId: m.id, unionGroupId: null, nomineeName: m.fullName, titleCode: "LDTT", level: "SCHOOL", achievementKey, status: "DECIDED" })),
          ...cstdcs.map((m): ItemRow => ({ id: `dn_${ids.statePackage}_${m.id}_cstdcs`, packageId: ids.statePackage, schoolId, subject: "MEMBER", memberId: m.id, unionGroupId: null, nomineeName: m.fullName, titleCode: "CSTDCS", level: "SCHOOL", achievementKey, status: "DECIDED" })),
          ...schoolGroups.slice(0, y === 2023 ? 1 : 2).map((g): ItemRow => ({ id: `dn_${ids.statePackage}_${g.id}_tt`, packageId: ids.statePackage, schoolId, subject: "UNION_GROUP", memberId: null, unionGroupId: g.id, nomineeName: g.name, titleCode: "TT_LDTT", level: "SCHOOL", achievementKey, status: "DECIDED" })),
        ];
        items.push(...stateItems);
        const number = key === "BS" ? (y === 2023 ? "112/QĐ-PGDĐT" : "131/QĐ-PGDĐT") : `${(y === 2023 ? 190 : 237) + ["HM", "KD", "LQD", "NT"].indexOf(key)}/QĐ-PGDĐT`;
        decisions.push({
          id: ids.stateDecision, organisationId: pgd, schoolYearId: yearId, number, signedOn: day(y + 1, 6, 24), signerName: key === "BS" ? "Lò Văn Thắng" : "Đinh Văn Khải", signerTitle: "Trưởng phòng",
          issuerName: pgdName, issuerParent: key === "BS" ? "UBND huyện Bắc Sơn" : "UBND huyện Sơn Thủy", level: "SCHOOL", side: "STATE", schoolId,
          summary: `Công nhận danh hiệu thi đua năm học ${yearLabel(y)} – ${SCHOOL_NAMES[key]}`, createdById: DEMO.users.ADMIN,
        });
        awards.push(...stateItems.map((i) => award(ids.stateDecision, i, yearId)));
        events.push({ packageId: ids.statePackage, action: "recordState", comment: `Quyết định số ${number} của ${pgdName}`, actorName: "Dữ liệu mẫu", at: day(y + 1, 6, 26) });
      }

      // ---- Province (LĐLĐ tỉnh Sơn Hà): no package of the school (proposed by the upper union)
      const province = (decisionId: string, subject: NomineeKind, who: { memberId?: string; name: string }, titleCode: string) =>
        awards.push({ decisionId, schoolId, schoolYearId: yearId, subject, memberId: who.memberId ?? null, unionGroupId: null, recipientName: who.name, titleCode, level: "PROVINCE", achievementKey, nominationItemId: null });
      if (key === "NT" && y === 2023) province(H.decisions.LDLD_2023, "SCHOOL", { name: `Công đoàn ${SCHOOL_NAMES.NT}` }, "BK_LDLD_TINH");
      if (key === "LQD" && y === 2024 && ranked[0]) province(H.decisions.LDLD_2024, "MEMBER", { memberId: ranked[0].m.id, name: ranked[0].m.fullName }, "BK_LDLD_TINH");
      if (key === "KD" && y === 2024) province(H.decisions.LDLD_2024, "SCHOOL", { name: `Công đoàn ${SCHOOL_NAMES.KD}` }, "CO_TD_LDLD_TINH");
    }

    // ---- The upper unions' decisions of the year
    for (const [id, org, name, no, signer] of [
      [unionDecision(DEMO.orgs.CDGD_SONTHUY, y), DEMO.orgs.CDGD_SONTHUY, "Công đoàn Giáo dục huyện Sơn Thủy", y === 2023 ? "46/QĐ-CĐGD" : "52/QĐ-CĐGD", "Phạm Quang Vinh"],
      [unionDecision(DEMO.orgs.CDGD_BACSON, y), DEMO.orgs.CDGD_BACSON, "Công đoàn Giáo dục huyện Bắc Sơn", y === 2023 ? "21/QĐ-CĐGD" : "27/QĐ-CĐGD", "Vũ Thị Hồng Nhung"],
    ] as const) {
      decisions.push({ id, organisationId: org, schoolYearId: yearId, number: no, signedOn: day(y + 1, 6, 20), signerName: signer, signerTitle: "Chủ tịch", issuerName: name, issuerParent: "Liên đoàn Lao động tỉnh Sơn Hà", side: "UNION", level: "DIRECT_UPPER", summary: `Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc năm học ${yearLabel(y)}`, createdById: DEMO.users.ADMIN });
    }
    decisions.push({
      id: y === 2023 ? H.decisions.LDLD_2023 : H.decisions.LDLD_2024, organisationId: DEMO.orgs.LDLD_SONHA, schoolYearId: yearId, number: y === 2023 ? "905/QĐ-LĐLĐ" : "1031/QĐ-LĐLĐ",
      signedOn: day(y + 1, 8, 12), signerName: "Trịnh Thị Thu Hà", signerTitle: "Chủ tịch", issuerName: "Liên đoàn Lao động tỉnh Sơn Hà", issuerParent: "Tổng Liên đoàn Lao động Việt Nam",
      side: "UNION", level: "PROVINCE", summary: `Về việc tặng Bằng khen, Cờ thi đua năm học ${yearLabel(y)}`, createdById: DEMO.users.ADMIN,
    });
  }

  // ---- The upper units' women's movement, with registrations from their schools
  const gvt = (id: string, unitId: string, y: HistoryYear, rate: number) => {
    campaigns.push({ id, organisationId: unitId, schoolYearId: y === 2023 ? H.years.Y2023 : H.years.Y2024, name: `“Giỏi việc trường – Đảm việc nhà” năm học ${yearLabel(y)}`, movement: "GIOI_VIEC_TRUONG", audience: "WOMEN", titles: ["GVT_DVN"], registrationDeadline: day(y, 12, 15), state: "CLOSED" });
    const rng = createRng(seedFrom(id));
    const schools = new Set<string>(Object.values(DEMO.schools).filter((s) => (unitId === DEMO.orgs.CDGD_BACSON) === (s === DEMO.schools.BS)));
    for (const m of everyone) {
      if (!schools.has(m.schoolId) || m.gender !== "NU" || m.status === "LEFT" || m.contractStartAt > day(y, 12, 15) || rng() >= rate) continue;
      registrations.push({ id: `reg_h_${id.slice(4)}_${m.id.slice(4)}`, campaignId: id, schoolId: m.schoolId, subjectKey: `m:${m.id}`, memberId: m.id, title: "GVT_DVN", registeredById: DEMO.users.ADMIN });
    }
  };
  gvt(H.campaigns.SONTHUY_GVT_2023, DEMO.orgs.CDGD_SONTHUY, 2023, 0.35);
  gvt(H.campaigns.SONTHUY_GVT_2024, DEMO.orgs.CDGD_SONTHUY, 2024, 0.5);
  gvt(H.campaigns.BACSON_GVT_2024, DEMO.orgs.CDGD_BACSON, 2024, 0.6);

  const terms: Prisma.UnionTermCreateManyInput[] = [
    { id: H.terms.LDLD_SONHA, organisationId: DEMO.orgs.LDLD_SONHA, label: "2023–2028", startsOn: day(2023, 8, 18), endsOn: day(2028, 8, 17), congressOn: day(2023, 8, 18), nextCongressOn: day(2028, 8, 18) },
    { id: H.terms.CDGD_SONTHUY, organisationId: DEMO.orgs.CDGD_SONTHUY, label: "2023–2028", startsOn: day(2023, 5, 26), endsOn: day(2028, 5, 25), congressOn: day(2023, 5, 26), nextCongressOn: day(2028, 5, 26) },
    { id: H.terms.CDGD_BACSON, organisationId: DEMO.orgs.CDGD_BACSON, label: "2023–2028", startsOn: day(2023, 6, 2), endsOn: day(2028, 6, 1), congressOn: day(2023, 6, 2), nextCongressOn: day(2028, 6, 2) },
  ];

  const res = await prisma.$transaction(async (tx) => {
    await tx.organisation.createMany({
      data: [{ id: H.orgs.PGD_BACSON, name: "Phòng Giáo dục và Đào tạo huyện Bắc Sơn", type: "PHONG_GD", parentId: null, successorId: DEMO.orgs.UBND_BACSON, place: "Bắc Sơn", validFrom: day(2015, 1, 1), validTo: day(2025, 6, 30) }],
      skipDuplicates: true,
    });
    const n: Record<string, number> = {};
    n.unionTerms = (await tx.unionTerm.createMany({ data: terms })).count;
    n.scoringScales = (await tx.scoringScale.createMany({ data: scales })).count;
    n.scaleVersions = (await tx.scaleVersion.createMany({ data: versions })).count;
    n.campaigns = (await tx.campaign.createMany({ data: campaigns })).count;
    n.scorePeriods = (await tx.scorePeriod.createMany({ data: periods })).count;
    n.nominationPackages = (await tx.nominationPackage.createMany({ data: packages })).count;
    n.awardDecisions = (await tx.awardDecision.createMany({ data: decisions })).count;
    n.nominationEvents = (await tx.nominationEvent.createMany({ data: events })).count;
    // The big tables in one statement each (createMany binds every value as a parameter, which
    // the embedded database takes seconds over).
    n.registrations = await bulkInsert(tx, "Registration", { id: "text", campaignId: "text", schoolId: "text", subjectKey: "text", memberId: "text", unionGroupId: "text", title: "text", registeredById: "text" }, registrations);
    n.scoreSheets = await bulkInsert(tx, "ScoreSheet", { id: "text", periodId: "text", memberId: "text" }, sheets);
    n.scoreStages = await bulkInsert(tx, "ScoreStage", { id: "text", sheetId: "text", stage: '"ScoreStageKind"', data: "jsonb", explanation: "text", totalTenths: "int", complete: "boolean", classification: "text", enteredById: "text" }, stages, { updatedAt: "now()" });
    n.sealedSnapshots = await bulkInsert(tx, "SealedSnapshot", { id: "text", periodId: "text", stage: '"ScoreStageKind"', payload: "jsonb", checksum: "text", sealedById: "text", sealedAt: "timestamp(3)" }, snapshots);
    // Nominees are written DECIDED (or REJECTED) before the awards that name them: the record
    // triggers freeze a decided nominee from then on.
    n.nominationItems = await bulkInsert(tx, "NominationItem", { id: "text", packageId: "text", schoolId: "text", subject: '"NomineeKind"', memberId: "text", unionGroupId: "text", nomineeName: "text", titleCode: "text", level: '"AwardLevel"', achievementKey: "text", status: '"NominationItemStatus"', reviewNote: "text" }, items, { updatedAt: "now()" });
    n.awards = await bulkInsert(tx, "Award", { id: "text", decisionId: "text", schoolId: "text", schoolYearId: "text", subject: '"NomineeKind"', memberId: "text", unionGroupId: "text", recipientName: "text", titleCode: "text", level: '"AwardLevel"', achievementKey: "text", nominationItemId: "text" }, awards.map((a, i) => ({ id: `aw_h_${a.nominationItemId?.slice(3) ?? `${a.decisionId.slice(3)}_${i}`}`, ...a })));
    return n;
  }, { timeout: 60_000 });
  return { created: true, counts: res };
}
