import "server-only";
// Who may see which plans, and in which workflow role a viewer acts on one. Built from the
// permission table (lib/authz/permissions.ts) like every other scope.
import type { Prisma } from "../generated/prisma/client";
import type { Capability, Viewer } from "../authz/permissions";
import type { PlanRole } from "./rules";
import { holdsHere } from "../authz/decide";
import { orgScope, schoolScope } from "../authz/scope";

/** Plans (school-level and unit-level) the viewer holds `cap` on. */
export function planScope(viewer: Viewer, cap: Capability): Prisma.CoordinationPlanWhereInput {
  // School plans through the school scope, unit plans through the unit scope (lib/authz/scope.ts).
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
 * The workflow roles the viewer holds on this plan (lib/plans/rules.ts). Taken from the role
 * grants at the plan's own school (or unit), and confirmed against the permission table.
 */
export function planRolesOf(viewer: Viewer, plan: { schoolId: string | null; organisationId: string | null }): PlanRole[] {
  const roles: PlanRole[] = [];
  if (plan.schoolId) {
    // The parties sign in their own name: capabilities held at this school, not an admin's "all".
    const t = { schoolId: plan.schoolId };
    if (holdsHere(viewer, "plan.edit", t) && holdsHere(viewer, "plan.sign_school", t)) roles.push("PRINCIPAL");
    if (holdsHere(viewer, "plan.sign_union", t)) roles.push("UNION_CHAIR");
  } else if (plan.organisationId) {
    if (holdsHere(viewer, "plan.manage_unit", { unitId: plan.organisationId })) roles.push("UNIT_STAFF");
  }
  return roles.length ? roles : ["READER"];
}
