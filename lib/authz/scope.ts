// Prisma `where` fragments of what a viewer may see, built from the same table as can().
// A viewer without the capability gets a filter that matches nothing (deny by default).
import type { Prisma } from "../generated/prisma/client";
import { grantsFor, type Capability, type Viewer } from "./permissions";

const NOTHING = { id: { in: [] as string[] } };

/** Schools the viewer may act on with `cap`. */
export function schoolScope(viewer: Viewer, cap: Capability): Prisma.SchoolWhereInput {
  const or: Prisma.SchoolWhereInput[] = [];
  for (const { grant, scope } of grantsFor(viewer, cap)) {
    if (scope === "all") return {};
    if (scope === "unit") or.push({ unionUnitId: { in: viewer.unitIds } });
    else if (grant.schoolId) or.push({ id: grant.schoolId });
  }
  return or.length ? { OR: or } : NOTHING;
}

/** Members the viewer may act on with `cap`. */
export function memberScope(viewer: Viewer, cap: Capability): Prisma.MemberWhereInput {
  const or: Prisma.MemberWhereInput[] = [];
  for (const { grant, scope } of grantsFor(viewer, cap)) {
    if (scope === "all") return {};
    if (scope === "unit") or.push({ school: { unionUnitId: { in: viewer.unitIds } } });
    else if (scope === "school" && grant.schoolId) or.push({ schoolId: grant.schoolId });
    else if (scope === "group" && grant.schoolId && grant.unionGroupId)
      or.push({ schoolId: grant.schoolId, unionGroupId: grant.unionGroupId });
    else if (scope === "self" && viewer.memberId && grant.schoolId)
      or.push({ id: viewer.memberId, schoolId: grant.schoolId });
  }
  return or.length ? { OR: or } : NOTHING;
}

/** Rows that belong to a school (union groups, plans, audit rows…) the viewer may act on. */
export function bySchoolScope(viewer: Viewer, cap: Capability): { school: Prisma.SchoolWhereInput } {
  return { school: schoolScope(viewer, cap) };
}

/** Audit rows: by school, or by the upper unit itself for unit-level changes. */
export function auditScope(viewer: Viewer): Prisma.AuditLogWhereInput {
  const or: Prisma.AuditLogWhereInput[] = [];
  for (const { grant, scope } of grantsFor(viewer, "audit.read")) {
    if (scope === "all") return {};
    if (scope === "unit") or.push({ organisationId: { in: viewer.unitIds } });
    else if (grant.schoolId) or.push({ schoolId: grant.schoolId });
  }
  return or.length ? { OR: or } : { id: { in: [] as bigint[] } };
}
