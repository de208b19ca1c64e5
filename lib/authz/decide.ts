// The pure answer of the gate (lib/authz/gate.ts): may this viewer do `cap` to this resolved
// target? Reads the PERMISSIONS table through can(); no I/O, so unit tests (and the independent
// permission specification, tests/spec/) call it directly with targets resolved from real rows.
import { CAPABILITIES, can, canSome, grantsFor, type Capability, type ScopeKind, type Target, type Viewer } from "./permissions";

/**
 * What the gate resolved from the target's id in the database (never from the client): the
 * school, its union-side upper unit, the union group and the member the row belongs to.
 * `within`: the action works on rows *inside* this place (a period's grid, a period's export);
 * a grant narrower than the place (group, self) covers it when it sits in that school, and the
 * scoped query of the area narrows to the rows the grant reaches.
 */
export interface ResolvedTarget extends Target {
  within?: boolean;
}

/** The pseudo-capability of actions on one's own rows (notifications): any signed-in viewer. */
export const OWN = "own" as const;
export type GateCapability = Capability | typeof OWN;

function coversWithin(viewer: Viewer, cap: Capability, t: ResolvedTarget): boolean {
  return grantsFor(viewer, cap).some(({ grant, scope }) => {
    if (scope === "all") return true;
    if (scope === "unit") return !!t.unitId && viewer.unitIds.includes(t.unitId);
    return !!t.schoolId && grant.schoolId === t.schoolId;
  });
}

/**
 * The gate's decision. Deny by default: no viewer, no capability, or a target outside every
 * grant's scope is false. With several capabilities, any one of them is enough.
 */
export function decide(viewer: Viewer | null, cap: GateCapability | readonly GateCapability[], target: ResolvedTarget): boolean {
  if (!viewer) return false;
  const caps = (Array.isArray(cap) ? cap : [cap]) as GateCapability[];
  return caps.some((c) => {
    if (c === OWN) return true;
    if (can(viewer, c, target)) return true;
    return !!target.within && coversWithin(viewer, c, target);
  });
}

/** Does the viewer hold any of the capabilities anywhere (the gate's first, cheapest check)? */
export function holdsAny(viewer: Viewer | null, cap: GateCapability | readonly GateCapability[]): boolean {
  if (!viewer) return false;
  const caps = (Array.isArray(cap) ? cap : [cap]) as GateCapability[];
  return caps.some((c) => c === OWN || canSome(viewer, c));
}

/** For pages and navigation: may the viewer see `cap` at this (already resolved) place? */
export function canSee(viewer: Viewer | null, cap: GateCapability | readonly GateCapability[], target: ResolvedTarget = {}): boolean {
  return decide(viewer, cap, target);
}

/**
 * Every capability the viewer holds over this target (for the workflow tables, which ask for
 * capabilities, not role names: lib/awards/workflow.ts).
 */
export function capsAt(viewer: Viewer | null, target: ResolvedTarget): Capability[] {
  if (!viewer) return [];
  return CAPABILITIES.filter((c) => decide(viewer, c, target));
}

const WIDTH: Record<ScopeKind, number> = { self: 0, group: 1, school: 2, unit: 3, all: 4 };

/** The widest scope kind in which the viewer holds `cap` anywhere (null: nowhere). */
export function widestScope(viewer: Viewer | null, cap: Capability): ScopeKind | null {
  if (!viewer) return null;
  let best: ScopeKind | null = null;
  for (const { scope } of grantsFor(viewer, cap)) if (best === null || WIDTH[scope] > WIDTH[best]) best = scope;
  return best;
}

/**
 * The widest reach of `cap` the viewer has inside one school (null: none). A list page is worth
 * a link when it shows more than one's own row ("group" or wider).
 */
export function reachIn(viewer: Viewer, cap: Capability, schoolId: string, unitId?: string | null): ScopeKind | null {
  let best: ScopeKind | null = null;
  for (const { grant, scope } of grantsFor(viewer, cap)) {
    const applies = scope === "all" || (scope === "unit" ? !!unitId && viewer.unitIds.includes(unitId) : grant.schoolId === schoolId);
    if (applies && (best === null || WIDTH[scope] > WIDTH[best])) best = scope;
  }
  return best;
}

/** At least as wide as `kind`. */
export function atLeast(scope: ScopeKind | null, kind: ScopeKind): boolean {
  return scope !== null && WIDTH[scope] >= WIDTH[kind];
}

/**
 * Does the viewer hold `cap` through a grant placed AT this school (school scope there) or over
 * this unit (unit scope), not through the blanket "all" of an administrator? For workflows whose
 * parties sign in their own name (a plan's government and union signatures).
 */
export function holdsHere(viewer: Viewer, cap: Capability, target: { schoolId?: string | null; unitId?: string | null }): boolean {
  return grantsFor(viewer, cap).some(({ grant, scope }) =>
    scope === "school" ? !!target.schoolId && grant.schoolId === target.schoolId : scope === "unit" ? !!target.unitId && viewer.unitIds.includes(target.unitId) : false,
  );
}
