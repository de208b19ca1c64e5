import "server-only";
// Who may see which plans, and in which workflow role a viewer acts on one. Built from the
// permission table (lib/authz/permissions.ts) like every other scope.
import type { Prisma } from "../generated/prisma/client";
import type { Capability, Viewer } from "../authz/permissions";
import { PLAN_PARTY_CAPS, type PlanRole } from "./rules";
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
 * The workflow parties the viewer is on this plan (lib/plans/rules.ts PLAN_PARTY_CAPS): the
 * capabilities held at the plan's own school, or over its unit for a unit plan.
 */
export function planRolesOf(viewer: Viewer, plan: { schoolId: string | null; organisationId: string | null }): PlanRole[] {
  const roles = (Object.keys(PLAN_PARTY_CAPS) as (keyof typeof PLAN_PARTY_CAPS)[]).filter((party) => {
    const { place, caps } = PLAN_PARTY_CAPS[party];
    const here = place === "school" ? (plan.schoolId ? { schoolId: plan.schoolId } : null) : !plan.schoolId && plan.organisationId ? { unitId: plan.organisationId } : null;
    return !!here && caps.every((c) => holdsHere(viewer, c, here));
  });
  return roles.length ? roles : ["READER"];
}
