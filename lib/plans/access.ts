import "server-only";
// Who may see which plans, and in which workflow role a viewer acts on one. Built from the
// permission table (lib/authz/permissions.ts) like every other scope.
import type { Prisma } from "../generated/prisma/client";
import { can, grantsFor, type Capability, type Viewer } from "../authz/permissions";
import type { PlanRole } from "./rules";

const NOTHING: Prisma.CoordinationPlanWhereInput = { id: { in: [] as string[] } };

/** Plans (school-level and unit-level) the viewer holds `cap` on. */
export function planScope(viewer: Viewer, cap: Capability): Prisma.CoordinationPlanWhereInput {
  const or: Prisma.CoordinationPlanWhereInput[] = [];
  for (const { grant, scope } of grantsFor(viewer, cap)) {
    if (scope === "all") return {};
    if (scope === "unit") {
      or.push({ school: { unionUnitId: { in: viewer.unitIds } } });
      or.push({ organisationId: { in: viewer.unitIds } });
    } else if (grant.schoolId) or.push({ schoolId: grant.schoolId });
  }
  return or.length ? { OR: or } : NOTHING;
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
 * The workflow roles the viewer holds on this plan (lib/plans/rules.ts). Taken from the role
 * grants at the plan's own school (or unit), and confirmed against the permission table.
 */
export function planRolesOf(viewer: Viewer, plan: { schoolId: string | null; organisationId: string | null }): PlanRole[] {
  const roles: PlanRole[] = [];
  if (plan.schoolId) {
    const here = viewer.grants.filter((g) => g.schoolId === plan.schoolId);
    const t = { schoolId: plan.schoolId };
    if (here.some((g) => g.role === "PRINCIPAL") && can(viewer, "plan.edit", t) && can(viewer, "plan.sign_school", t)) roles.push("PRINCIPAL");
    if (here.some((g) => g.role === "UNION_CHAIR") && can(viewer, "plan.sign_union", t)) roles.push("UNION_CHAIR");
  } else if (plan.organisationId) {
    const staff = viewer.grants.some((g) => g.role === "UPPER_STAFF");
    if (staff && can(viewer, "plan.manage_unit", { unitId: plan.organisationId })) roles.push("UNIT_STAFF");
  }
  return roles.length ? roles : ["READER"];
}
