import "server-only";
// Scoring's loaders, shared by its queries and mutations: a period or a sheet is found by id AND
// the viewer's scope (lib/authz/scope.ts) in one query, or it is NOT_FOUND (another school's id
// looks missing); workflow checks ask the gate's decision (lib/authz/decide.ts).
import type { Prisma } from "../generated/prisma/client";
import type { ScoreStageKind } from "../generated/prisma/enums";
import type { Capability, Target, Viewer } from "../authz/permissions";
import { decide } from "../authz/decide";
import type { Db } from "../authz/load";
import { memberScope, schoolScope } from "../authz/scope";
import { AppError, notFound } from "../server/errors";
import { parseScale, type ScaleDefinition } from "./scale";
import type { StageData } from "./rules";
import { decidePeriod, type PeriodAction } from "./workflow";

/** A stored scale definition, checked again on the way out (it was checked on the way in). */
export function scaleOf(definition: unknown): ScaleDefinition {
  const r = parseScale(definition);
  if (!r.ok) throw new Error(`Stored scale definition is invalid: ${r.problems[0]?.message}`);
  return r.scale;
}

export function stageDataOf(data: unknown): StageData {
  const d = (data ?? {}) as Partial<StageData>;
  return { entries: d.entries ?? {}, deductions: d.deductions ?? [], bonus: d.bonus ?? {}, disqualifiers: d.disqualifiers ?? [] };
}

const periodSelect = {
  id: true,
  name: true,
  kind: true,
  state: true,
  version: true,
  startsOn: true,
  endsOn: true,
  appealDeadline: true,
  closedAt: true,
  schoolId: true,
  campaignId: true,
  scaleVersionId: true,
  school: { select: { id: true, name: true, unionUnitId: true } },
  campaign: { select: { id: true, name: true, state: true, audience: true, titles: true } },
  scaleVersion: { select: { id: true, number: true, definition: true, checksum: true, scale: { select: { name: true } } } },
} satisfies Prisma.ScorePeriodSelect;

/** A period of a school the viewer may act on with `cap` (any one of a list), or NOT_FOUND. */
export async function findPeriod(db: Db, viewer: Viewer, periodId: string, cap: Capability | readonly Capability[] = "scoring.read") {
  const caps = typeof cap === "string" ? [cap] : cap;
  const school = caps.length === 1 ? schoolScope(viewer, caps[0]) : { OR: caps.map((c) => schoolScope(viewer, c)) };
  const p = await db.scorePeriod.findFirst({ where: { id: periodId, school }, select: periodSelect });
  if (!p) throw notFound();
  return { ...p, scale: scaleOf(p.scaleVersion.definition) };
}
export type PeriodRow = Awaited<ReturnType<typeof findPeriod>>;

const sheetSelect = {
  id: true,
  periodId: true,
  memberId: true,
  member: { select: { id: true, fullName: true, schoolId: true, unionGroupId: true, position: true, unionGroup: { select: { name: true } } } },
  stages: { select: { id: true, stage: true, data: true, explanation: true, totalTenths: true, complete: true, classification: true, enteredById: true, version: true, updatedAt: true } },
  recusals: { select: { userId: true, stage: true, reason: true } },
} satisfies Prisma.ScoreSheetSelect;

/**
 * A sheet whose member the viewer may see with `cap` (a member: their own; a group leader: their
 * group's; the chair and principal: the school's; the upper unit: its schools'), or NOT_FOUND.
 */
export async function findSheet(db: Db, viewer: Viewer, sheetId: string, cap: Capability = "scoring.read") {
  const s = await db.scoreSheet.findFirst({ where: { id: sheetId, member: memberScope(viewer, cap) }, select: { ...sheetSelect, period: { select: periodSelect } } });
  if (!s) throw notFound();
  return { ...s, period: { ...s.period, scale: scaleOf(s.period.scaleVersion.definition) } };
}
export type SheetRow = Awaited<ReturnType<typeof findSheet>>;

export function sheetTarget(s: { member: { id: string; schoolId: string; unionGroupId: string | null } }, unitId: string): Target {
  return { schoolId: s.member.schoolId, unionGroupId: s.member.unionGroupId, memberId: s.member.id, unitId };
}

/** Throws FORBIDDEN or STATE unless the period's state machine allows `action` for this viewer. */
export function requirePeriodAction(viewer: Viewer, state: Parameters<typeof decidePeriod>[0], action: PeriodAction, target: Target): void {
  const d = decidePeriod(state, action, (cap) => decide(viewer, cap, target));
  if (!d.ok) throw new AppError(d.code);
}

export function stageOf(sheet: Pick<SheetRow, "stages">, stage: ScoreStageKind) {
  return sheet.stages.find((s) => s.stage === stage) ?? null;
}

/**
 * A period's sheets whose member matches `member` (the caller passes the viewer's scope, ANDed
 * with any narrowing), in the order schools print them: union group, then Vietnamese name order.
 * Nothing visible → NOT_FOUND. Used by the Excel export and the print view.
 */
export async function periodSheets(db: Db, periodId: string, member: Prisma.MemberWhereInput, sheetId?: string) {
  const sheets = await db.scoreSheet.findMany({
    where: { periodId, ...(sheetId ? { id: sheetId } : {}), member },
    select: {
      id: true,
      member: { select: { id: true, fullName: true, sortKey: true, position: true, unionGroupId: true, unionGroup: { select: { name: true } } } },
      stages: { select: { stage: true, data: true, explanation: true, updatedAt: true, enteredById: true } },
    },
  });
  if (sheets.length === 0) throw notFound();
  sheets.sort((a, b) => (a.member.unionGroup?.name ?? "").localeCompare(b.member.unionGroup?.name ?? "", "vi") || a.member.sortKey.localeCompare(b.member.sortKey));
  return sheets.map((s) => ({
    sheetId: s.id,
    memberId: s.member.id,
    memberName: s.member.fullName,
    position: s.member.position,
    groupId: s.member.unionGroupId,
    groupName: s.member.unionGroup?.name ?? "",
    stages: s.stages.map((st) => ({ stage: st.stage, data: stageDataOf(st.data), explanation: st.explanation, updatedAt: st.updatedAt, enteredById: st.enteredById })),
  }));
}
