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
import { findPeriod, periodSheets, type PeriodRow } from "./access";
import { computeStage, type StageData, type StageResult } from "./rules";

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
}

type Db = Awaited<ReturnType<typeof getDb>>;

/** `only` narrows the sheets (one sheet, one group); it is ANDed with the viewer's scope, never merged into it. */
async function build(db: Db, viewer: Viewer, period: PeriodRow, only: { sheetId?: string; member?: Prisma.MemberWhereInput }) {
  const [sheets, school] = await Promise.all([
    periodSheets(db, period.id, { AND: [memberScope(viewer, "scoring.read"), ...(only.member ? [only.member] : [])] }, only.sheetId),
    db.school.findUniqueOrThrow({ where: { id: period.schoolId }, select: { name: true, unionName: true, unionUnit: { select: { name: true } } } }),
  ]);
  return {
    school: { name: school.name, unionName: school.unionName, upperUnitName: school.unionUnit.name },
    period: { id: period.id, name: period.name, state: period.state, startsOn: period.startsOn, endsOn: period.endsOn, campaignName: period.campaign.name, scaleName: period.scaleVersion.scale.name, scaleNumber: period.scaleVersion.number, schoolId: period.schoolId },
    scale: period.scale,
    sheets: sheets.map(
      (s): PrintSheet => ({
        ...s,
        stages: Object.fromEntries(s.stages.map((st) => [st.stage, { data: st.data, result: computeStage(period.scale, st.data), explanation: st.explanation }])),
      }),
    ),
  };
}

export type PrintView = Awaited<ReturnType<typeof build>>;

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
