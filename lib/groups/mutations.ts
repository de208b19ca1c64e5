import "server-only";
import { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { schoolFor } from "../authz/load";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { foldVietnamese } from "../format";
import type { CreateGroupInput, RenameGroupInput } from "./schemas";

type Tx = Prisma.TransactionClient;

const DUPLICATE_NAME = "Trường đã có tổ công đoàn tên này.";
const duplicateName = () => new AppError("DUPLICATE", DUPLICATE_NAME, { name: [DUPLICATE_NAME] });

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** "Tổ CĐ Khối 3" and "tổ cđ khối 3" are the same group to a person: refuse the second. */
async function refuseDuplicate(tx: Tx, schoolId: string, name: string, exceptId?: string) {
  const others = await tx.unionGroup.findMany({ where: { schoolId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (others.some((g) => foldVietnamese(g.name) === foldVietnamese(name))) throw duplicateName();
}

/**
 * Adds a union group to a school the viewer manages (group.manage: the chair, ADMIN). Throws
 * NOT_FOUND (school out of scope), DUPLICATE (name). Audited "group.create".
 */
export async function createGroup(viewer: Viewer, input: CreateGroupInput) {
  try {
    return await createOnce(viewer, "group.create", input.submissionKey, async (tx) => {
      const school = await schoolFor(viewer, input.schoolId, "group.manage", tx, { id: true, unionUnitId: true });
      await refuseDuplicate(tx, school.id, input.name);
      const g = await tx.unionGroup.create({ data: { schoolId: school.id, name: input.name }, select: { id: true, schoolId: true, name: true, version: true } });
      await record(tx, viewer, { action: "group.create", entity: "UnionGroup", entityId: g.id, schoolId: school.id, organisationId: school.unionUnitId, after: g });
      return g;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateName();
    throw e;
  }
}

/**
 * Renames a union group of a school the viewer manages (group.manage), version-checked.
 * Throws NOT_FOUND, CONFLICT, DUPLICATE. Audited "group.rename".
 */
export async function renameGroup(viewer: Viewer, input: RenameGroupInput) {
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const g = await tx.unionGroup.findFirst({
        where: { id: input.groupId, ...bySchoolScope(viewer, "group.manage") },
        select: { id: true, schoolId: true, name: true, version: true, school: { select: { unionUnitId: true } } },
      });
      if (!g) throw notFound();
      if (g.version !== input.version) throw conflict();
      if (g.name === input.name) return { id: g.id, schoolId: g.schoolId, name: g.name, version: g.version };
      await refuseDuplicate(tx, g.schoolId, input.name, g.id);
      const { count } = await tx.unionGroup.updateMany({ where: { id: g.id, version: input.version }, data: { name: input.name, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      const after = { id: g.id, schoolId: g.schoolId, name: input.name, version: input.version + 1 };
      await record(tx, viewer, { action: "group.rename", entity: "UnionGroup", entityId: g.id, schoolId: g.schoolId, organisationId: g.school.unionUnitId, before: { name: g.name, version: g.version }, after: { name: after.name, version: after.version } });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateName();
    throw e;
  }
}
