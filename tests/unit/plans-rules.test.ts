// The plan workflow (SECURITY.md "Workflows"): every (state, action, role) of the machine,
// checked against a table written out by hand here, not derived from the implementation.
import { describe, expect, it } from "vitest";
import {
  PLAN_ACTIONS,
  PLAN_ROLES,
  PLAN_STATES,
  allowedActions,
  planDeadline,
  planState,
  planTransition,
  schoolPlanStanding,
  type PlanAction,
  type PlanRole,
  type PlanState,
} from "@/lib/plans/rules";

const SIGNING: PlanState[] = ["SUBMITTED", "SIGNED_GOV", "SIGNED_UNION"];
const allowed: [PlanState, PlanAction, PlanRole, PlanState][] = [];
const add = (states: PlanState[], action: PlanAction, roles: PlanRole[], to: (s: PlanState) => PlanState) => {
  for (const s of states) for (const r of roles) allowed.push([s, action, r, to(s)]);
};
add(["DRAFT"], "edit", ["PRINCIPAL", "UNIT_STAFF"], () => "DRAFT");
add(["DRAFT", ...SIGNING], "comment", ["PRINCIPAL", "UNION_CHAIR", "UNIT_STAFF"], (s) => s);
add(["DRAFT"], "submit", ["PRINCIPAL", "UNIT_STAFF"], () => "SUBMITTED");
add(SIGNING, "withdraw", ["PRINCIPAL", "UNIT_STAFF"], () => "DRAFT");
add(SIGNING, "return", ["UNION_CHAIR"], () => "DRAFT");
add(["SUBMITTED", "SIGNED_UNION"], "sign_gov", ["PRINCIPAL", "UNIT_STAFF"], (s) => (s === "SUBMITTED" ? "SIGNED_GOV" : "SIGNED"));
add(["SUBMITTED", "SIGNED_GOV"], "sign_union", ["UNION_CHAIR", "UNIT_STAFF"], (s) => (s === "SUBMITTED" ? "SIGNED_UNION" : "SIGNED"));
add(["SIGNED"], "amend", ["PRINCIPAL", "UNIT_STAFF"], () => "DRAFT");

const cases = PLAN_STATES.flatMap((s) => PLAN_ACTIONS.flatMap((a) => PLAN_ROLES.map((r) => [s, a, r] as const)));

describe("planTransition: the whole table", () => {
  it("has 5 states × 8 actions × 4 roles", () => {
    expect(cases).toHaveLength(160);
  });

  it.each(cases)("%s + %s by %s", (state, action, role) => {
    const hit = allowed.find(([s, a, r]) => s === state && a === action && r === role);
    const t = planTransition(state, action, role);
    if (hit) {
      expect(t).toEqual({ ok: true, to: hit[3], newDraft: action === "amend" });
    } else {
      const roleEver = allowed.some(([, a, r]) => a === action && r === role);
      expect(t).toEqual({ ok: false, reason: roleEver ? "state" : "role" });
    }
  });

  it("nothing at all is allowed to a reader, and nothing but amending a signed plan", () => {
    for (const s of PLAN_STATES) expect(allowedActions(s, ["READER"])).toEqual([]);
    expect(allowedActions("SIGNED", ["PRINCIPAL", "UNION_CHAIR"])).toEqual(["amend"]);
  });

  it("lists what each role may do now", () => {
    expect(allowedActions("DRAFT", ["PRINCIPAL"])).toEqual(["edit", "comment", "submit"]);
    expect(allowedActions("DRAFT", ["UNION_CHAIR"])).toEqual(["comment"]);
    expect(allowedActions("SIGNED_GOV", ["UNION_CHAIR"])).toEqual(["comment", "return", "sign_union"]);
  });
});

describe("planState", () => {
  const at = new Date();
  it("reads signatures of a plan being signed", () => {
    expect(planState({ status: "DRAFT", govSignedAt: null, unionSignedAt: null })).toBe("DRAFT");
    expect(planState({ status: "SUBMITTED", govSignedAt: null, unionSignedAt: null })).toBe("SUBMITTED");
    expect(planState({ status: "SUBMITTED", govSignedAt: at, unionSignedAt: null })).toBe("SIGNED_GOV");
    expect(planState({ status: "SUBMITTED", govSignedAt: null, unionSignedAt: at })).toBe("SIGNED_UNION");
    expect(planState({ status: "SIGNED", govSignedAt: at, unionSignedAt: at })).toBe("SIGNED");
  });
});

describe("schoolPlanStanding (upper-unit overview)", () => {
  const start = new Date(Date.UTC(2025, 8, 5));
  const d = (m: number, day: number) => new Date(Date.UTC(2025, m - 1, day, 3));
  it("the deadline is 31 October of the year's first calendar year", () => {
    expect(planDeadline(start).toISOString()).toBe("2025-10-31T23:59:59.000Z");
  });
  it("no plan: late only after the deadline", () => {
    expect(schoolPlanStanding([], start, d(10, 1))).toEqual({ status: "NONE", late: false, signedAt: null });
    expect(schoolPlanStanding([], start, d(11, 1))).toEqual({ status: "NONE", late: true, signedAt: null });
  });
  it("signed on time, signed late, being amended", () => {
    expect(schoolPlanStanding([{ status: "SIGNED", signedAt: d(9, 20) }], start, d(12, 1))).toMatchObject({ status: "SIGNED", late: false });
    expect(schoolPlanStanding([{ status: "SIGNED", signedAt: d(11, 5) }], start, d(12, 1))).toMatchObject({ status: "SIGNED", late: true });
    expect(schoolPlanStanding([{ status: "SIGNED", signedAt: d(9, 20) }, { status: "DRAFT", signedAt: null }], start, d(12, 1))).toMatchObject({ status: "SIGNED", late: false });
    expect(schoolPlanStanding([{ status: "SUBMITTED", signedAt: null }], start, d(10, 2))).toMatchObject({ status: "SUBMITTED", late: false });
  });
});
