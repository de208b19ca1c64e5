// The campaign and scoring-period state machines: every (state, action, role) against a table
// written out by hand here, so a change to either side shows up (SECURITY.md "Workflows").
// Scope (which school, which group, oneself) is checked by can() in the mutations and proven in
// tests/integration/scoring*.int.test.ts; here a role either has the capability or not.
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/authz/permissions";
import type { CampaignState, PeriodState, Role } from "@/lib/generated/prisma/enums";
import { CAMPAIGN_RULES, decideCampaign, inAudience, registrationOpen, type CampaignAction } from "@/lib/campaigns/rules";
import { ACTIVE_STAGE, PERIOD_RULES, SEAL_ACTION, appealOpen, closeRefusal, decidePeriod, selfScoringRefusal, type PeriodAction } from "@/lib/scoring/workflow";

const ROLES: Role[] = ["ADMIN", "UPPER_STAFF", "PRINCIPAL", "UNION_CHAIR", "GROUP_LEADER", "MEMBER"];
const CAMPAIGN_STATES: CampaignState[] = ["DRAFT", "OPEN", "SCORING", "CLOSED"];
const PERIOD_STATES: PeriodState[] = ["SELF_ASSESSMENT", "GROUP_SCORING", "COUNCIL_REVIEW", "APPEALS", "CLOSED"];
const roleMay = (role: Role) => (cap: string) => (PERMISSIONS[role] as Record<string, unknown>)[cap] !== undefined;

const CAMPAIGN_TABLE: Record<CampaignAction, { states: CampaignState[]; roles: Role[]; to?: CampaignState }> = {
  edit: { states: ["DRAFT", "OPEN"], roles: ["ADMIN", "UPPER_STAFF", "UNION_CHAIR"] },
  open: { states: ["DRAFT"], roles: ["ADMIN", "UPPER_STAFF", "UNION_CHAIR"], to: "OPEN" },
  startScoring: { states: ["OPEN"], roles: ["ADMIN", "UPPER_STAFF", "UNION_CHAIR"], to: "SCORING" },
  close: { states: ["SCORING"], roles: ["ADMIN", "UPPER_STAFF", "UNION_CHAIR"], to: "CLOSED" },
  register: { states: ["OPEN"], roles: ["ADMIN", "MEMBER"] },
  registerCollective: { states: ["OPEN"], roles: ["ADMIN", "UNION_CHAIR"] },
  remind: { states: ["OPEN"], roles: ["ADMIN", "UNION_CHAIR"] },
  createPeriod: { states: ["SCORING"], roles: ["ADMIN", "UNION_CHAIR"] },
};

const PERIOD_TABLE: Record<PeriodAction, { states: PeriodState[]; roles: Role[]; to?: PeriodState }> = {
  enterSelf: { states: ["SELF_ASSESSMENT"], roles: ["ADMIN", "MEMBER"] },
  enterGroup: { states: ["GROUP_SCORING"], roles: ["ADMIN", "UNION_CHAIR", "GROUP_LEADER"] },
  enterCouncil: { states: ["COUNCIL_REVIEW"], roles: ["ADMIN", "PRINCIPAL", "UNION_CHAIR"] },
  sealSelf: { states: ["SELF_ASSESSMENT"], roles: ["ADMIN", "UNION_CHAIR"], to: "GROUP_SCORING" },
  sealGroup: { states: ["GROUP_SCORING"], roles: ["ADMIN", "UNION_CHAIR"], to: "COUNCIL_REVIEW" },
  // The principal chairs the council (DOMAIN.md §1) and confirms its scores (issue 11).
  sealCouncil: { states: ["COUNCIL_REVIEW"], roles: ["ADMIN", "PRINCIPAL", "UNION_CHAIR"], to: "APPEALS" },
  appeal: { states: ["APPEALS"], roles: ["ADMIN", "MEMBER"] },
  resolveAppeal: { states: ["APPEALS", "CLOSED"], roles: ["ADMIN", "UNION_CHAIR"] },
  close: { states: ["APPEALS"], roles: ["ADMIN", "UNION_CHAIR"], to: "CLOSED" },
  amend: { states: ["APPEALS", "CLOSED"], roles: ["ADMIN", "UNION_CHAIR"] },
  recuse: { states: ["SELF_ASSESSMENT", "GROUP_SCORING", "COUNCIL_REVIEW"], roles: ["ADMIN", "PRINCIPAL", "UNION_CHAIR", "GROUP_LEADER"] },
  uploadEvidence: { states: ["SELF_ASSESSMENT", "GROUP_SCORING", "COUNCIL_REVIEW"], roles: ["ADMIN", "UNION_CHAIR", "GROUP_LEADER", "MEMBER"] },
};

describe("campaign state machine: every state × action × role", () => {
  it("covers every action of the rules", () => {
    expect(Object.keys(CAMPAIGN_TABLE).sort()).toEqual(Object.keys(CAMPAIGN_RULES).sort());
  });
  for (const [action, row] of Object.entries(CAMPAIGN_TABLE) as [CampaignAction, (typeof CAMPAIGN_TABLE)[CampaignAction]][]) {
    it(`${action}`, () => {
      for (const role of ROLES)
        for (const state of CAMPAIGN_STATES) {
          const d = decideCampaign(state, action, roleMay(role));
          const expected = !row.roles.includes(role) ? { ok: false, code: "FORBIDDEN" } : !row.states.includes(state) ? { ok: false, code: "STATE" } : { ok: true, next: row.to ?? state };
          expect(d, `${role} ${action} in ${state}`).toEqual(expected);
        }
    });
  }
  it("a closed campaign accepts nothing", () => {
    for (const action of Object.keys(CAMPAIGN_RULES) as CampaignAction[]) expect(decideCampaign("CLOSED", action, () => true).ok).toBe(false);
  });
});

describe("scoring period state machine: every state × action × role", () => {
  it("covers every action of the rules", () => {
    expect(Object.keys(PERIOD_TABLE).sort()).toEqual(Object.keys(PERIOD_RULES).sort());
  });
  for (const [action, row] of Object.entries(PERIOD_TABLE) as [PeriodAction, (typeof PERIOD_TABLE)[PeriodAction]][]) {
    it(`${action}`, () => {
      for (const role of ROLES)
        for (const state of PERIOD_STATES) {
          const d = decidePeriod(state, action, roleMay(role));
          const expected = !row.roles.includes(role) ? { ok: false, code: "FORBIDDEN" } : !row.states.includes(state) ? { ok: false, code: "STATE" } : { ok: true, next: row.to ?? state };
          expect(d, `${role} ${action} in ${state}`).toEqual(expected);
        }
    });
  }
  it("each seal confirms the stage being entered and moves to the state the rules name", () => {
    for (const [state, seal] of Object.entries(SEAL_ACTION)) {
      expect(PERIOD_RULES[seal!.action].from).toEqual([state]);
      expect(PERIOD_RULES[seal!.action].to).toBe(seal!.next);
      expect(ACTIVE_STAGE[state as PeriodState]).toBe(seal!.stage);
    }
  });
  it("numbers can only be entered in their own stage; after confirmation only amendments", () => {
    const all = () => true;
    for (const s of ["APPEALS", "CLOSED"] as PeriodState[]) {
      for (const a of ["enterSelf", "enterGroup", "enterCouncil"] as PeriodAction[]) expect(decidePeriod(s, a, all).ok).toBe(false);
      expect(decidePeriod(s, "amend", all).ok).toBe(true);
    }
  });
});

describe("segregation of duties", () => {
  it("nobody scores themselves above self-assessment, nor self-assesses for another", () => {
    expect(selfScoringRefusal("SELF", "m1", "m1")).toBeNull();
    expect(selfScoringRefusal("SELF", "m2", "m1")).not.toBeNull();
    expect(selfScoringRefusal("SELF", null, "m1")).not.toBeNull();
    expect(selfScoringRefusal("GROUP", "m1", "m1")).toContain("chính mình");
    expect(selfScoringRefusal("COUNCIL", "m1", "m1")).toContain("chính mình");
    expect(selfScoringRefusal("GROUP", "m2", "m1")).toBeNull();
    expect(selfScoringRefusal("COUNCIL", null, "m1")).toBeNull();
  });
});

describe("deadlines and audience", () => {
  it("registration is open through the whole deadline day in Vietnam time", () => {
    const deadline = new Date(Date.UTC(2025, 9, 15)); // 15/10/2025
    expect(registrationOpen(deadline, new Date("2025-10-15T16:59:00Z"))).toBe(true); // 23:59 +07
    expect(registrationOpen(deadline, new Date("2025-10-15T17:00:00Z"))).toBe(false); // 00:00 16/10 +07
    expect(registrationOpen(null)).toBe(true);
  });
  it("appeals are taken until the chair's deadline, and never without one", () => {
    const d = new Date("2026-01-20T10:00:00Z");
    expect(appealOpen(d, new Date("2026-01-20T09:59:00Z"))).toBe(true);
    expect(appealOpen(d, new Date("2026-01-20T10:01:00Z"))).toBe(false);
    expect(appealOpen(null)).toBe(false);
  });
  it("a period is not closed while an appeal is open or the window runs; the refusal says until when (Vietnam day)", () => {
    const deadline = new Date("2026-12-10T16:59:59.999Z"); // end of 10/12/2026, +07
    expect(closeRefusal(deadline, 0, new Date("2026-12-10T16:00:00Z"))).toBe("Đang trong thời hạn nhận khiếu nại (đến hết ngày 10/12/2026); chỉ khóa sổ sau hạn này.");
    expect(closeRefusal(deadline, 2, new Date("2026-12-11T01:00:00Z"))).toBe("Còn 2 khiếu nại chưa giải quyết.");
    expect(closeRefusal(deadline, 1, new Date("2026-12-09T01:00:00Z"))).toContain("Còn 1 khiếu nại chưa giải quyết. Đang trong thời hạn");
    expect(closeRefusal(deadline, 0, new Date("2026-12-10T17:00:00Z"))).toBeNull();
  });
  it("women's movements count women; teachers-only counts teaching positions; people who left are out", () => {
    const woman = { gender: "NU" as const, position: "Kế toán", status: "ACTIVE" };
    const man = { gender: "NAM" as const, position: "Giáo viên chủ nhiệm", status: "ACTIVE" };
    expect(inAudience("WOMEN", woman)).toBe(true);
    expect(inAudience("WOMEN", man)).toBe(false);
    expect(inAudience("TEACHERS", woman)).toBe(false);
    expect(inAudience("TEACHERS", man)).toBe(true);
    expect(inAudience("TEACHERS", { ...man, position: "Tổ trưởng chuyên môn" })).toBe(true);
    expect(inAudience("ALL_MEMBERS", { ...man, status: "LEFT" })).toBe(false);
    expect(inAudience("ALL_MEMBERS", { ...woman, status: "MATERNITY_LEAVE" })).toBe(true);
  });
});
