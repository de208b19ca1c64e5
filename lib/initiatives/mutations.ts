import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { schoolFor } from "../authz/load";
import { bySchoolScope } from "../authz/scope";
import type { CreateInitiativeInput, UpdateInitiativeInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Authors must be members of the school: an id from elsewhere is a field error. */
async function checkAuthors(tx: Tx, schoolId: string, ids: string[]) {
  const found = await tx.member.count({ where: { schoolId, id: { in: ids } } });
  if (found !== ids.length) throw new AppError("INVALID", undefined, { authorIds: ["Tác giả phải là đoàn viên của trường."] });
}

function data(input: CreateInitiativeInput | UpdateInitiativeInput) {
  return {
    title: input.title,
    field: input.field ?? null,
    summary: input.summary ?? null,
    level: input.level ?? null,
    recognisedBy: input.recognisedBy ?? null,
    decisionNumber: input.decisionNumber ?? null,
    recognisedOn: input.recognisedOn ?? null,
    applied: input.applied,
    appliedNote: input.appliedNote ?? null,
    evidence: input.evidence ?? null,
  };
}

/**
 * Records an initiative of the school (initiative.manage: chair, principal). The school comes
 * from the scoped look-up; the year must exist. Throws NOT_FOUND, INVALID. Audited "initiative.create".
 */
export async function createInitiative(viewer: Viewer, input: CreateInitiativeInput): Promise<{ id: string }> {
  return createOnce(viewer, "initiative.create", input.submissionKey, async (tx) => {
    const school = await schoolFor(viewer, input.schoolId, "initiative.manage", tx);
    const year = await tx.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true } });
    if (!year) throw notFound();
    await checkAuthors(tx, school.id, input.authorIds);
    const row = await tx.initiative.create({
      data: { ...data(input), schoolId: school.id, schoolYearId: year.id, authors: { create: input.authorIds.map((memberId) => ({ memberId })) } },
    });
    await record(tx, viewer, { action: "initiative.create", entity: "Initiative", entityId: row.id, schoolId: school.id, organisationId: school.unionUnitId, after: { ...data(input), authorIds: input.authorIds } });
    return { id: row.id };
  });
}

/** Edits an initiative (recognition, applied…), version-checked. Throws NOT_FOUND, CONFLICT, INVALID. */
export async function updateInitiative(viewer: Viewer, input: UpdateInitiativeInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.initiative.findFirst({
      where: { id: input.initiativeId, ...bySchoolScope(viewer, "initiative.manage") },
      include: { authors: true, school: { select: { id: true, unionUnitId: true } } },
    });
    if (!before) throw notFound();
    const school = before.school;
    await checkAuthors(tx, school.id, input.authorIds);
    const { count } = await tx.initiative.updateMany({ where: { id: before.id, version: input.version }, data: { ...data(input), version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await tx.initiativeAuthor.deleteMany({ where: { initiativeId: before.id } });
    await tx.initiativeAuthor.createMany({ data: input.authorIds.map((memberId) => ({ initiativeId: before.id, memberId })) });
    await record(tx, viewer, {
      action: "initiative.update",
      entity: "Initiative",
      entityId: before.id,
      schoolId: school.id,
      organisationId: school.unionUnitId,
      before: { title: before.title, level: before.level, decisionNumber: before.decisionNumber, recognisedOn: before.recognisedOn, applied: before.applied, authorIds: before.authors.map((a) => a.memberId) },
      after: { ...data(input), authorIds: input.authorIds },
    });
    return { schoolId: school.id };
  });
}
