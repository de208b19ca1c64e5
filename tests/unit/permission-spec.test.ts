// The independent permission specification (tests/spec/permissions.md, written from the domain)
// against the gate's pure decision: every cell of every block becomes a synthetic viewer and
// target and must get the gate's answer. Nothing here reads PERMISSIONS: changing one grant in the
// table (say MEMBER member.read from "self" to "school") fails this test.
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { decide, type ResolvedTarget } from "@/lib/authz/decide";
import { CAPABILITIES, type Capability, type Grant, type Viewer } from "@/lib/authz/permissions";
import { loadPermissionSpec, ROLES, SITUATIONS, type Situation } from "../spec/permission-spec";

const spec = loadPermissionSpec();

// The world of the spec's legend: U1 (with U1c below it) and U2; S1, S2 under U1, S3 under U1c,
// S4 under U2; groups G1, G2 in S1; members M1 (the viewer), M2 in G1, M3 in G2.
const M = (id: string, schoolId: string, unitId: string, unionGroupId: string): ResolvedTarget => ({ memberId: id, schoolId, unitId, unionGroupId });
const T = {
  self: M("mem_1", "sch_1", "unit_1", "grp_1"),
  group: M("mem_2", "sch_1", "unit_1", "grp_1"),
  school: M("mem_3", "sch_1", "unit_1", "grp_2"),
  sibling: M("mem_5", "sch_2", "unit_1", "grp_5"),
  subUnitSchool: M("mem_6", "sch_3", "unit_1c", "grp_6"),
  otherUnitSchool: M("mem_4", "sch_4", "unit_2", "grp_4"),
  myUnit: { unitId: "unit_1" } as ResolvedTarget,
  otherUnit: { unitId: "unit_2" } as ResolvedTarget,
};

/** A viewer holding exactly one role, placed as the legend says. */
function specViewer(role: Role): Viewer {
  const grant: Grant = { role, schoolId: null, organisationId: null, unionGroupId: null };
  if (role === "UPPER_STAFF") grant.organisationId = "unit_1";
  else if (role !== "ADMIN") grant.schoolId = "sch_1";
  if (role === "GROUP_LEADER") grant.unionGroupId = "grp_1";
  const placed = role !== "ADMIN" && role !== "UPPER_STAFF";
  return {
    userId: `usr_${role}`,
    sessionId: "s",
    email: `${role.toLowerCase()}@spec.test`,
    displayName: role,
    memberId: placed ? "mem_1" : null,
    grants: [grant],
    unitIds: role === "UPPER_STAFF" ? ["unit_1", "unit_1c"] : [],
  };
}

/** The synthetic targets of one situation (several when the situation has several shapes). */
function targetsOf(situation: Situation): ResolvedTarget[] {
  switch (situation) {
    case "Own record":
      return [T.self];
    case "Own group":
      return [T.group];
    case "Own school":
      // A member of another group, and a row of the school itself (a plan, a period…).
      return [T.school, { schoolId: "sch_1", unitId: "unit_1" }];
    case "Other school, same upper unit":
      return [T.sibling, { schoolId: "sch_2", unitId: "unit_1" }];
    case "School under my upper unit":
      // Upper-unit staff: a school of the unit itself and one of the unit below it.
      return [T.self, T.sibling, { schoolId: "sch_2", unitId: "unit_1" }, T.subUnitSchool];
    case "School under another upper unit":
      return [T.otherUnitSchool, { schoolId: "sch_4", unitId: "unit_2" }];
    case "My upper unit":
      return [T.myUnit];
    case "Another upper unit":
      return [T.otherUnit];
  }
}

describe("the permission specification is complete and well formed", () => {
  it("has one block per capability of the app, each with every role and every situation", () => {
    expect(spec.blocks.map((b) => b.cap).sort()).toEqual([...CAPABILITIES].sort());
    for (const b of spec.blocks) {
      expect(b.reason.length, `${b.cap}: a one-line domain reason`).toBeGreaterThan(20);
      expect(Object.keys(b.rows).sort(), b.cap).toEqual([...ROLES].sort());
    }
  });

  it("is big enough to mean something", () => {
    expect(spec.cells.filter((c) => c.expected !== null).length).toBeGreaterThan(1500);
  });
});

describe("the gate answers what the specification says (synthetic viewers and targets)", () => {
  for (const block of spec.blocks) {
    it(`${block.cap}`, () => {
      const wrong: string[] = [];
      for (const role of ROLES) {
        const viewer = specViewer(role);
        SITUATIONS.forEach((situation) => {
          const cell = block.rows[role][situation];
          if (cell.expected === null) return;
          for (const target of targetsOf(situation)) {
            const answer = decide(viewer, block.cap as Capability, target);
            // A known disagreement (✓! / ✗!): the table says the opposite of the domain today.
            const wanted = cell.disagreement ? !cell.expected : cell.expected;
            if (answer !== wanted)
              wrong.push(
                cell.disagreement
                  ? `${role} × ${situation}: the table now agrees with the domain (${answer ? "allowed" : "refused"}): drop the "!" in tests/spec/permissions.md`
                  : `${role} × ${situation} → spec ${cell.expected ? "allowed" : "refused"}, gate ${answer ? "allowed" : "refused"} (target ${JSON.stringify(target)})`,
              );
          }
        });
      }
      expect(wrong, `${block.cap}: the gate disagrees with tests/spec/permissions.md`).toEqual([]);
    });
  }

  it("anonymous callers are refused every cell", () => {
    for (const cap of CAPABILITIES) for (const s of SITUATIONS) for (const t of targetsOf(s)) expect(decide(null, cap, t)).toBe(false);
  });
});
