import "server-only";
import { getDb } from "../server/db";
import { frameMemo } from "../server/brief-cache";
import { can, canSome, type Viewer } from "../authz/permissions";
import { rolesIn, schoolScope, viewerPlaces } from "../authz/scope";
import { schoolFor, unitFor } from "../authz/load";
import { byVietnameseName } from "../format";

/** The schools and upper units a viewer works in, for navigation and the dashboard. */
export async function listViewerPlaces(viewer: Viewer) {
  const db = await getDb();
  const { schoolIds, unitRoots: unitIds, everywhere: isAdmin } = viewerPlaces(viewer);
  const [schools, units] = await Promise.all([
    db.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } }).then(byVietnameseName),
    // An admin works across every upper unit that has schools.
    db.organisation.findMany({
      where: isAdmin ? { unionSchools: { some: {} } } : { id: { in: unitIds } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }).then(byVietnameseName),
  ]);
  return {
    schools: schools.map((s) => ({ ...s, roles: rolesIn(viewer, s.id) })),
    units,
    isAdmin,
  };
}

/** listViewerPlaces for the layout's menu and the dashboard (a page-frame memo, lib/server/brief-cache.ts). */
export const loadViewerPlaces = frameMemo("places", listViewerPlaces);

/**
 * A school the viewer may read, or NOT_FOUND (another school's id looks exactly like one
 * that does not exist).
 */
export async function getSchoolOrThrow(viewer: Viewer, schoolId: string) {
  return schoolFor(viewer, schoolId, "school.read", await getDb(), {
    id: true, code: true, name: true, level: true, address: true, unionName: true, unionUnitId: true, govUnitId: true, version: true, unionUnit: { select: { name: true } },
  });
}

/** An upper unit the viewer serves (or any, for an admin), or NOT_FOUND. */
export async function getUnitOrThrow(viewer: Viewer, unitId: string) {
  return unitFor(viewer, unitId, "school.read", await getDb(), { id: true, name: true, type: true, parentId: true, validFrom: true, validTo: true });
}

/**
 * Counts for a school's page and the dashboard: the school (scoped: another school is NOT_FOUND), then one
 * grouped count of its members by status and gender and one count of its groups, in parallel.
 */
export async function getSchoolCounts(viewer: Viewer, schoolId: string) {
  const school = await getSchoolOrThrow(viewer, schoolId);
  const db = await getDb();
  const [byKind, groups] = await Promise.all([
    db.member.groupBy({ by: ["status", "gender"], where: { schoolId: school.id }, _count: { _all: true } }),
    db.unionGroup.count({ where: { schoolId: school.id } }),
  ]);
  const sum = (f: (r: (typeof byKind)[number]) => boolean) => byKind.filter(f).reduce((n, r) => n + r._count._all, 0);
  return {
    school,
    members: sum((r) => r.status !== "LEFT"),
    active: sum((r) => r.status === "ACTIVE"),
    women: sum((r) => r.status !== "LEFT" && r.gender === "NU"),
    groups,
    canManage: can(viewer, "member.manage", { schoolId }),
  };
}

/** Counts across the schools an upper unit (or admin) sees. */
export async function getUnitCounts(viewer: Viewer) {
  const db = await getDb();
  const where = schoolScope(viewer, "school.read");
  const [schools, members, groups] = await Promise.all([
    db.school.count({ where }),
    db.member.count({ where: { school: where, status: { not: "LEFT" } } }),
    db.unionGroup.count({ where: { school: where } }),
  ]);
  return { schools, members, groups, canCreate: canSome(viewer, "school.create") };
}
