// Prisma `where` fragments of what a viewer may see, built from the same table as can().
// A viewer without the capability gets a filter that matches nothing (deny by default).
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { grantsFor, ROLE_LABELS, type Capability, type Viewer } from "./permissions";

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

/**
 * Schools whose union executive committee (BCH công đoàn cơ sở) the viewer decides for
 * (lib/awards/routes-school.ts): a decision.issue grant placed at the school (the union chair), or
 * the administrator's; never an upper union's unit-wide grant (the BCH's decision is the BCH's own,
 * DOMAIN.md §5).
 */
export function schoolBchScope(viewer: Viewer): Prisma.SchoolWhereInput {
  const ids = bchSchoolIds(viewer);
  return ids === "all" ? {} : { id: { in: ids } };
}

/** Whether the viewer decides for this school's BCH (schoolBchScope, without a query). */
export function decidesForBch(viewer: Viewer, schoolId: string): boolean {
  const ids = bchSchoolIds(viewer);
  return ids === "all" || ids.includes(schoolId);
}

function bchSchoolIds(viewer: Viewer): "all" | string[] {
  const ids: string[] = [];
  for (const { grant, scope } of grantsFor(viewer, "decision.issue")) {
    if (scope === "all") return "all";
    if (scope === "school" && grant.schoolId) ids.push(grant.schoolId);
  }
  return ids;
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

/**
 * Rows that belong to an upper unit (organisationId: campaigns, plans, decisions, quotas) the
 * viewer acts on with `cap`: {} for everywhere, else the units of their unit-scope grants (with
 * every unit below them). School-level grants reach no unit row.
 */
export function orgScope(viewer: Viewer, cap: Capability): { organisationId?: { in: string[] } } {
  let units = false;
  for (const { scope } of grantsFor(viewer, cap)) {
    if (scope === "all") return {};
    if (scope === "unit") units = true;
  }
  return { organisationId: { in: units ? viewer.unitIds : [] } };
}

/** Plans (school-level and unit-level) the viewer holds `cap` on. */
export function planScope(viewer: Viewer, cap: Capability): Prisma.CoordinationPlanWhereInput {
  // School plans through the school scope, unit plans through the unit scope.
  const units = orgScope(viewer, cap);
  if (!units.organisationId) return {};
  const schools = schoolScope(viewer, cap);
  return { OR: [{ school: schools }, units] };
}

/**
 * Plans the viewer may read: drafts and plans being signed for those with plan.read_draft
 * (principal, union chair, upper unit, admin); signed ones only for everybody else of the
 * school (members, group leaders).
 */
export function readablePlans(viewer: Viewer): Prisma.CoordinationPlanWhereInput {
  const drafts = planScope(viewer, "plan.read_draft");
  // Prisma reads `OR: [{}]` as "nothing": an unrestricted scope must stay a bare {}.
  if (Object.keys(drafts).length === 0) return {};
  return { OR: [drafts, { AND: [planScope(viewer, "plan.read"), { status: "SIGNED" }] }] };
}

/**
 * Meetings the viewer may read: all of them for those who run them (principal, union chair,
 * admin: meeting.manage); only meetings with closed minutes for everybody else who may read
 * (members and group leaders of the school, upper-unit staff).
 */
export function readableMeetings(viewer: Viewer): Prisma.JointMeetingWhereInput {
  return {
    OR: [{ school: schoolScope(viewer, "meeting.manage") }, { AND: [{ school: schoolScope(viewer, "meeting.read") }, { status: "CLOSED" }] }],
  };
}

/** Meetings the viewer runs (meeting.manage). */
export function managedMeetings(viewer: Viewer): Prisma.JointMeetingWhereInput {
  return { school: schoolScope(viewer, "meeting.manage") };
}

/** The places a viewer holds roles in (for navigation and dashboards, never for access). */
export function viewerPlaces(viewer: Viewer): { schoolIds: string[]; unitRoots: string[]; everywhere: boolean } {
  return {
    schoolIds: [...new Set(viewer.grants.map((g) => g.schoolId).filter((x): x is string => !!x))],
    unitRoots: [...new Set(viewer.grants.map((g) => (g.schoolId ? null : g.organisationId)).filter((x): x is string => !!x))],
    everywhere: grantsFor(viewer, "school.read").some((g) => g.scope === "all"),
  };
}

/** The roles a viewer holds at one school (display only: "Hiệu trưởng, Chủ tịch công đoàn"). */
export function rolesIn(viewer: Viewer, schoolId: string) {
  return viewer.grants.filter((g) => g.schoolId === schoolId).map((g) => g.role);
}

/** Every role label the viewer holds, once each (display only: the header, the dashboard). */
export function roleLabels(viewer: Viewer): string[] {
  return [...new Set(viewer.grants.map((g) => ROLE_LABELS[g.role]))];
}

/**
 * The roles recorded with an audit row (lib/audit/record.ts): those held at the row's school and
 * those placed above schools (an upper unit, everywhere); every role when the row has no school.
 */
export function actorRoles(viewer: Viewer, schoolId?: string | null): Role[] {
  return [...new Set(viewer.grants.filter((g) => !schoolId || g.schoolId === schoolId || !g.schoolId).map((g) => g.role))];
}

/** The upper units the viewer serves, with every unit below them (for narrowing, never for access). */
export function unitsServed(viewer: Viewer): readonly string[] {
  return viewer.unitIds;
}
