import "server-only";
import { getDb } from "../server/db";
import { can, type Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { getUnitOrThrow } from "../orgs/queries";
import { unitSubtree } from "../schools/queries";
import { notFound } from "../server/errors";
import { compareVietnamese } from "../format";
import { missingRoles } from "../dashboards/rules";

export interface SchoolMissingHolders {
  schoolId: string;
  schoolName: string;
  missing: ("PRINCIPAL" | "UNION_CHAIR")[];
}

/**
 * The schools under an upper unit (and its units below) that have no live principal or no live
 * union chair today (a role in force, held by an account that is not locked): what the
 * role-holder list flags (issue 11). roles.read of the unit (UPPER_STAFF, ADMIN); NOT_FOUND
 * otherwise. The same rule as the dashboard's (lib/dashboards/rules.ts missingRoles).
 */
export async function listSchoolsMissingHolders(viewer: Viewer, unitId: string, now = new Date()): Promise<SchoolMissingHolders[]> {
  await getUnitOrThrow(viewer, unitId);
  if (!can(viewer, "roles.read", { unitId })) throw notFound();
  const db = await getDb();
  const schools = await db.school.findMany({
    where: { AND: [schoolScope(viewer, "roles.read"), { unionUnitId: { in: await unitSubtree(unitId) } }] },
    select: {
      id: true,
      name: true,
      roles: {
        where: { role: { in: ["PRINCIPAL", "UNION_CHAIR"] }, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }], user: { disabled: false } },
        select: { role: true },
      },
    },
  });
  return schools
    .map((s) => ({
      schoolId: s.id,
      schoolName: s.name,
      missing: missingRoles({ principal: s.roles.some((r) => r.role === "PRINCIPAL"), chair: s.roles.some((r) => r.role === "UNION_CHAIR") }),
    }))
    .filter((s) => s.missing.length > 0)
    .sort((a, b) => compareVietnamese(a.schoolName, b.schoolName));
}
