import "server-only";
// The upper unit's side: review each nominee (approve, approve at another form or level, return
// with a comment, reject with a reason), bulk approve, set the deadline or reopen a late one.
// Every change is conditional on the nominee's state and version (approve and reject racing
// make one decision), audited, and written to the package's history.
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { capsAt } from "../authz/decide";
import { todayIsoVN } from "../time";
import { titleEntry, type AwardLevelCode, type Subject } from "../awards/catalogue";
import { itemTransition, notSelfReview, packageStateAfterReview, packageTransition, type ItemAction } from "../awards/rules";
import { notifySchoolManagers } from "../awards/notices";
import { assertReviewerMayDecide, reviewerForms } from "../awards/routes-union";
import type { BulkApproveInput, ReviewItemInput, SetDeadlineInput } from "./schemas";

type Tx = Prisma.TransactionClient;

async function reviewable(tx: Tx, viewer: Viewer, itemId: string) {
  const i = await tx.nominationItem.findFirst({
    where: { id: itemId, package: { route: "UNION", ...bySchoolScope(viewer, "nomination.review") } },
    include: { package: { include: { school: { select: { id: true, name: true, unionUnitId: true, govUnit: { select: { type: true } } } }, organisation: { select: { id: true, name: true, type: true } } } } },
  });
  if (!i) throw notFound();
  return i;
}

/** Re-derives the package's state from its nominees; notifies the school when it comes back. */
export async function settlePackage(tx: Tx, viewer: Viewer, packageId: string): Promise<void> {
  const p = await tx.nominationPackage.findUniqueOrThrow({ where: { id: packageId }, include: { items: { select: { status: true } }, school: { select: { id: true, unionUnitId: true } } } });
  const to = packageStateAfterReview(p.items, p.status);
  if (to === p.status) return;
  const { count } = await tx.nominationPackage.updateMany({ where: { id: p.id, status: p.status }, data: { status: to, version: { increment: 1 } } });
  if (count === 0) throw conflict();
  await tx.nominationEvent.create({ data: { packageId: p.id, action: "settle", fromStatus: p.status, toStatus: to, actorUserId: viewer.userId, actorName: viewer.displayName } });
  await record(tx, viewer, { action: "nomination.settle", entity: "NominationPackage", entityId: p.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, before: { status: p.status }, after: { status: to } });
  if (to === "RETURNED") await notifySchoolManagers(tx, p.schoolId, `Hồ sơ "${p.title}" bị trả lại để bổ sung; xem ý kiến của cấp trên.`, `/truong/${p.schoolId}/de-nghi/${p.id}`);
}

async function applyReview(tx: Tx, viewer: Viewer, i: Awaited<ReturnType<typeof reviewable>>, action: ItemAction, version: number, data: Prisma.NominationItemUpdateManyMutationInput, comment: string | null) {
  const roles = capsAt(viewer, { schoolId: i.schoolId, unitId: i.package.school.unionUnitId });
  const pt = packageTransition(i.package.status, "review", roles);
  if (!pt.ok) throw new AppError("STATE", pt.reason);
  const t = itemTransition(i.status, action, roles);
  if (!t.ok) throw new AppError("STATE", t.reason);
  if (!notSelfReview(viewer.memberId, i.memberId)) throw new AppError("FORBIDDEN", "Không ai được tự xét duyệt đề nghị khen thưởng của chính mình.");
  const { count } = await tx.nominationItem.updateMany({ where: { id: i.id, status: i.status, version }, data: { ...data, status: t.to, version: { increment: 1 } } });
  if (count === 0) throw conflict();
  await tx.nominationEvent.create({ data: { packageId: i.packageId, itemId: i.id, action, fromStatus: i.status, toStatus: t.to, comment, actorUserId: viewer.userId, actorName: viewer.displayName } });
  await record(tx, viewer, { action: `nomination.${action}`, entity: "NominationItem", entityId: i.id, schoolId: i.schoolId, organisationId: i.package.school.unionUnitId, before: { status: i.status }, after: { status: t.to, comment, ...data } });
}

/** Duyệt / duyệt ở hình thức khác / trả lại / không duyệt one nominee (nomination.review of the unit). */
export async function reviewItem(viewer: Viewer, input: ReviewItemInput): Promise<{ packageId: string; unitId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const i = await reviewable(tx, viewer, input.itemId);
    let data: Prisma.NominationItemUpdateManyMutationInput = { reviewNote: input.comment ?? null };
    if (input.decision === "approveChanged") {
      const e = titleEntry(input.approvedTitleCode!);
      // Issue 12: only to a union form the reviewing body (the unit the package went to) decides itself, at its level.
      const level = await assertReviewerMayDecide(tx, i.package.organisation, i.package.school, e.code, input.approvedLevel);
      if (!e.subjects.includes(i.subject === "MEMBER" ? "individual" : "collective")) throw new AppError("INVALID", undefined, { approvedTitleCode: ["Hình thức này không dành cho đối tượng được đề nghị."] });
      if (input.approvedTitleCode === i.titleCode && level === i.level) throw new AppError("INVALID", undefined, { approvedTitleCode: ["Chọn hình thức hoặc cấp khác với đề nghị (hoặc dùng “Duyệt”)."] });
      data = { ...data, approvedTitleCode: input.approvedTitleCode!, approvedLevel: level };
    }
    await applyReview(tx, viewer, i, input.decision, input.version, data, input.comment ?? null);
    await settlePackage(tx, viewer, i.packageId);
    return { packageId: i.packageId, unitId: i.package.organisationId };
  });
}

/**
 * The forms the review screen offers for "Duyệt ở hình thức/cấp khác" (nomination.review of the
 * package's school): those the unit the package went to decides itself, with their levels
 * (lib/awards/routes-union.ts). A government-route package offers none.
 */
export async function reviewChangeOptions(viewer: Viewer, packageId: string): Promise<{ code: string; name: string; level: AwardLevelCode; subjects: readonly Subject[] }[]> {
  const db = await getDb();
  const p = await db.nominationPackage.findFirst({ where: { id: packageId, ...bySchoolScope(viewer, "nomination.review") }, select: { route: true, organisation: { select: { id: true, type: true } }, school: { select: { unionUnitId: true, govUnit: { select: { type: true } } } } } });
  if (!p) throw notFound();
  if (p.route !== "UNION") return [];
  const forms = await reviewerForms(db, p.organisation, p.school, todayIsoVN());
  return [...forms].map(([code, level]) => ({ code, name: titleEntry(code).name, level, subjects: titleEntry(code).subjects }));
}

/** Duyệt nhiều người một lần: each nominee still waiting is approved; others are left as they are. */
export async function bulkApprove(viewer: Viewer, input: BulkApproveInput): Promise<{ approved: number; packageId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const items = await tx.nominationItem.findMany({ where: { id: { in: input.itemIds }, packageId: input.packageId, status: "SUBMITTED", package: bySchoolScope(viewer, "nomination.review") }, select: { id: true, version: true } });
    if (!items.length) throw notFound();
    for (const x of items) await applyReview(tx, viewer, await reviewable(tx, viewer, x.id), "approve", x.version, { reviewNote: null }, null);
    await settlePackage(tx, viewer, input.packageId);
    return { approved: items.length, packageId: input.packageId };
  });
}

/** Hạn nộp and reopening a late submission (nomination.review of the unit), version-checked. */
export async function setDeadline(viewer: Viewer, input: SetDeadlineInput): Promise<{ packageId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const p = await tx.nominationPackage.findFirst({ where: { id: input.packageId, ...bySchoolScope(viewer, "nomination.review") }, include: { school: { select: { unionUnitId: true } } } });
    if (!p) throw notFound();
    const { count } = await tx.nominationPackage.updateMany({ where: { id: p.id, version: input.version }, data: { deadline: input.deadline ?? null, reopenedUntil: input.reopenedUntil ?? null, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await record(tx, viewer, { action: "nomination.deadline", entity: "NominationPackage", entityId: p.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, before: { deadline: p.deadline, reopenedUntil: p.reopenedUntil }, after: { deadline: input.deadline ?? null, reopenedUntil: input.reopenedUntil ?? null } });
    return { packageId: p.id };
  });
}
