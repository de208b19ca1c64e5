// The nomination state machines: a table test of every (state, action, capability) (SECURITY.md).
// The workflow asks for capabilities, never role names (issue 10); which roles hold them is the
// permission table's business (tests/unit/permissions.test.ts).
import { describe, expect, it } from "vitest";
import {
  ITEM_ACTION_NAMES,
  ITEM_STATES,
  PACKAGE_ACTION_NAMES,
  PACKAGE_STATES,
  itemTransition,
  notSelfReview,
  packageStateAfterReview,
  packageTransition,
  type ItemAction,
  type ItemState,
  type PackageAction,
  type PackageState,
} from "@/lib/awards/workflow";
import { CAPABILITIES, type Capability } from "@/lib/authz/permissions";

const CAPS: readonly Capability[] = CAPABILITIES;
const SCHOOL: Capability[] = ["nomination.manage"];
const UPPER: Capability[] = ["nomination.review"];
const DECIDER: Capability[] = ["decision.issue"];
/** Union forms are proposed by the union chair (DOMAIN.md §5), not by whoever manages the package. */
const UNION_PROPOSER: Capability[] = ["nomination.propose_union"];

/** The expected item machine, written out independently of the implementation. */
const ITEM_EXPECTED: Record<ItemAction, { who: Capability[]; moves: Partial<Record<ItemState, ItemState>> }> = {
  edit: { who: SCHOOL, moves: { DRAFT: "DRAFT", RETURNED: "RETURNED" } },
  withdraw: { who: SCHOOL, moves: { DRAFT: "WITHDRAWN", POSTED: "WITHDRAWN", RETURNED: "WITHDRAWN" } },
  post: { who: SCHOOL, moves: { DRAFT: "POSTED" } },
  unpost: { who: SCHOOL, moves: { POSTED: "DRAFT" } },
  submit: { who: UNION_PROPOSER, moves: { POSTED: "SUBMITTED" } },
  resubmit: { who: UNION_PROPOSER, moves: { RETURNED: "SUBMITTED" } },
  return: { who: UPPER, moves: { SUBMITTED: "RETURNED" } },
  approve: { who: UPPER, moves: { SUBMITTED: "APPROVED" } },
  approveChanged: { who: UPPER, moves: { SUBMITTED: "APPROVED_CHANGED" } },
  reject: { who: UPPER, moves: { SUBMITTED: "REJECTED" } },
  decide: { who: DECIDER, moves: { APPROVED: "DECIDED", APPROVED_CHANGED: "DECIDED", REVOKED: "DECIDED" } },
  revoke: { who: DECIDER, moves: { DECIDED: "REVOKED" } },
  // Government route (issue 12): the principal records the state authority's decision.
  recordState: { who: ["decision.record_external"], moves: { SUBMITTED: "DECIDED", REVOKED: "DECIDED" } },
  // …and its revocation, after which a new decision may be recorded (ADR 0010).
  revokeState: { who: ["decision.record_external"], moves: { DECIDED: "REVOKED" } },
  // The school union's BCH decides its own forms for the posted nominees, and again after a revocation.
  decideSchool: { who: DECIDER, moves: { POSTED: "DECIDED", REVOKED: "DECIDED" } },
};

const PACKAGE_EXPECTED: Record<PackageAction, { who: Capability[]; moves: Partial<Record<PackageState, PackageState>> }> = {
  edit: { who: SCHOOL, moves: { DRAFT: "DRAFT", RETURNED: "RETURNED" } },
  post: { who: SCHOOL, moves: { DRAFT: "POSTED" } },
  unpost: { who: SCHOOL, moves: { POSTED: "DRAFT" } },
  submit: { who: UNION_PROPOSER, moves: { POSTED: "SUBMITTED" } },
  resubmit: { who: UNION_PROPOSER, moves: { RETURNED: "SUBMITTED" } },
  review: { who: UPPER, moves: { SUBMITTED: "SUBMITTED" } },
  decide: { who: DECIDER, moves: { REVIEWED: "DECIDED" } },
  split: { who: SCHOOL, moves: { POSTED: "POSTED" } },
  send: { who: ["nomination.propose_state"], moves: { POSTED: "SUBMITTED" } },
};

describe("nominee (item) state machine: every state × action × capability", () => {
  const rows = ITEM_STATES.flatMap((state) => ITEM_ACTION_NAMES.flatMap((action) => CAPS.map((cap) => [state, action, cap] as const)));
  it.each(rows)("%s · %s · %s", (state, action, cap) => {
    const exp = ITEM_EXPECTED[action];
    const r = itemTransition(state, action, [cap]);
    const to = exp.moves[state];
    if (exp.who.includes(cap) && to) expect(r).toEqual({ ok: true, to });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
    }
  });
  it("covers every state and action", () => {
    expect(rows.length).toBe(ITEM_STATES.length * ITEM_ACTION_NAMES.length * CAPS.length);
  });
  it("refusals name the state in Vietnamese", () => {
    const r = itemTransition("DECIDED", "edit", ["nomination.manage"]);
    expect(r).toEqual({ ok: false, reason: 'Không thể "sửa" khi hồ sơ ở trạng thái "Đã có quyết định".' });
    expect(itemTransition("SUBMITTED", "approve", ["nomination.manage"])).toEqual({ ok: false, reason: 'Vai trò của bạn không được "duyệt".' });
  });
  it("a viewer with several capabilities may act by any of them; none is refused", () => {
    expect(itemTransition("DRAFT", "post", ["nomination.public", "nomination.manage"]).ok).toBe(true);
    expect(itemTransition("DRAFT", "post", []).ok).toBe(false);
  });
});

describe("package state machine: every state × action × capability", () => {
  const rows = PACKAGE_STATES.flatMap((state) => PACKAGE_ACTION_NAMES.flatMap((action) => CAPS.map((cap) => [state, action, cap] as const)));
  it.each(rows)("%s · %s · %s", (state, action, cap) => {
    const exp = PACKAGE_EXPECTED[action];
    const r = packageTransition(state, action, [cap]);
    const to = exp.moves[state];
    if (exp.who.includes(cap) && to) expect(r).toEqual({ ok: true, to });
    else expect(r.ok).toBe(false);
  });
});

describe("package state after review", () => {
  it("waits while a nominee is under review, returns when settled with returns, then reviewed, then decided", () => {
    expect(packageStateAfterReview([{ status: "SUBMITTED" }, { status: "RETURNED" }], "SUBMITTED")).toBe("SUBMITTED");
    expect(packageStateAfterReview([{ status: "APPROVED" }, { status: "RETURNED" }], "SUBMITTED")).toBe("RETURNED");
    expect(packageStateAfterReview([{ status: "APPROVED" }, { status: "REJECTED" }, { status: "WITHDRAWN" }], "SUBMITTED")).toBe("REVIEWED");
    expect(packageStateAfterReview([{ status: "DECIDED" }, { status: "REJECTED" }], "REVIEWED")).toBe("DECIDED");
    expect(packageStateAfterReview([{ status: "REJECTED" }], "SUBMITTED")).toBe("REVIEWED");
  });
});

describe("segregation of duties", () => {
  it("nobody reviews their own nomination", () => {
    expect(notSelfReview("m1", "m1")).toBe(false);
    expect(notSelfReview("m1", "m2")).toBe(true);
    expect(notSelfReview(null, "m2")).toBe(true);
  });
});
