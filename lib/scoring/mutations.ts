import "server-only";
// Entering scores: one sheet at one stage (member's self-assessment, the per-member view), a whole
// grid in one round trip (group leader, council), recusal, and amendments after confirmation.
// Every write: scoped lookup → state machine → segregation → validation against the scale →
// totals recomputed here → optimistic lock on the stage row → audit, in one transaction.
import type { Prisma } from "../generated/prisma/client";
import type { PeriodState, ScoreStageKind } from "../generated/prisma/enums";
import type { Viewer } from "../authz/permissions";
import { memberScope } from "../authz/scope";
import { record } from "../audit/record";
import { getDb } from "../server/db";
import { AppError, conflict, notFound } from "../server/errors";
import { findPeriod, findSheet, requirePeriodAction, sheetTarget, stageDataOf, stageOf, type SheetRow } from "./load";
import { computeStage, validateStageData, type StageData } from "./rules";
import type { ScaleDefinition } from "./scale";
import type { GridRowInput } from "./schemas";
import { ENTER_ACTION, selfScoringRefusal } from "./workflow";
import { withFiguresDeferred } from "../server/figures";

type Tx = Prisma.TransactionClient;

/** Refuses unless this viewer may enter `stage` on this sheet now (FORBIDDEN / STATE). */
export function assertMayEnter(viewer: Viewer, sheet: Pick<SheetRow, "member" | "memberId" | "recusals" | "period">, stage: ScoreStageKind): void {
  requirePeriodAction(viewer, sheet.period.state, ENTER_ACTION[stage], sheetTarget(sheet, sheet.period.school.unionUnitId));
  if (sheet.period.campaign.state !== "SCORING") throw new AppError("STATE", "Phong trào chưa ở giai đoạn chấm điểm.");
  const refusal = selfScoringRefusal(stage, viewer.memberId, sheet.memberId);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  if (sheet.recusals.some((r) => r.userId === viewer.userId && r.stage === stage)) {
    throw new AppError("FORBIDDEN", "Bạn đã xin không chấm phiếu này; người khác sẽ chấm.");
  }
}

/**
 * Inside a write transaction: holds the period row (FOR SHARE) and checks its state is still one
 * of `states`. Sealing or closing updates that row, so it waits for writers in flight, and a write
 * arriving after a seal finds the new state and is refused: no number slips in after a seal.
 */
export async function lockPeriodState(tx: Tx, periodId: string, states: PeriodState[]): Promise<void> {
  const [a, b = a] = states;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ScorePeriod" WHERE "id" = ${periodId} AND ("state"::text = ${a} OR "state"::text = ${b}) FOR SHARE`;
  if (rows.length === 0) throw new AppError("STATE", "Kỳ chấm đã chuyển sang bước khác; hãy tải lại trang.");
}

function refuseInvalid(scale: ScaleDefinition, data: StageData, field = "data"): void {
  const problems = validateStageData(scale, data);
  if (problems.length) throw new AppError("INVALID", problems[0].message, { [field]: problems.map((p) => p.message) });
}

interface WriteResult {
  ok: boolean;
  id?: string;
  version?: number;
  total?: number;
  classification?: string | null;
}

/**
 * Writes one stage row under the optimistic lock: version 0 creates it (a concurrent create
 * loses), otherwise `version` must still be current. Never throws on a lost race, so a grid
 * can report conflicts row by row inside one transaction.
 */
async function writeStage(tx: Tx, viewer: Viewer, sheet: SheetRow, stage: ScoreStageKind, expected: number, data: StageData, explanation: string | null | undefined, action: string, extra: Record<string, unknown> = {}): Promise<WriteResult> {
  const r = computeStage(sheet.period.scale, data);
  const fields = {
    data: data as unknown as Prisma.InputJsonValue,
    totalTenths: r.total,
    complete: r.complete,
    classification: r.classification?.label ?? null,
    enteredById: viewer.userId,
    ...(explanation !== undefined ? { explanation } : {}),
  };
  const current = stageOf(sheet, stage);
  let id: string;
  let version: number;
  if (expected === 0) {
    const created = await tx.scoreStage.createMany({ data: [{ sheetId: sheet.id, stage, ...fields }], skipDuplicates: true });
    if (created.count === 0) return { ok: false };
    const row = await tx.scoreStage.findUniqueOrThrow({ where: { sheetId_stage: { sheetId: sheet.id, stage } }, select: { id: true, version: true } });
    ({ id, version } = row);
  } else {
    if (!current) return { ok: false };
    const updated = await tx.scoreStage.updateMany({ where: { id: current.id, version: expected }, data: { ...fields, version: { increment: 1 } } });
    if (updated.count === 0) return { ok: false };
    id = current.id;
    version = expected + 1;
  }
  await record(tx, viewer, {
    action,
    entity: "ScoreStage",
    entityId: id,
    schoolId: sheet.period.schoolId,
    organisationId: sheet.period.school.unionUnitId,
    before: current ? { stage, total: current.totalTenths, classification: current.classification, version: current.version } : null,
    after: { stage, sheetId: sheet.id, memberId: sheet.memberId, total: r.total, complete: r.complete, classification: fields.classification, version, ...extra },
  });
  return { ok: true, id, version, total: r.total, classification: fields.classification };
}

/**
 * Saves one sheet's stage (self-assessment by the member; group or council score in the
 * per-member view). Throws NOT_FOUND, FORBIDDEN, STATE, INVALID or CONFLICT.
 */
export async function saveStage(viewer: Viewer, input: { sheetId: string; stage: ScoreStageKind; version: number; data: StageData; explanation?: string }) {
  const db = await getDb();
  const sheet = await findSheet(db, viewer, input.sheetId);
  assertMayEnter(viewer, sheet, input.stage);
  refuseInvalid(sheet.period.scale, input.data);
  const result = await db.$transaction(async (tx) => {
    await lockPeriodState(tx, sheet.periodId, [sheet.period.state]);
    return writeStage(tx, viewer, sheet, input.stage, input.version, input.data, input.explanation ?? null, "scoring.stage.save");
  });
  if (!result.ok) throw conflict();
  return result;
}

export interface GridOutcome {
  saved: { sheetId: string; version: number; total: number; classification: string | null }[];
  conflicts: string[];
  errors: Record<string, string[]>;
}

/**
 * Saves a group's grid in one transaction. Rows are checked first (scope, state, segregation,
 * recusal, [0, max]); any refusal saves nothing. Rows whose version went stale are reported as
 * conflicts and left as the other scorer wrote them; the others are saved.
 */
export async function saveGrid(viewer: Viewer, input: { periodId: string; stage: "GROUP" | "COUNCIL"; rows: GridRowInput[] }): Promise<GridOutcome> {
  const db = await getDb();
  const period = await findPeriod(db, viewer, input.periodId);
  const ids = [...new Set(input.rows.map((r) => r.sheetId))];
  if (ids.length !== input.rows.length) throw new AppError("INVALID", "Một phiếu xuất hiện hai lần trong bảng.");
  const cap = input.stage === "GROUP" ? "scoring.group" : "scoring.council";
  const sheets = await db.scoreSheet.findMany({
    where: { id: { in: ids }, periodId: period.id, member: memberScope(viewer, cap) },
    select: { id: true, periodId: true, memberId: true, member: { select: { id: true, fullName: true, schoolId: true, unionGroupId: true, position: true, unionGroup: { select: { name: true } } } }, stages: { select: { id: true, stage: true, data: true, explanation: true, totalTenths: true, complete: true, classification: true, enteredById: true, version: true, updatedAt: true } }, recusals: { select: { userId: true, stage: true, reason: true } } },
  });
  if (sheets.length !== ids.length) throw notFound();
  const byId = new Map(sheets.map((s) => [s.id, { ...s, period }]));
  const errors: Record<string, string[]> = {};
  const prepared: { sheet: SheetRow; row: GridRowInput; data: StageData }[] = [];
  for (const row of input.rows) {
    const sheet = byId.get(row.sheetId)!;
    try {
      assertMayEnter(viewer, sheet, input.stage);
    } catch (e) {
      if (e instanceof AppError) {
        errors[row.sheetId] = [`${sheet.member.fullName}: ${e.userMessage}`];
        continue;
      }
      throw e;
    }
    const current = stageOf(sheet, input.stage);
    const kept = current ? stageDataOf(current.data) : null;
    const data: StageData = { entries: row.entries, bonus: row.bonus, deductions: kept?.deductions ?? [], disqualifiers: kept?.disqualifiers ?? [] };
    const problems = validateStageData(period.scale, data);
    if (problems.length) errors[row.sheetId] = problems.map((p) => `${sheet.member.fullName}: ${p.message}`);
    else prepared.push({ sheet, row, data });
  }
  if (Object.keys(errors).length) return { saved: [], conflicts: [], errors };

  return db.$transaction(async (tx) => {
    await lockPeriodState(tx, period.id, [period.state]);
    const out: GridOutcome = { saved: [], conflicts: [], errors: {} };
    // One statement per row (each checks its own version); the summaries are refreshed once, at the end.
    await withFiguresDeferred(tx, async () => {
      for (const { sheet, row, data } of prepared) {
        const r = await writeStage(tx, viewer, sheet, input.stage, row.version, data, undefined, "scoring.grid.save");
        if (r.ok) out.saved.push({ sheetId: sheet.id, version: r.version!, total: r.total!, classification: r.classification ?? null });
        else out.conflicts.push(sheet.id);
      }
    });
    return out;
  });
}

/** A scorer steps aside from one member at one stage, with the reason (recorded, audited). */
export async function recuse(viewer: Viewer, input: { sheetId: string; stage: "GROUP" | "COUNCIL"; reason: string }) {
  const db = await getDb();
  const sheet = await findSheet(db, viewer, input.sheetId);
  requirePeriodAction(viewer, sheet.period.state, "recuse", sheetTarget(sheet, sheet.period.school.unionUnitId));
  await db.$transaction(async (tx) => {
    const made = await tx.recusal.createMany({ data: [{ sheetId: sheet.id, userId: viewer.userId, stage: input.stage, reason: input.reason }], skipDuplicates: true });
    if (made.count === 0) throw new AppError("DUPLICATE", "Bạn đã xin không chấm phiếu này rồi.");
    await record(tx, viewer, { action: "scoring.recuse", entity: "ScoreSheet", entityId: sheet.id, schoolId: sheet.period.schoolId, organisationId: sheet.period.school.unionUnitId, after: { stage: input.stage, reason: input.reason, memberId: sheet.memberId } });
  });
}

/**
 * After the council confirmed (appeals window or closed), numbers are frozen: the chair changes
 * them only with a reason, kept as an append-only ScoreAmendment and in the audit log. The sealed
 * snapshot keeps what was confirmed.
 */
export async function amendStage(viewer: Viewer, input: { sheetId: string; stage: ScoreStageKind; version: number; data: StageData; explanation?: string; reason: string }) {
  const db = await getDb();
  const sheet = await findSheet(db, viewer, input.sheetId);
  requirePeriodAction(viewer, sheet.period.state, "amend", sheetTarget(sheet, sheet.period.school.unionUnitId));
  if (input.stage !== "COUNCIL") throw new AppError("STATE", "Sau khi hội đồng xác nhận chỉ sửa điểm hội đồng.");
  const refusal = selfScoringRefusal(input.stage, viewer.memberId, sheet.memberId);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  refuseInvalid(sheet.period.scale, input.data);
  const current = stageOf(sheet, input.stage);
  return db.$transaction(async (tx) => {
    await lockPeriodState(tx, sheet.periodId, ["APPEALS", "CLOSED"]);
    const r = await writeStage(tx, viewer, sheet, input.stage, current ? input.version : 0, input.data, input.explanation ?? null, "scoring.stage.amend", { reason: input.reason });
    if (!r.ok) throw conflict();
    await tx.scoreAmendment.create({
      data: {
        sheetId: sheet.id,
        stage: input.stage,
        reason: input.reason,
        before: (current ? { data: current.data, total: current.totalTenths, classification: current.classification } : {}) as Prisma.InputJsonValue,
        after: { data: input.data, total: r.total, classification: r.classification } as unknown as Prisma.InputJsonValue,
        amendedById: viewer.userId,
      },
    });
    return r;
  });
}
