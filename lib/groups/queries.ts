import "server-only";
import { getDb } from "../server/db";
import { can, type Viewer } from "../authz/permissions";
import { schoolFor } from "../authz/load";

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

/** A school's union groups by name ("Khối 3" before "Khối 4–5"), Vietnamese collation. */
function byName<T extends { name: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name);
}

/**
 * A school's union groups for a select (group.read: everyone with a role at the school, upper
 * staff of its unit). Throws NOT_FOUND for a school outside the viewer's reach.
 */
export async function listGroupOptions(viewer: Viewer, schoolId: string): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "group.read", db, { id: true });
  const groups = await db.unionGroup.findMany({ where: { schoolId: school.id }, select: { id: true, name: true } });
  return groups.sort(byName);
}

/** What the groups page shows of one group. */
export interface GroupListItem {
  id: string;
  name: string;
  version: number;
  /** Members not marked "đã nghỉ việc". */
  members: number;
  women: number;
  leaders: string[];
}

/**
 * The school's union groups with member counts and current leaders (group.read), and whether
 * the viewer may create/rename (group.manage). Throws NOT_FOUND outside the viewer's reach.
 */
export async function listGroups(viewer: Viewer, schoolId: string) {
  const db = await getDb();
  const school = await schoolFor(viewer, schoolId, "group.read", db, { id: true, name: true, unionUnitId: true });
  const now = new Date();
  const [groups, women, unassigned] = await Promise.all([
    db.unionGroup.findMany({
      where: { schoolId: school.id },
      select: {
        id: true,
        name: true,
        version: true,
        _count: { select: { members: { where: { status: { not: "LEFT" } } } } },
        roles: {
          where: { role: "GROUP_LEADER", validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
          select: { user: { select: { displayName: true } } },
        },
      },
    }),
    db.member.groupBy({ by: ["unionGroupId"], where: { schoolId: school.id, status: { not: "LEFT" }, gender: "NU" }, _count: { _all: true } }),
    db.member.count({ where: { schoolId: school.id, status: { not: "LEFT" }, unionGroupId: null } }),
  ]);
  const womenBy = new Map(women.map((w) => [w.unionGroupId, w._count._all]));
  const items: GroupListItem[] = groups
    .map((g) => ({ id: g.id, name: g.name, version: g.version, members: g._count.members, women: womenBy.get(g.id) ?? 0, leaders: g.roles.map((r) => r.user.displayName) }))
    .sort(byName);
  return { school, items, unassigned, canManage: can(viewer, "group.manage", { schoolId: school.id, unitId: school.unionUnitId }) };
}
