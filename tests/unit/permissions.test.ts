// The whole role × capability × scope matrix, derived from PERMISSIONS itself (nothing is
// copied here): for every role and capability, targets at each distance from the viewer's
// own place must be allowed exactly when the table grants the capability with a scope at
// least that wide. Plus deny-by-default cases and the Prisma scope fragments.
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { CAPABILITIES, PERMISSIONS, can, canSome, grantsFor, type Capability, type Grant, type ScopeKind, type Target, type Viewer } from "@/lib/authz/permissions";
import { auditScope, memberScope, schoolScope } from "@/lib/authz/scope";

const ROLES = Object.keys(PERMISSIONS) as Role[];

/** One viewer per role, placed in unit A (with a child unit), school A, group A, member A. */
function viewerWith(role: Role): Viewer {
  const grant: Grant = { role, schoolId: null, organisationId: null, unionGroupId: null };
  if (role === "UPPER_STAFF") grant.organisationId = "unit_a";
  else if (role !== "ADMIN") grant.schoolId = "sch_a";
  if (role === "GROUP_LEADER") grant.unionGroupId = "grp_a";
  return {
    userId: `usr_${role}`,
    sessionId: "s",
    email: `${role}@test`,
    displayName: role,
    memberId: role === "ADMIN" || role === "UPPER_STAFF" ? null : "mem_a",
    grants: [grant],
    unitIds: role === "UPPER_STAFF" ? ["unit_a", "unit_a_child"] : [],
  };
}

/**
 * Targets ordered from nearest to farthest: each is just outside the previous scope kind.
 * `within` is the narrowest scope kind that still covers it.
 */
const TARGETS: { name: string; within: ScopeKind; target: Target }[] = [
  { name: "oneself", within: "self", target: { unitId: "unit_a", schoolId: "sch_a", unionGroupId: "grp_a", memberId: "mem_a" } },
  { name: "another member of the same group", within: "group", target: { unitId: "unit_a", schoolId: "sch_a", unionGroupId: "grp_a", memberId: "mem_a2" } },
  { name: "a member of another group, same school", within: "school", target: { unitId: "unit_a", schoolId: "sch_a", unionGroupId: "grp_a2", memberId: "mem_a3" } },
  { name: "another school of the same unit", within: "unit", target: { unitId: "unit_a", schoolId: "sch_a2", unionGroupId: "grp_x", memberId: "mem_x" } },
  { name: "a school of a unit below it", within: "unit", target: { unitId: "unit_a_child", schoolId: "sch_c", unionGroupId: "grp_c", memberId: "mem_c" } },
  { name: "another tenant", within: "all", target: { unitId: "unit_b", schoolId: "sch_b", unionGroupId: "grp_b", memberId: "mem_b" } },
];
const WIDTH: Record<ScopeKind, number> = { self: 0, group: 1, school: 2, unit: 3, all: 4 };

describe("permission matrix: every role × capability × scope, read from PERMISSIONS", () => {
  for (const role of ROLES) {
    const viewer = viewerWith(role);
    for (const cap of CAPABILITIES) {
      const granted = PERMISSIONS[role][cap];
      it(`${role} ${cap} (${granted ?? "not granted"})`, () => {
        for (const t of TARGETS) {
          const expected = granted !== undefined && WIDTH[granted] >= WIDTH[t.within];
          expect({ target: t.name, allowed: can(viewer, cap, t.target) }).toEqual({ target: t.name, allowed: expected });
        }
      });
    }
  }

  it("own scope is allowed iff granted; another tenant only with scope 'all'", () => {
    for (const role of ROLES)
      for (const cap of CAPABILITIES) {
        const granted = PERMISSIONS[role][cap];
        const v = viewerWith(role);
        expect(can(v, cap, TARGETS[0].target), `${role} ${cap} own`).toBe(granted !== undefined);
        expect(can(v, cap, TARGETS[TARGETS.length - 1].target), `${role} ${cap} other`).toBe(granted === "all");
      }
  });

  it("only ADMIN holds any 'all' grant", () => {
    for (const role of ROLES)
      for (const scope of Object.values(PERMISSIONS[role])) if (scope === "all") expect(role).toBe("ADMIN");
  });

  it("canSome and grantsFor agree with the table", () => {
    for (const role of ROLES)
      for (const cap of CAPABILITIES) {
        const v = viewerWith(role);
        expect(canSome(v, cap)).toBe(PERMISSIONS[role][cap] !== undefined);
        expect(grantsFor(v, cap).map((g) => g.scope)).toEqual(PERMISSIONS[role][cap] ? [PERMISSIONS[role][cap]] : []);
      }
  });
});

describe("deny by default", () => {
  const nobody: Viewer = { userId: "u", sessionId: "s", email: "x@test", displayName: "x", memberId: "mem_a", grants: [], unitIds: ["unit_a"] };

  it("no viewer may do nothing", () => {
    for (const cap of CAPABILITIES) for (const t of TARGETS) expect(can(null, cap, t.target)).toBe(false);
    for (const cap of CAPABILITIES) expect(canSome(null, cap)).toBe(false);
  });

  it("a viewer with no grants is denied everything, even their own member row", () => {
    for (const cap of CAPABILITIES) {
      for (const t of TARGETS) expect(can(nobody, cap, t.target)).toBe(false);
      expect(canSome(nobody, cap)).toBe(false);
      expect(schoolScope(nobody, cap)).toEqual({ id: { in: [] } });
      expect(memberScope(nobody, cap)).toEqual({ id: { in: [] } });
    }
    expect(auditScope(nobody)).toEqual({ id: { in: [] } });
  });

  it("an unknown capability is denied for every role, admin included", () => {
    for (const role of ROLES) for (const t of TARGETS) expect(can(viewerWith(role), "school.delete" as Capability, t.target)).toBe(false);
  });

  it("a target without scope fields is denied except for 'all'", () => {
    for (const role of ROLES)
      for (const cap of CAPABILITIES) expect(can(viewerWith(role), cap, {})).toBe(PERMISSIONS[role][cap] === "all");
  });

  it("UPPER_STAFF with no resolved units (role ended, unit closed) reaches no school", () => {
    const v = { ...viewerWith("UPPER_STAFF"), unitIds: [] };
    for (const cap of CAPABILITIES) expect(can(v, cap, TARGETS[0].target)).toBe(false);
  });
});

describe("Prisma scope fragments follow the same table", () => {
  for (const role of ROLES) {
    it(`${role}: schoolScope matches nothing exactly where the capability is missing`, () => {
      const v = viewerWith(role);
      for (const cap of CAPABILITIES) {
        const scope = PERMISSIONS[role][cap];
        const where = schoolScope(v, cap);
        if (!scope) expect(where, cap).toEqual({ id: { in: [] } });
        else if (scope === "all") expect(where, cap).toEqual({});
        else if (scope === "unit") expect(where, cap).toEqual({ OR: [{ unionUnitId: { in: ["unit_a", "unit_a_child"] } }] });
        else expect(where, cap).toEqual({ OR: [{ id: "sch_a" }] });
      }
    });
  }

  it("auditScope: admin all, upper staff by organisation, school roles by school, others nothing", () => {
    for (const role of ROLES) {
      const scope = PERMISSIONS[role]["audit.read"];
      const where = auditScope(viewerWith(role));
      if (!scope) expect(where).toEqual({ id: { in: [] } });
      else if (scope === "all") expect(where).toEqual({});
      else if (scope === "unit") expect(where).toEqual({ OR: [{ organisationId: { in: ["unit_a", "unit_a_child"] } }] });
      else expect(where).toEqual({ OR: [{ schoolId: "sch_a" }] });
    }
  });
});
