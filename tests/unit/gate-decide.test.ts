// The gate's pure decision (lib/authz/decide.ts) beyond can(): any-of capabilities, the OWN
// pseudo-capability, "within" a place (a group leader's grid of a period), the capabilities held
// over a target (workflow tables), and workflow parties that exclude an admin's blanket grant.
import { describe, expect, it } from "vitest";
import { OWN, atLeast, capsAt, decide, holdsAny, holdsHere, reachIn, widestScope } from "@/lib/authz/decide";
import { navFor } from "@/lib/authz/nav";
import type { Grant, Viewer } from "@/lib/authz/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

function viewer(role: Role, place: Partial<Grant> = {}, extra: Partial<Viewer> = {}): Viewer {
  return {
    userId: `u_${role}`,
    sessionId: "s",
    email: "x@test",
    displayName: role,
    memberId: role === "ADMIN" || role === "UPPER_STAFF" ? null : "m_a",
    grants: [{ role, schoolId: null, organisationId: null, unionGroupId: null, ...place }],
    unitIds: role === "UPPER_STAFF" ? ["unit_a", "unit_a2"] : [],
    ...extra,
  };
}
const admin = viewer("ADMIN");
const staff = viewer("UPPER_STAFF", { organisationId: "unit_a" });
const chair = viewer("UNION_CHAIR", { schoolId: "sch_a" });
const principal = viewer("PRINCIPAL", { schoolId: "sch_a" });
const leader = viewer("GROUP_LEADER", { schoolId: "sch_a", unionGroupId: "grp_a" });
const member = viewer("MEMBER", { schoolId: "sch_a" });
const schoolA = { schoolId: "sch_a", unitId: "unit_a" };
const schoolB = { schoolId: "sch_b", unitId: "unit_b" };

describe("decide", () => {
  it("denies without a viewer, and with no capability listed", () => {
    expect(decide(null, "school.read", schoolA)).toBe(false);
    expect(decide(chair, [], schoolA)).toBe(false);
  });
  it("any one of several capabilities is enough", () => {
    expect(decide(chair, ["plan.edit", "plan.comment"], { schoolId: "sch_a" })).toBe(true);
    expect(decide(chair, ["plan.edit", "plan.manage_unit"], { schoolId: "sch_a" })).toBe(false);
  });
  it("another tenant's target is refused for every role but the admin", () => {
    for (const v of [staff, chair, principal, leader, member]) expect(decide(v, "school.read", schoolB)).toBe(false);
    expect(decide(admin, "school.read", schoolB)).toBe(true);
  });
  it("OWN: any signed-in viewer, never an anonymous one", () => {
    expect(decide(member, OWN, {})).toBe(true);
    expect(decide(null, OWN, {})).toBe(false);
    expect(holdsAny(member, OWN)).toBe(true);
    expect(holdsAny(member, "member.manage")).toBe(false);
  });
  it("within: a group grant covers a place of its school, not another school; exact targets stay exact", () => {
    expect(decide(leader, "scoring.group", schoolA)).toBe(false);
    expect(decide(leader, "scoring.group", { ...schoolA, within: true })).toBe(true);
    expect(decide(leader, "scoring.group", { ...schoolB, within: true })).toBe(false);
    expect(decide(member, "scoring.group", { ...schoolA, within: true })).toBe(false);
    expect(decide(staff, "scoring.export", { ...schoolA, within: true })).toBe(true);
  });
});

describe("capabilities held over a target, scope reach, workflow parties", () => {
  it("capsAt lists what the viewer may do there, nothing elsewhere", () => {
    expect(capsAt(chair, schoolA)).toContain("nomination.manage");
    expect(capsAt(chair, schoolA)).not.toContain("nomination.review");
    expect(capsAt(staff, schoolA)).toContain("nomination.review");
    expect(capsAt(chair, schoolB)).toEqual([]);
    expect(capsAt(null, schoolA)).toEqual([]);
  });
  it("widestScope, reachIn, atLeast", () => {
    expect(widestScope(member, "member.read")).toBe("self");
    expect(widestScope(admin, "audit.read")).toBe("all");
    expect(reachIn(leader, "member.read", "sch_a")).toBe("group");
    expect(reachIn(leader, "member.read", "sch_b")).toBeNull();
    expect(atLeast(reachIn(member, "member.read", "sch_a"), "group")).toBe(false);
    expect(atLeast(reachIn(staff, "member.read", "sch_x", "unit_a2"), "group")).toBe(true);
  });
  it("holdsHere: the school's own principal signs for it; an admin's blanket grant does not make a party", () => {
    expect(holdsHere(principal, "plan.sign_school", { schoolId: "sch_a" })).toBe(true);
    expect(holdsHere(principal, "plan.sign_school", { schoolId: "sch_b" })).toBe(false);
    expect(holdsHere(admin, "plan.sign_school", { schoolId: "sch_a" })).toBe(false);
    expect(holdsHere(staff, "plan.manage_unit", { unitId: "unit_a2" })).toBe(true);
  });
});

describe("navigation asks capabilities, not role names", () => {
  const places = { units: [{ id: "unit_a", name: "LĐLĐ A" }], schools: [{ id: "sch_a", name: "Trường A" }] };
  const hrefs = (v: Viewer) => navFor(v, places).flatMap((s) => s.links.map((l) => l.href));
  it("a member sees no member list and no scoring room; a group leader sees both; the chair sees the audit log", () => {
    expect(hrefs(member)).not.toContain("/truong/sch_a/doan-vien");
    expect(hrefs(member)).not.toContain("/truong/sch_a/cham-diem");
    expect(hrefs(leader)).toContain("/truong/sch_a/doan-vien");
    expect(hrefs(leader)).toContain("/truong/sch_a/cham-diem");
    expect(hrefs(leader)).not.toContain("/truong/sch_a/nhat-ky");
    expect(hrefs(chair)).toContain("/truong/sch_a/nhat-ky");
  });
  it("a unit section only for a unit the viewer serves", () => {
    expect(hrefs(staff)).toContain("/cap-tren/unit_a/duyet");
    expect(hrefs(chair).some((h) => h.startsWith("/cap-tren/"))).toBe(false);
  });
});
