import "server-only";
// Khiếu nại: a member appeals their confirmed sheet within the chair's window; the chair resolves
// each appeal with a reason (a change of numbers is then an amendment, lib/scoring/mutations.ts);
// the member sees the outcome. Everything audited.
import type { Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { record } from "../audit/record";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { AppError, conflict, notFound } from "../server/errors";
import { findSheet, requirePeriodAction, sheetTarget } from "./load";
import { appealOpen } from "./workflow";

/** A member appeals their own sheet while the window is open (one open appeal at a time). */
export async function createAppeal(viewer: Viewer, input: { sheetId: string; text: string; submissionKey?: string }) {
  const db = await getDb();
  const sheet = await findSheet(db, viewer, input.sheetId);
  requirePeriodAction(viewer, sheet.period.state, "appeal", sheetTarget(sheet, sheet.period.school.unionUnitId));
  if (viewer.memberId !== sheet.memberId) throw new AppError("FORBIDDEN", "Chỉ khiếu nại phiếu của chính mình.");
  if (!appealOpen(sheet.period.appealDeadline)) throw new AppError("STATE", "Đã hết hạn khiếu nại.");
  return createOnce(viewer, "appeal.create", input.submissionKey, async (tx) => {
    const open = await tx.appeal.count({ where: { sheetId: sheet.id, state: "OPEN" } });
    if (open > 0) throw new AppError("DUPLICATE", "Bạn đang có một khiếu nại chờ giải quyết.");
    const a = await tx.appeal.create({ data: { sheetId: sheet.id, text: input.text, createdById: viewer.userId }, select: { id: true } });
    await record(tx, viewer, { action: "scoring.appeal.create", entity: "Appeal", entityId: a.id, schoolId: sheet.period.schoolId, organisationId: sheet.period.school.unionUnitId, after: { sheetId: sheet.id, text: input.text } });
    return a;
  });
}

/** The chair accepts or rejects an appeal, always with a reason. Throws NOT_FOUND, FORBIDDEN, STATE, CONFLICT. */
export async function resolveAppeal(viewer: Viewer, input: { appealId: string; version: number; decision: "ACCEPTED" | "REJECTED"; resolution: string }) {
  const db = await getDb();
  const a = await db.appeal.findFirst({
    where: { id: input.appealId, sheet: { period: { school: schoolScope(viewer, "scoring.read") } } },
    select: { id: true, state: true, sheet: { select: { id: true, memberId: true, period: { select: { state: true, schoolId: true, school: { select: { unionUnitId: true } } } } } } },
  });
  if (!a) throw notFound();
  const p = a.sheet.period;
  requirePeriodAction(viewer, p.state, "resolveAppeal", { schoolId: p.schoolId, unitId: p.school.unionUnitId });
  if (viewer.memberId === a.sheet.memberId) throw new AppError("FORBIDDEN", "Không tự giải quyết khiếu nại của chính mình.");
  if (a.state !== "OPEN") throw new AppError("STATE", "Khiếu nại này đã được giải quyết.");
  await db.$transaction(async (tx) => {
    const u = await tx.appeal.updateMany({ where: { id: a.id, version: input.version, state: "OPEN" }, data: { state: input.decision, resolution: input.resolution, resolvedById: viewer.userId, resolvedAt: new Date(), version: { increment: 1 } } });
    if (u.count === 0) throw conflict();
    await record(tx, viewer, { action: "scoring.appeal.resolve", entity: "Appeal", entityId: a.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, before: { state: "OPEN" }, after: { state: input.decision, resolution: input.resolution } });
  });
}
