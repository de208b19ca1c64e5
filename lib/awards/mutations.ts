import "server-only";
// Writes of the awards area: the facts the rules read (evaluations, disciplines, open cases),
// the upper unit's setting overrides, and decisions: issuing (awards enter the registry,
// immutable) and revoking (a separate row; the record stays, marked revoked).
import { Prisma, type NominationItem } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope, memberScope } from "../authz/scope";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { capsAt } from "../authz/decide";
import { unitFor } from "../authz/load";
import { unitDescendants } from "../orgs/tree";
import { CATALOGUE, titleName } from "./catalogue";
import { itemTransition, revocationRule } from "./rules";
import { parseSettingInput, type SettingKey } from "./settings";
import { notifySchoolManagers } from "./notices";
import { notifyAwardedMembers, notifyRevokedMembers } from "../notifications/notify";
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

/** A nominee about to be decided, with its package's school (issueDecision, issueSchoolDecision). */
export type DecidedItem = Pick<NominationItem, "id" | "status" | "schoolId" | "packageId" | "subject" | "memberId" | "unionGroupId" | "nomineeName" | "titleCode" | "approvedTitleCode" | "level" | "approvedLevel" | "achievementKey"> & {
  package: { schoolId: string; school: { unionUnitId: string } };
};

/**
 * Writes a decision and its awards, for the upper union's decision and the school BCH's alike: the
 * decision row; for each nominee, the conditional state move (the nominee moves first: once an Award
 * names it, the record trigger freezes the row; a second decision for it fails with CONFLICT), the
 * Award (immutable) and an event; the packages settled; the schools notified. Returns the decision id.
 */
export async function writeDecision(tx: Tx, viewer: Viewer, x: { data: Prisma.AwardDecisionUncheckedCreateInput; items: DecidedItem[]; action: "decide" | "decideSchool" }): Promise<string> {
  const decision = await tx.awardDecision.create({ data: x.data });
  for (const i of x.items) {
    const t = itemTransition(i.status, x.action, capsAt(viewer, { schoolId: i.schoolId, unitId: i.package.school.unionUnitId }));
    if (!t.ok) throw new AppError("STATE", t.reason);
    const { count } = await tx.nominationItem.updateMany({ where: { id: i.id, status: i.status }, data: { status: t.to, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    const code = i.approvedTitleCode ?? i.titleCode;
    await tx.award.create({
      data: { decisionId: decision.id, schoolId: i.schoolId, schoolYearId: x.data.schoolYearId, subject: i.subject, memberId: i.memberId, unionGroupId: i.unionGroupId, recipientName: i.nomineeName, titleCode: code, level: i.approvedLevel ?? i.level, achievementKey: i.achievementKey, thematic: !!CATALOGUE.get(code)?.thematic || i.achievementKey.startsWith("theme:"), nominationItemId: i.id },
    });
    await tx.nominationEvent.create({ data: { packageId: i.packageId, itemId: i.id, action: x.action, fromStatus: i.status, toStatus: t.to, comment: `Quyết định số ${x.data.number}`, actorUserId: viewer.userId, actorName: viewer.displayName } });
  }
  for (const pid of new Set(x.items.map((i) => i.packageId))) await settlePackage(tx, viewer, pid);
  for (const sid of new Set(x.items.map((i) => i.package.schoolId))) await notifySchoolManagers(tx, sid, `Đã có Quyết định số ${x.data.number} khen thưởng năm học của trường.`, `/truong/${sid}/de-nghi/so-khen-thuong`);
  // Each member the decision names hears of it (the bell).
  await notifyAwardedMembers(tx, x.items.map((i) => ({ memberId: i.memberId, schoolId: i.schoolId, title: titleName(i.approvedTitleCode ?? i.titleCode) })), { number: x.data.number, issuerName: x.data.issuerName });
  return decision.id;
}

/** A unique-key clash of a decision write, in the user's words. */
export function decisionClash(e: unknown): AppError | null {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return null;
  const target = String((e.meta as { target?: unknown } | undefined)?.target ?? "");
  if (target.includes("number")) return new AppError("DUPLICATE", undefined, { number: ["Số quyết định này đã được dùng."] });
  if (target.includes("nominationItemId")) return conflict();
  return new AppError("DUPLICATE", "Quyết định này đã được tạo.");
}

/**
 * Ra quyết định for approved nominees of the unit's schools (decision.issue), or nominees of a
 * revoked decision decided again. One live award per nominee (the item's state moves conditionally
 * APPROVED/REVOKED → DECIDED, so a second decision for it fails with CONFLICT), items → DECIDED,
 * packages settled, the schools notified. DUPLICATE for a number already used by the unit or a
 * resubmitted form (idempotency key). Returns the decision id.
 */
export async function issueDecision(viewer: Viewer, input: IssueDecisionInput): Promise<{ id: string }> {
  try {
    // Once per form submission (lib/server/submission.ts): a resubmit gets the first decision back.
    return await createOnce(viewer, "decision.issue", input.idempotencyKey, async (tx) => {
      const unit = await unitFor(viewer, input.unitId, "decision.issue", tx);
      const tree = await unitDescendants(tx, unit.id);
      const items = await tx.nominationItem.findMany({
        // REVOKED: a nominee of a revoked decision may be decided again (its old award stays, revoked).
        where: { id: { in: input.itemIds }, status: { in: ["APPROVED", "APPROVED_CHANGED", "REVOKED"] }, package: { schoolYearId: input.schoolYearId, AND: [{ school: { unionUnitId: { in: tree } } }, bySchoolScope(viewer, "decision.issue")] } },
        include: { package: { select: { id: true, schoolId: true, school: { select: { unionUnitId: true, govUnit: { select: { type: true } } } } } } },
      });
      if (items.length !== input.itemIds.length) throw new AppError("STATE", "Có người được chọn chưa được duyệt hoặc không thuộc đơn vị; tải lại trang và chọn lại.");
      await assertUnitMayDecide(tx, unit, items.map((i) => ({ ...i, school: i.package.school })));
      const id = await writeDecision(tx, viewer, {
        data: { organisationId: unit.id, schoolYearId: input.schoolYearId, number: input.number, signedOn: input.signedOn, signerName: input.signerName, signerTitle: input.signerTitle, issuerName: input.issuerName, level: input.level, summary: input.summary ?? null, createdById: viewer.userId },
        items,
        action: "decide",
      });
      await record(tx, viewer, { action: "decision.issue", entity: "AwardDecision", entityId: id, organisationId: unit.id, after: { number: input.number, signedOn: input.signedOn, level: input.level, itemIds: items.map((i) => i.id) } });
      return { id };
    });
  } catch (e) {
    throw decisionClash(e) ?? e;
  }
}

type RevocableDecision = { id: string; number: string; organisationId: string; schoolId: string | null; revocation: unknown; awards: { nominationItemId: string | null; schoolId: string; memberId: string | null; titleCode: string }[] };

/**
 * Writes a revocation (rule 16), for every kind of decision: a DecisionRevocation row (the decision
 * and its awards stay, marked revoked), its nominees DECIDED → REVOKED (they may be decided or
 * recorded again, ADR 0010), the schools and the members whose awards it cancels notified, an
 * audit row. STATE when already revoked.
 */
export async function writeRevocation(tx: Tx, viewer: Viewer, d: RevocableDecision, input: { reason: string; number?: string | null; revokedOn: Date }, audit: { action: string; schoolId?: string | null; organisationId: string }): Promise<string> {
  const r = revocationRule(!!d.revocation, input.reason);
  if (!r.passed) throw new AppError("STATE", r.detail);
  const rev = await tx.decisionRevocation.create({ data: { decisionId: d.id, reason: input.reason, number: input.number ?? null, revokedOn: input.revokedOn, createdById: viewer.userId } });
  const itemIds = d.awards.map((a) => a.nominationItemId).filter((x): x is string => !!x);
  await tx.nominationItem.updateMany({ where: { id: { in: itemIds }, status: "DECIDED" }, data: { status: "REVOKED", version: { increment: 1 } } });
  for (const sid of new Set(d.awards.map((a) => a.schoolId))) await notifySchoolManagers(tx, sid, `Quyết định số ${d.number} đã bị thu hồi: ${input.reason}`, `/truong/${sid}/de-nghi/so-khen-thuong`);
  await notifyRevokedMembers(tx, d.awards.map((a) => ({ memberId: a.memberId, schoolId: a.schoolId, title: titleName(a.titleCode) })), d, input.reason);
  await record(tx, viewer, { action: audit.action, entity: "AwardDecision", entityId: d.id, schoolId: audit.schoolId ?? null, organisationId: audit.organisationId, before: { revoked: false }, after: { revoked: true, reason: input.reason, number: input.number ?? null, revocationId: rev.id, itemIds } });
  return rev.id;
}

export const REVOCATION_INCLUDE = { revocation: true, awards: { select: { nominationItemId: true, schoolId: true, memberId: true, titleCode: true } } } as const;

/** Thu hồi quyết định (rule 16) of the upper union: a separate row; the decision and awards stay, marked revoked. */
export async function revokeDecision(viewer: Viewer, input: RevokeDecisionInput): Promise<{ unitId: string }> {
  try {
    return await createOnce(viewer, "decision.revoke", input.submissionKey, async (tx) => {
      // The unit's own decisions: a school's (its BCH's, or a government decision it recorded) are revoked at the school.
      const where: Prisma.AwardDecisionWhereInput = { id: input.decisionId, schoolId: null, ...orgScope(viewer, "decision.issue") };
      const d = await tx.awardDecision.findFirst({ where, include: REVOCATION_INCLUDE });
      if (!d) throw notFound();
      await unitFor(viewer, d.organisationId, "decision.issue", tx);
      await writeRevocation(tx, viewer, d, input, { action: "decision.revoke", organisationId: d.organisationId });
      return { unitId: d.organisationId };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("STATE", "Quyết định đã bị thu hồi trước đó.");
    throw e;
  }
}
