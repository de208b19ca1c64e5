// The coordination plan workflow as a pure state machine (SECURITY.md "Workflows"): every
// mutation asks planTransition() before it writes, and tests/unit/plans-rules.test.ts walks
// the whole (state × action × role) table.
//
//   DRAFT ──submit──▶ SUBMITTED ──sign_gov──▶ SIGNED_GOV ──sign_union──▶ SIGNED
//     ▲                   │  └──sign_union──▶ SIGNED_UNION ──sign_gov──┘
//     └──withdraw/return──┘ (from any not-yet-complete signing state; signatures are cleared)
//   SIGNED ──amend──▶ (a new DRAFT revision; the signed one never changes)
import type { Capability, Viewer } from "../authz/permissions";
import { holdsHere } from "../authz/decide";
import { formatDate } from "../format";
import { todayVN } from "../time";

/** The machine's states: the stored status plus which side has signed. */
export const PLAN_STATES = ["DRAFT", "SUBMITTED", "SIGNED_GOV", "SIGNED_UNION", "SIGNED"] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_ACTIONS = ["edit", "comment", "submit", "withdraw", "return", "sign_gov", "sign_union", "amend"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * Who acts on this plan. PRINCIPAL / UNION_CHAIR: the school's principal and union chair;
 * UNIT_STAFF: an upper unit's staff on their own unit's plan (they draft it and record both
 * signatures, the counterpart's included); READER: everybody else who may read (members,
 * upper-unit staff on a school's plan, admins: an admin never signs for a school).
 */
export const PLAN_ROLES = ["PRINCIPAL", "UNION_CHAIR", "UNIT_STAFF", "READER"] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];

/**
 * Each party by the capabilities that make it (issue 10: workflows ask capabilities, not role
 * names), held at the plan's own school (or over its unit) – never through an admin's blanket
 * grant, since a party signs in their own name (lib/authz/decide.ts holdsHere).
 */
export const PLAN_PARTY_CAPS: Record<Exclude<PlanRole, "READER">, { place: "school" | "unit"; caps: readonly Capability[] }> = {
  PRINCIPAL: { place: "school", caps: ["plan.edit", "plan.sign_school"] },
  UNION_CHAIR: { place: "school", caps: ["plan.sign_union"] },
  UNIT_STAFF: { place: "unit", caps: ["plan.manage_unit"] },
};

/**
 * The workflow parties the viewer is on this plan (PLAN_PARTY_CAPS): the capabilities held at the
 * plan's own school, or over its unit for a unit plan (lib/authz/decide.ts holdsHere: pure, no I/O).
 */
export function planRolesOf(viewer: Viewer, plan: { schoolId: string | null; organisationId: string | null }): PlanRole[] {
  const roles = (Object.keys(PLAN_PARTY_CAPS) as (keyof typeof PLAN_PARTY_CAPS)[]).filter((party) => {
    const { place, caps } = PLAN_PARTY_CAPS[party];
    const here = place === "school" ? (plan.schoolId ? { schoolId: plan.schoolId } : null) : !plan.schoolId && plan.organisationId ? { unitId: plan.organisationId } : null;
    return !!here && caps.every((c) => holdsHere(viewer, c, here));
  });
  return roles.length ? roles : ["READER"];
}

type Rule = { from: readonly PlanState[]; roles: readonly PlanRole[]; to: PlanState | "same" | "new_draft" };

const SIGNING: readonly PlanState[] = ["SUBMITTED", "SIGNED_GOV", "SIGNED_UNION"];

const RULES: Record<PlanAction, Rule> = {
  edit: { from: ["DRAFT"], roles: ["PRINCIPAL", "UNIT_STAFF"], to: "same" },
  comment: { from: ["DRAFT", ...SIGNING], roles: ["PRINCIPAL", "UNION_CHAIR", "UNIT_STAFF"], to: "same" },
  submit: { from: ["DRAFT"], roles: ["PRINCIPAL", "UNIT_STAFF"], to: "SUBMITTED" },
  withdraw: { from: SIGNING, roles: ["PRINCIPAL", "UNIT_STAFF"], to: "DRAFT" },
  return: { from: SIGNING, roles: ["UNION_CHAIR"], to: "DRAFT" },
  sign_gov: { from: ["SUBMITTED", "SIGNED_UNION"], roles: ["PRINCIPAL", "UNIT_STAFF"], to: "same" },
  sign_union: { from: ["SUBMITTED", "SIGNED_GOV"], roles: ["UNION_CHAIR", "UNIT_STAFF"], to: "same" },
  amend: { from: ["SIGNED"], roles: ["PRINCIPAL", "UNIT_STAFF"], to: "new_draft" },
};

export type Transition =
  | { ok: true; to: PlanState; newDraft: boolean }
  | { ok: false; reason: "role" | "state" };

function afterSigning(state: PlanState, side: "gov" | "union"): PlanState {
  if (side === "gov") return state === "SIGNED_UNION" ? "SIGNED" : "SIGNED_GOV";
  return state === "SIGNED_GOV" ? "SIGNED" : "SIGNED_UNION";
}

/** May `role` do `action` to a plan in `state`, and where does it lead? */
export function planTransition(state: PlanState, action: PlanAction, role: PlanRole): Transition {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: "role" };
  if (!rule.from.includes(state)) return { ok: false, reason: "state" };
  if (action === "sign_gov") return { ok: true, to: afterSigning(state, "gov"), newDraft: false };
  if (action === "sign_union") return { ok: true, to: afterSigning(state, "union"), newDraft: false };
  if (rule.to === "same") return { ok: true, to: state, newDraft: false };
  if (rule.to === "new_draft") return { ok: true, to: "DRAFT", newDraft: true };
  return { ok: true, to: rule.to, newDraft: false };
}

/** Every action `role` may take now (to show buttons). */
export function allowedActions(state: PlanState, roles: readonly PlanRole[]): PlanAction[] {
  return PLAN_ACTIONS.filter((a) => roles.some((r) => planTransition(state, a, r).ok));
}

/** The machine state of a stored plan. */
export function planState(p: { status: "DRAFT" | "SUBMITTED" | "SIGNED"; govSignedAt: Date | null; unionSignedAt: Date | null }): PlanState {
  if (p.status !== "SUBMITTED") return p.status;
  if (p.govSignedAt && p.unionSignedAt) return "SIGNED";
  if (p.govSignedAt) return "SIGNED_GOV";
  if (p.unionSignedAt) return "SIGNED_UNION";
  return "SUBMITTED";
}

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  DRAFT: "Dự thảo",
  SUBMITTED: "Trình ký",
  SIGNED_GOV: "Trình ký – nhà trường đã ký",
  SIGNED_UNION: "Trình ký – công đoàn đã ký",
  SIGNED: "Đã ký kết",
};

/** The signed amendment that replaced a signed plan: its revision and the day it was signed (Vietnam's calendar). */
export interface Replacement {
  revision: number;
  on: Date;
}

/**
 * A signed plan is replaced once its amendment is signed too (an amendment still being drafted
 * or signed leaves the plan in force). Null when the plan is not replaced.
 */
export function replacementOf(p: { status: string; amendedBy: { revision: number; status: string; signedAt: Date | null } | null }): Replacement | null {
  const a = p.amendedBy;
  if (p.status !== "SIGNED" || !a || a.status !== "SIGNED" || !a.signedAt) return null;
  return { revision: a.revision, on: todayVN(a.signedAt) };
}

/** "Đã được thay thế bởi phiên bản 2 ngày 10/12/2026": shown instead of "Đã ký kết". */
export function replacementLabel(r: Replacement): string {
  return `Đã được thay thế bởi phiên bản ${r.revision} ngày ${formatDate(r.on)}`;
}

export const PLAN_ACTION_LABELS: Record<PlanAction, string> = {
  edit: "Sửa dự thảo",
  comment: "Góp ý",
  submit: "Trình ký",
  withdraw: "Rút về dự thảo",
  return: "Trả lại để sửa",
  sign_gov: "Ký (nhà trường)",
  sign_union: "Ký (công đoàn)",
  amend: "Lập bản sửa đổi",
};

/**
 * Deadline for a school's plan of a school year: 31 October of the year's first calendar year
 * [practice: upper units ask for the signed plan after the staff conference, held in
 * September–October (DOMAIN.md §2)]. A plan not signed by then is shown as late.
 */
export const PLAN_DEADLINE = { month: 10, day: 31 } as const;

export function planDeadline(schoolYearStart: Date): Date {
  return new Date(Date.UTC(schoolYearStart.getUTCFullYear(), PLAN_DEADLINE.month - 1, PLAN_DEADLINE.day, 23, 59, 59));
}

export type UnitPlanStatus = "NONE" | "DRAFT" | "SUBMITTED" | "SIGNED";

export const UNIT_PLAN_STATUS_LABELS: Record<UnitPlanStatus, string> = {
  NONE: "Chưa có",
  DRAFT: "Dự thảo",
  SUBMITTED: "Trình ký",
  SIGNED: "Đã ký kết",
};

/**
 * A school's standing for the upper unit: the best state any revision reached (a signed plan
 * being amended still counts as signed), and whether it is late (not signed after the
 * deadline, or signed after it).
 */
export function schoolPlanStanding(
  revisions: { status: "DRAFT" | "SUBMITTED" | "SIGNED"; signedAt: Date | null }[],
  schoolYearStart: Date,
  now: Date,
): { status: UnitPlanStatus; late: boolean; signedAt: Date | null } {
  const deadline = planDeadline(schoolYearStart);
  const signed = revisions.filter((r) => r.status === "SIGNED" && r.signedAt).sort((a, b) => a.signedAt!.getTime() - b.signedAt!.getTime());
  if (signed.length) return { status: "SIGNED", late: signed[0].signedAt!.getTime() > deadline.getTime(), signedAt: signed[0].signedAt };
  const status: UnitPlanStatus = revisions.some((r) => r.status === "SUBMITTED") ? "SUBMITTED" : revisions.length ? "DRAFT" : "NONE";
  return { status, late: now.getTime() > deadline.getTime(), signedAt: null };
}
