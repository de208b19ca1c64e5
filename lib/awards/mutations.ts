import "server-only";
// Writes of the awards area: the facts the rules read (evaluations, disciplines, open cases),
// the upper unit's setting overrides, and decisions: issuing (awards enter the registry,
// immutable) and revoking (a separate row; the record stays, marked revoked).
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope, memberScope } from "../authz/scope";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { capsAt, unitFor, unitTree } from "./access";
import { CATALOGUE } from "./catalogue";
import { itemTransition, revocationRule } from "./rules";
import { parseSettingInput, type SettingKey } from "./settings";
import { notifySchoolManagers } from "./notices";
import { settlePackage } from "../nominations/review";
import { assertUnitMayDecide } from "./routes-union";
import type { AddDisciplineInput, AddOpenCaseInput, CloseOpenCaseInput, IssueDecisionInput, RevokeDecisionInput, SaveEvaluationInput, SaveSettingInput } from "./schemas";
import { orgScope } from "../authz/scope";

type Tx = Prisma.TransactionClient;

async function memberFor(tx: Tx, viewer: Viewer, memberId: string) {
  const m = await tx.member.findFirst({ where: { AND: [{ id: memberId }, memberScope(viewer, "evaluation.manage")] }, select: { id: true, schoolId: true, school: { select: { unionUnitId: true } } } });
  if (!m) throw notFound();
  return m;
}

/** Saves a member's yearly evaluation (evaluation.manage: principal, chair), version-checked. */
export async function saveEvaluation(viewer: Viewer, input: SaveEvaluationInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const m = await memberFor(tx, viewer, input.memberId);
    const year = await tx.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true } });
    if (!year) throw notFound();
    const data = {
      grade: input.grade ?? null,
      standardRating: input.standardRating ?? null,
      registered: input.registered,
      absenceWorkingDays: input.absenceWorkingDays,
      maternityLeaveDays: input.maternityLeaveDays,
      note: input.note ?? null,
    };
    const before = await tx.memberEvaluation.findUnique({ where: { memberId_schoolYearId: { memberId: m.id, schoolYearId: year.id } } });
    if (before) {
      const { count } = await tx.memberEvaluation.updateMany({ where: { id: before.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw conflict();
    } else {
      if (input.version !== 0) throw conflict();
      await tx.memberEvaluation.create({ data: { ...data, memberId: m.id, schoolId: m.schoolId, schoolYearId: year.id } });
    }
    await record(tx, viewer, { action: "evaluation.save", entity: "MemberEvaluation", entityId: `${m.id}:${year.id}`, schoolId: m.schoolId, organisationId: m.school.unionUnitId, before, after: data });
    return { schoolId: m.schoolId };
  });
}

/** Records a discipline (minimal: level, dates, decision). Audited. */
export async function addDiscipline(viewer: Viewer, input: AddDisciplineInput): Promise<{ schoolId: string }> {
  return createOnce(viewer, "discipline.create", input.submissionKey, async (tx) => {
    const m = await memberFor(tx, viewer, input.memberId);
    const d = await tx.discipline.create({ data: { schoolId: m.schoolId, memberId: m.id, level: input.level, decidedOn: input.decidedOn, effectiveTo: input.effectiveTo ?? null, decisionNumber: input.decisionNumber ?? null, reason: input.reason } });
    await record(tx, viewer, { action: "discipline.create", entity: "Discipline", entityId: d.id, schoolId: m.schoolId, organisationId: m.school.unionUnitId, after: { memberId: m.id, level: input.level, decidedOn: input.decidedOn } });
    return { schoolId: m.schoolId };
  });
}

/** Records an open case (discipline review, investigation, inspection, complaint). Audited. */
export async function addOpenCase(viewer: Viewer, input: AddOpenCaseInput): Promise<{ schoolId: string }> {
  return createOnce(viewer, "open_case.create", input.submissionKey, async (tx) => {
    const m = await memberFor(tx, viewer, input.memberId);
    const c = await tx.openCase.create({ data: { schoolId: m.schoolId, memberId: m.id, kind: input.kind, openedOn: input.openedOn, summary: input.summary } });
    await record(tx, viewer, { action: "open_case.create", entity: "OpenCase", entityId: c.id, schoolId: m.schoolId, organisationId: m.school.unionUnitId, after: { memberId: m.id, kind: input.kind } });
    return { schoolId: m.schoolId };
  });
}

/** Closes an open case, version-checked. */
export async function closeOpenCase(viewer: Viewer, input: CloseOpenCaseInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const c = await tx.openCase.findFirst({ where: { id: input.caseId, member: memberScope(viewer, "evaluation.manage") }, include: { school: { select: { unionUnitId: true } } } });
    if (!c) throw notFound();
    const { count } = await tx.openCase.updateMany({ where: { id: c.id, version: input.version, closedOn: null }, data: { closedOn: input.closedOn, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await record(tx, viewer, { action: "open_case.close", entity: "OpenCase", entityId: c.id, schoolId: c.schoolId, organisationId: c.school.unionUnitId, after: { closedOn: input.closedOn } });
    return { schoolId: c.schoolId };
  });
}

/** An override of a threshold for the unit's schools (award.settings). INVALID when the value does not fit. */
export async function saveSetting(viewer: Viewer, input: SaveSettingInput): Promise<{ unitId: string }> {
  const value = parseSettingInput(input.key as SettingKey, input.value);
  if (value === null) throw new AppError("INVALID", undefined, { value: ["Giá trị không phù hợp với quy định này (ví dụ: 15%, 2/3, 40, có/không)."] });
  return createOnce(viewer, "award_setting.create", input.submissionKey, async (tx) => {
    const unit = await unitFor(viewer, input.unitId, "award.settings", tx);
    const row = await tx.awardSetting.create({
      data: { organisationId: unit.id, schoolYearId: input.schoolYearId ?? null, key: input.key, value: value as Prisma.InputJsonValue, basis: input.basis, source: input.source, validFrom: input.validFrom, validTo: input.validTo ?? null, createdById: viewer.userId },
    });
    await record(tx, viewer, { action: "award_setting.create", entity: "AwardSetting", entityId: row.id, organisationId: unit.id, after: { key: input.key, value, basis: input.basis, validFrom: input.validFrom, validTo: input.validTo ?? null } });
    return { unitId: unit.id };
  });
}

/**
 * Ra quyết định for approved nominees of the unit's schools (decision.issue), or nominees of a
 * revoked decision decided again. One live award per nominee (the item's state moves conditionally
 * APPROVED/REVOKED → DECIDED, so a second decision for it fails with CONFLICT), items → DECIDED,
 * packages settled, the schools notified. DUPLICATE for a number already used by the unit or a
 * resubmitted form (idempotency key). Returns the decision id.
 */
export async function issueDecision(viewer: Viewer, input: IssueDecisionInput): Promise<{ id: string }> {
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      await tx.idempotencyKey.create({ data: { key: input.idempotencyKey, userId: viewer.userId } });
      const unit = await unitFor(viewer, input.unitId, "decision.issue", tx);
      const tree = await unitTree(tx, unit.id);
      const items = await tx.nominationItem.findMany({
        // REVOKED: a nominee of a revoked decision may be decided again (its old award stays, revoked).
        where: { id: { in: input.itemIds }, status: { in: ["APPROVED", "APPROVED_CHANGED", "REVOKED"] }, package: { schoolYearId: input.schoolYearId, AND: [{ school: { unionUnitId: { in: tree } } }, bySchoolScope(viewer, "decision.issue")] } },
        include: { package: { select: { id: true, schoolId: true, school: { select: { unionUnitId: true, govUnit: { select: { type: true } } } } } } },
      });
      if (items.length !== input.itemIds.length) throw new AppError("STATE", "Có người được chọn chưa được duyệt hoặc không thuộc đơn vị; tải lại trang và chọn lại.");
      await assertUnitMayDecide(tx, unit, items.map((i) => ({ ...i, school: i.package.school })));
      const decision = await tx.awardDecision.create({
        data: { organisationId: unit.id, schoolYearId: input.schoolYearId, number: input.number, signedOn: input.signedOn, signerName: input.signerName, signerTitle: input.signerTitle, issuerName: input.issuerName, level: input.level, summary: input.summary ?? null, createdById: viewer.userId },
      });
      for (const i of items) {
        const t = itemTransition(i.status, "decide", capsAt(viewer, { schoolId: i.schoolId, unitId: i.package.school.unionUnitId }));
        if (!t.ok) throw new AppError("STATE", t.reason);
        const code = i.approvedTitleCode ?? i.titleCode;
        await tx.award.create({
          data: { decisionId: decision.id, schoolId: i.schoolId, schoolYearId: input.schoolYearId, subject: i.subject, memberId: i.memberId, unionGroupId: i.unionGroupId, recipientName: i.nomineeName, titleCode: code, level: i.approvedLevel ?? i.level, achievementKey: i.achievementKey, thematic: !!CATALOGUE.get(code)?.thematic || i.achievementKey.startsWith("theme:"), nominationItemId: i.id },
        });
        const { count } = await tx.nominationItem.updateMany({ where: { id: i.id, status: i.status }, data: { status: t.to, version: { increment: 1 } } });
        if (count === 0) throw conflict();
        await tx.nominationEvent.create({ data: { packageId: i.packageId, itemId: i.id, action: "decide", fromStatus: i.status, toStatus: t.to, comment: `Quyết định số ${input.number}`, actorUserId: viewer.userId, actorName: viewer.displayName } });
      }
      const schools = new Map(items.map((i) => [i.package.schoolId, i.package.school.unionUnitId]));
      for (const pid of new Set(items.map((i) => i.packageId))) await settlePackage(tx, viewer, pid);
      for (const sid of schools.keys()) await notifySchoolManagers(tx, sid, `Đã có Quyết định số ${input.number} khen thưởng năm học của trường.`, `/truong/${sid}/de-nghi/so-khen-thuong`);
      await record(tx, viewer, { action: "decision.issue", entity: "AwardDecision", entityId: decision.id, organisationId: unit.id, after: { number: input.number, signedOn: input.signedOn, level: input.level, itemIds: items.map((i) => i.id) } });
      return { id: decision.id };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const target = String((e.meta as { target?: unknown } | undefined)?.target ?? "");
      if (target.includes("number")) throw new AppError("DUPLICATE", undefined, { number: ["Số quyết định này đã được dùng."] });
      if (target.includes("nominationItemId")) throw conflict();
      throw new AppError("DUPLICATE", "Quyết định này đã được tạo.");
    }
    throw e;
  }
}

/** Thu hồi quyết định (rule 16): a revocation row; the decision and awards stay, marked revoked. */
export async function revokeDecision(viewer: Viewer, input: RevokeDecisionInput): Promise<{ unitId: string }> {
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const where: Prisma.AwardDecisionWhereInput = { id: input.decisionId, ...orgScope(viewer, "decision.issue") };
      const d = await tx.awardDecision.findFirst({ where, include: { revocation: true, awards: { select: { nominationItemId: true, schoolId: true } } } });
      if (!d) throw notFound();
      await unitFor(viewer, d.organisationId, "decision.issue", tx);
      const r = revocationRule(!!d.revocation, input.reason);
      if (!r.passed) throw new AppError("STATE", r.detail);
      const rev = await tx.decisionRevocation.create({ data: { decisionId: d.id, reason: input.reason, number: input.number ?? null, revokedOn: input.revokedOn, createdById: viewer.userId } });
      const itemIds = d.awards.map((a) => a.nominationItemId).filter((x): x is string => !!x);
      await tx.nominationItem.updateMany({ where: { id: { in: itemIds }, status: "DECIDED" }, data: { status: "REVOKED", version: { increment: 1 } } });
      for (const sid of new Set(d.awards.map((a) => a.schoolId))) await notifySchoolManagers(tx, sid, `Quyết định số ${d.number} đã bị thu hồi: ${input.reason}`, `/truong/${sid}/de-nghi/so-khen-thuong`);
      await record(tx, viewer, { action: "decision.revoke", entity: "AwardDecision", entityId: d.id, organisationId: d.organisationId, before: { revoked: false }, after: { revoked: true, reason: input.reason, revocationId: rev.id } });
      return { unitId: d.organisationId };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("STATE", "Quyết định đã bị thu hồi trước đó.");
    throw e;
  }
}
