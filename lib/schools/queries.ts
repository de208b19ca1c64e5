import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { OrgType } from "../generated/prisma/enums";
import { getDb } from "../server/db";
import { can, type Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { getUnitOrThrow } from "../orgs/queries";
import { schoolWithin } from "../authz/load";
import { byVietnameseName, foldVietnamese } from "../format";
import { unitDescendants } from "../orgs/tree";
import { orgScope } from "../authz/scope";

export const SCHOOL_PAGE_SIZE = 50;
/** By level (enum order: mầm non → tiểu học → THCS → THPT → liên cấp), then name in Vietnamese order (Đ after D). */
const ORDER: Prisma.SchoolOrderByWithRelationInput[] = [{ level: "asc" }, { sortKey: "asc" }, { id: "asc" }];
const UNION_TYPES: OrgType[] = ["LIEN_DOAN_LAO_DONG", "CONG_DOAN_NGANH_GD"];
const GOV_TYPES: OrgType[] = ["PHONG_GD", "SO_GD", "UBND_XA"];

/** A unit and every unit below it (one recursive query: lib/orgs/tree.ts). */
export async function unitSubtree(unitId: string): Promise<string[]> {
  return unitDescendants(await getDb(), unitId);
}

/**
 * Schools under a unit page that the viewer may read with `cap`: the viewer's scope AND the
 * unit's subtree (an upper unit served by the viewer; NOT_FOUND otherwise).
 */
async function unitSchoolsWhere(viewer: Viewer, unitId: string, cap: "school.read" | "school.update" = "school.read") {
  const unit = await getUnitOrThrow(viewer, unitId);
  const where: Prisma.SchoolWhereInput = { AND: [schoolScope(viewer, cap), { unionUnitId: { in: await unitSubtree(unit.id) } }] };
  return { unit, where };
}

const listSelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  address: true,
  unionUnit: { select: { name: true } },
  _count: { select: { members: { where: { status: { not: "LEFT" } } }, groups: true } },
} as const satisfies Prisma.SchoolSelect;

function toRow(s: Prisma.SchoolGetPayload<{ select: typeof listSelect }>) {
  return { id: s.id, code: s.code, name: s.name, level: s.level, address: s.address, unionUnitName: s.unionUnit.name, members: s._count.members, groups: s._count.groups };
}
export type SchoolRow = ReturnType<typeof toRow>;

/**
 * Schools of an upper unit (UPPER_STAFF of it, or ADMIN), searched by name ignoring
 * diacritics ("kim dong" finds "Kim Đồng") or by code. Throws NOT_FOUND for a unit the
 * viewer does not serve.
 */
export async function listUnitSchools(viewer: Viewer, unitId: string, opts: { q?: string; page?: number } = {}) {
  const db = await getDb();
  const { where: base } = await unitSchoolsWhere(viewer, unitId);
  const q = opts.q ? foldVietnamese(opts.q) : "";
  const where: Prisma.SchoolWhereInput = q
    ? { AND: [base, { OR: [{ nameSearch: { contains: q } }, { code: { contains: q.toUpperCase() } }] }] }
    : base;
  const page = opts.page ?? 1;
  const [rows, total] = await Promise.all([
    db.school.findMany({ where, select: listSelect, orderBy: ORDER, skip: (page - 1) * SCHOOL_PAGE_SIZE, take: SCHOOL_PAGE_SIZE }),
    db.school.count({ where }),
  ]);
  return { rows: rows.map(toRow), total, page, pageSize: SCHOOL_PAGE_SIZE, canCreate: canCreateIn(viewer, unitId) };
}

function canCreateIn(viewer: Viewer, unitId: string): boolean {
  return can(viewer, "school.create", { unitId });
}

/** The unit's overview: the unit, totals and one row per school (counts in the same query). */
export async function getUnitOverview(viewer: Viewer, unitId: string) {
  const db = await getDb();
  const { unit, where } = await unitSchoolsWhere(viewer, unitId);
  const rows = (await db.school.findMany({ where, select: listSelect, orderBy: ORDER })).map(toRow);
  return {
    unit,
    rows,
    totals: { schools: rows.length, members: rows.reduce((n, r) => n + r.members, 0), groups: rows.reduce((n, r) => n + r.groups, 0) },
    canCreate: canCreateIn(viewer, unitId),
  };
}

/** A school of the unit that the viewer may edit (school.update), or NOT_FOUND. */
export async function getSchoolForEdit(viewer: Viewer, unitId: string, schoolId: string) {
  const db = await getDb();
  return schoolWithin(db, schoolId, (await unitSchoolsWhere(viewer, unitId, "school.update")).where, {
    id: true, code: true, name: true, level: true, address: true, unionName: true, unionUnitId: true, govUnitId: true, version: true,
  });
}

/** Union-side units a viewer may attach a school to: the units they serve (all, for an admin). */
export async function listUnionUnitOptions(viewer: Viewer) {
  const db = await getDb();
  const units = orgScope(viewer, "school.create");
  return db.organisation.findMany({
    where: units.organisationId ? { id: units.organisationId } : { type: { in: UNION_TYPES } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  }).then(byVietnameseName);
}

/** Government-side units (Phòng/Sở GD&ĐT, UBND xã): not tenant data, any may be chosen. */
export async function listGovUnitOptions() {
  const db = await getDb();
  return db.organisation.findMany({ where: { type: { in: GOV_TYPES } }, select: { id: true, name: true, validTo: true }, orderBy: { name: "asc" } }).then(byVietnameseName);
}

export { UNION_TYPES, GOV_TYPES };
