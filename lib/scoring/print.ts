import "server-only";
// What the printed scoring sheets (phiếu đánh giá, chấm điểm thi đua) need: the school's union
// header, the period, the scale and, for every sheet the viewer may read (scoring.read: a member
// their own, a group leader their group's, the chair and principal the school's, the upper unit
// its schools'), each stage's entries with the result computed by the same pure functions as the
// screens (computeStage). Plain DTOs; no sheet visible → NOT_FOUND.
import type { Prisma } from "../generated/prisma/client";
import type { ScoreStageKind } from "../generated/prisma/enums";
import type { Viewer } from "../authz/permissions";
import { memberScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { findPeriod, periodSheets, type PeriodRow } from "./load";
import { computeStage, type StageData, type StageResult } from "./rules";
import { dateLine, sheetDate, type Signer } from "./print-rules";
import { placeOf, unitPlace } from "../awards/documents";

export interface PrintStage {
  data: StageData;
  result: StageResult;
  explanation: string | null;
}

export interface PrintSheet {
  sheetId: string;
  memberName: string;
  position: string | null;
  groupName: string;
  stages: Partial<Record<ScoreStageKind, PrintStage>>;
  /** "Sơn Thủy, ngày 20 tháng 05 năm 2026": the school's place and the sheet's latest stage date. */
  dateLine: string;
  /** One signature block per stage: the member, the group leader, the council's chair. */
  signers: Signer[];
}

type Db = Awaited<ReturnType<typeof getDb>>;

/** `only` narrows the sheets (one sheet, one group); it is ANDed with the viewer's scope, never merged into it. */
async function build(db: Db, viewer: Viewer, period: PeriodRow, only: { sheetId?: string; member?: Prisma.MemberWhereInput }) {
  const [sheets, school] = await Promise.all([
    periodSheets(db, period.id, { AND: [memberScope(viewer, "scoring.read"), ...(only.member ? [only.member] : [])] }, only.sheetId),
    db.school.findUniqueOrThrow({ where: { id: period.schoolId }, select: { name: true, unionName: true, address: true, unionUnit: { select: { name: true, place: true } } } }),
  ]);
  const signers = await signersOf(db, period, sheets);
  const place = placeOf(school.address) || unitPlace(school.unionUnit);
  return {
    school: { name: school.name, unionName: school.unionName, upperUnitName: school.unionUnit.name, place },
    period: { id: period.id, name: period.name, state: period.state, startsOn: period.startsOn, endsOn: period.endsOn, campaignName: period.campaign.name, scaleName: period.scaleVersion.scale.name, scaleNumber: period.scaleVersion.number, schoolId: period.schoolId },
    scale: period.scale,
    sheets: sheets.map(
      (s): PrintSheet => {
        const signed = signers(s);
        return {
          sheetId: s.sheetId,
          memberName: s.memberName,
          position: s.position,
          groupName: s.groupName,
          stages: Object.fromEntries(s.stages.map((st) => [st.stage, { data: st.data, result: computeStage(period.scale, st.data), explanation: st.explanation }])),
          dateLine: dateLine(place, sheetDate(signed)),
          signers: signed,
        };
      },
    ),
  };
}

export type PrintView = Awaited<ReturnType<typeof build>>;

type Sheets = Awaited<ReturnType<typeof periodSheets>>;
const COUNCIL_BODY = "TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG";

/**
 * Who signs each stage of each sheet, and when: the member (self-assessment); the leader of the
 * member's union group (or, on the leader's own sheet, whoever scored it for the group); the
 * chair of the school's emulation council for the campaign's year (the principal, DOMAIN.md §1;
 * the principal's role holder when the council has no chair recorded). A stage's date is its seal
 * date, else the day it was last entered.
 */
async function signersOf(db: Db, period: PeriodRow, sheets: Sheets): Promise<(s: Sheets[number]) => Signer[]> {
  const now = new Date();
  const valid = { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] };
  const groupIds = [...new Set(sheets.map((s) => s.groupId).filter((x): x is string => !!x))];
  const enteredBy = [...new Set(sheets.flatMap((s) => s.stages.map((st) => st.enteredById)).filter((x): x is string => !!x))];
  const [seals, leaders, campaign, principal, users] = await Promise.all([
    db.sealedSnapshot.findMany({ where: { periodId: period.id }, select: { stage: true, sealedAt: true } }),
    db.roleAssignment.findMany({ where: { role: "GROUP_LEADER", schoolId: period.schoolId, unionGroupId: { in: groupIds }, ...valid }, orderBy: { validFrom: "desc" }, select: { unionGroupId: true, user: { select: { displayName: true, memberId: true } } } }),
    db.campaign.findUniqueOrThrow({ where: { id: period.campaignId }, select: { schoolYearId: true } }),
    db.roleAssignment.findFirst({ where: { role: "PRINCIPAL", schoolId: period.schoolId, ...valid }, orderBy: { validFrom: "desc" }, select: { user: { select: { displayName: true } } } }),
    db.user.findMany({ where: { id: { in: enteredBy } }, select: { id: true, displayName: true } }),
  ]);
  const council = await db.council.findUnique({
    where: { schoolId_schoolYearId: { schoolId: period.schoolId, schoolYearId: campaign.schoolYearId } },
    select: { members: { where: { role: "CHAIR" }, take: 1, select: { member: { select: { fullName: true } } } } },
  });
  const sealedAt = new Map(seals.map((x) => [x.stage, x.sealedAt]));
  const leaderOf = new Map<string, { displayName: string; memberId: string | null }>();
  for (const l of leaders) if (l.unionGroupId && !leaderOf.has(l.unionGroupId)) leaderOf.set(l.unionGroupId, l.user);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const chairName = council?.members[0]?.member.fullName ?? principal?.user.displayName ?? "";
  return (s) => {
    const stage = (k: ScoreStageKind) => s.stages.find((st) => st.stage === k);
    const dateOf = (k: ScoreStageKind) => { const st = stage(k); return st ? (sealedAt.get(k) ?? st.updatedAt) : null; };
    const leader = s.groupId ? leaderOf.get(s.groupId) : undefined;
    const ownSheet = !!leader && leader.memberId === s.memberId;
    const groupScorer = stage("GROUP")?.enteredById;
    const group: Signer =
      leader && !ownSheet
        ? { stage: "GROUP", onBehalfOf: null, role: "TỔ TRƯỞNG CÔNG ĐOÀN", name: leader.displayName, date: dateOf("GROUP") }
        : { stage: "GROUP", onBehalfOf: null, role: ownSheet ? "NGƯỜI CHẤM THAY TỔ TRƯỞNG" : "TỔ TRƯỞNG CÔNG ĐOÀN", name: (groupScorer && userName.get(groupScorer)) || "", date: dateOf("GROUP") };
    return [
      { stage: "SELF", onBehalfOf: null, role: "NGƯỜI TỰ ĐÁNH GIÁ", name: s.memberName, date: dateOf("SELF") },
      group,
      { stage: "COUNCIL", onBehalfOf: COUNCIL_BODY, role: "CHỦ TỊCH", name: chairName, date: dateOf("COUNCIL") },
    ];
  };
}

/**
 * The period's sheets the viewer may read, optionally one union group's (`groupId`) or one sheet
 * (`sheetId`). Throws NOT_FOUND: another school's period, a group or sheet outside the viewer's
 * scope, or nothing to print.
 */
export async function getPeriodPrint(viewer: Viewer, schoolId: string, periodId: string, filter: { groupId?: string; sheetId?: string } = {}): Promise<PrintView> {
  const db = await getDb();
  const period = await findPeriod(db, viewer, periodId);
  if (period.schoolId !== schoolId) throw notFound();
  return build(db, viewer, period, { sheetId: filter.sheetId, member: filter.groupId ? { unionGroupId: filter.groupId } : undefined });
}

/** A member's own sheet (their page /ca-nhan/thi-dua). Throws NOT_FOUND for anyone else's. */
export async function getOwnSheetPrint(viewer: Viewer, sheetId: string): Promise<PrintView> {
  if (!viewer.memberId) throw notFound();
  const db = await getDb();
  const own = await db.scoreSheet.findFirst({ where: { id: sheetId, memberId: viewer.memberId, member: memberScope(viewer, "scoring.read") }, select: { periodId: true } });
  if (!own) throw notFound();
  const period = await findPeriod(db, viewer, own.periodId);
  return build(db, viewer, period, { sheetId, member: { id: viewer.memberId } });
}
