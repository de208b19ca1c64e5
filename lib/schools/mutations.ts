import "server-only";
import { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { can, type Viewer } from "../authz/permissions";
import { schoolFor } from "../authz/load";
import { record } from "../audit/record";
import { AppError, ERROR_MESSAGES, conflict } from "../server/errors";
import { foldVietnamese } from "../format";
import { defaultUnionName, type CreateSchoolInput, type UpdateSchoolInput } from "./schemas";
import { GOV_TYPES, UNION_TYPES } from "./queries";

const DUPLICATE_CODE = "Mã trường đã tồn tại.";
const duplicateCode = () => new AppError("DUPLICATE", ERROR_MESSAGES.INVALID, { code: [DUPLICATE_CODE] });
const badField = (field: string, message: string) => new AppError("INVALID", ERROR_MESSAGES.INVALID, { [field]: [message] });

/** What an audit row keeps of a school. */
const snapshotSelect = { id: true, code: true, name: true, level: true, address: true, unionName: true, unionUnitId: true, govUnitId: true } as const;
type Snapshot = Prisma.SchoolGetPayload<{ select: typeof snapshotSelect }>;
const AUDITED = ["code", "name", "level", "address", "unionName", "unionUnitId", "govUnitId"] as const;

type Db = Awaited<ReturnType<typeof getDb>>;

/**
 * The union-side unit chosen in the form must be one the viewer may act on with `cap`
 * (scope "unit": one of viewer.unitIds; "all": any union unit). The form is never trusted:
 * another tenant's unit gets the same answer as one that does not exist.
 */
async function checkUnionUnit(db: Db, viewer: Viewer, cap: "school.create" | "school.update", unitId: string) {
  const message = "Đơn vị cấp trên không hợp lệ hoặc bạn không phụ trách đơn vị này.";
  if (!can(viewer, cap, { unitId })) throw badField("unionUnitId", message);
  const unit = await db.organisation.findFirst({ where: { id: unitId, type: { in: UNION_TYPES } }, select: { id: true } });
  if (!unit) throw badField("unionUnitId", message);
}

/** Government-side units are shared reference data: any Phòng/Sở GD&ĐT or UBND xã. */
async function checkGovUnit(db: Db, unitId: string | undefined) {
  if (!unitId) return;
  const unit = await db.organisation.findFirst({ where: { id: unitId, type: { in: GOV_TYPES } }, select: { id: true } });
  if (!unit) throw badField("govUnitId", "Đơn vị quản lý nhà nước không hợp lệ.");
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** The fields to store, built one by one from the parsed input (never spread). */
function schoolData(input: CreateSchoolInput) {
  return {
    code: input.code,
    name: input.name,
    nameSearch: foldVietnamese(input.name),
    level: input.level,
    address: input.address ?? null,
    unionName: input.unionName ?? defaultUnionName(input.name),
    unionUnitId: input.unionUnitId,
    govUnitId: input.govUnitId ?? null,
  };
}

/**
 * Creates a school under one of the viewer's upper units (school.create: UPPER_STAFF of the
 * unit, ADMIN). Throws INVALID (unit), DUPLICATE (code, as a field error). Audited.
 */
export async function createSchool(viewer: Viewer, input: CreateSchoolInput): Promise<Snapshot> {
  const db = await getDb();
  await checkUnionUnit(db, viewer, "school.create", input.unionUnitId);
  await checkGovUnit(db, input.govUnitId);
  try {
    return await createOnce(viewer, "school.create", input.submissionKey, async (tx) => {
      // Inside the once-per-submission step: a resubmitted form gets its school back, not "code taken".
      if (await tx.school.findUnique({ where: { code: input.code }, select: { id: true } })) throw duplicateCode();
      const school = await tx.school.create({ data: schoolData(input), select: snapshotSelect });
      await record(tx, viewer, { action: "school.create", entity: "School", entityId: school.id, schoolId: school.id, organisationId: school.unionUnitId, after: school });
      return school;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode();
    throw e;
  }
}

/**
 * Edits a school the viewer may update (school.update: its union unit is one of the viewer's,
 * or ADMIN), with an optimistic version check. Throws NOT_FOUND (out of scope or missing),
 * CONFLICT (stale version), INVALID, DUPLICATE. Audits the changed fields only.
 */
export async function updateSchool(viewer: Viewer, input: UpdateSchoolInput): Promise<Snapshot> {
  const db = await getDb();
  const current = await schoolFor(viewer, input.id, "school.update", db, { ...snapshotSelect, version: true });
  if (current.version !== input.version) throw conflict();
  if (input.unionUnitId !== current.unionUnitId) await checkUnionUnit(db, viewer, "school.update", input.unionUnitId);
  if (input.govUnitId && input.govUnitId !== current.govUnitId) await checkGovUnit(db, input.govUnitId);

  const data = schoolData(input);
  const changed = AUDITED.filter((k) => data[k] !== current[k]);
  if (changed.length === 0) return current;
  if (changed.includes("code") && (await db.school.findUnique({ where: { code: data.code }, select: { id: true } }))) throw duplicateCode();
  const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k]]));
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.school.updateMany({ where: { id: current.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      await record(tx, viewer, { action: "school.update", entity: "School", entityId: current.id, schoolId: current.id, organisationId: data.unionUnitId, before: pick(current), after: pick(data) });
      return { id: current.id, ...data };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode();
    throw e;
  }
}
