// A scoring period's workflow as an explicit state machine (SECURITY.md "Workflows"): members
// self-assess → the union group scores → the council settles → appeals window → closed. Each
// "seal" confirms a stage and writes its sealed snapshot. Pure; tests read the table.
import type { PeriodState, ScoreStageKind } from "../generated/prisma/enums";
import type { Capability } from "../authz/permissions";
import type { Decision } from "../campaigns/rules";
import { formatDate } from "../format";
import { todayVN } from "../time";

export const PERIOD_STATE_LABELS: Record<PeriodState, string> = {
  SELF_ASSESSMENT: "Đoàn viên tự chấm",
  GROUP_SCORING: "Tổ công đoàn chấm",
  COUNCIL_REVIEW: "Hội đồng xét",
  APPEALS: "Đã xác nhận – nhận khiếu nại",
  CLOSED: "Đã khóa sổ",
};

export const STAGE_LABELS: Record<ScoreStageKind, string> = {
  SELF: "Tự chấm",
  GROUP: "Tổ chấm",
  COUNCIL: "Hội đồng",
};

export type PeriodAction =
  | "enterSelf"
  | "enterGroup"
  | "enterCouncil"
  | "sealSelf"
  | "sealGroup"
  | "sealCouncil"
  | "appeal"
  | "resolveAppeal"
  | "close"
  | "amend"
  | "recuse"
  | "uploadEvidence";

interface Rule {
  from: PeriodState[];
  to?: PeriodState;
  /** Any one of these capabilities. */
  caps: Capability[];
}

export const PERIOD_RULES: Record<PeriodAction, Rule> = {
  enterSelf: { from: ["SELF_ASSESSMENT"], caps: ["scoring.self"] },
  enterGroup: { from: ["GROUP_SCORING"], caps: ["scoring.group"] },
  enterCouncil: { from: ["COUNCIL_REVIEW"], caps: ["scoring.council"] },
  sealSelf: { from: ["SELF_ASSESSMENT"], to: "GROUP_SCORING", caps: ["scoring.manage"] },
  sealGroup: { from: ["GROUP_SCORING"], to: "COUNCIL_REVIEW", caps: ["scoring.manage"] },
  // The council's chair (the principal) confirms the council's numbers; so may the union chair who runs the period.
  sealCouncil: { from: ["COUNCIL_REVIEW"], to: "APPEALS", caps: ["scoring.seal_council"] },
  appeal: { from: ["APPEALS"], caps: ["appeal.create"] },
  resolveAppeal: { from: ["APPEALS", "CLOSED"], caps: ["appeal.resolve"] },
  close: { from: ["APPEALS"], to: "CLOSED", caps: ["scoring.manage"] },
  // After the council confirmed, numbers are frozen: a change is an amendment with a reason.
  amend: { from: ["APPEALS", "CLOSED"], caps: ["scoring.manage"] },
  recuse: { from: ["SELF_ASSESSMENT", "GROUP_SCORING", "COUNCIL_REVIEW"], caps: ["scoring.group", "scoring.council"] },
  uploadEvidence: { from: ["SELF_ASSESSMENT", "GROUP_SCORING", "COUNCIL_REVIEW"], caps: ["evidence.upload"] },
};

export const ENTER_ACTION: Record<ScoreStageKind, PeriodAction> = { SELF: "enterSelf", GROUP: "enterGroup", COUNCIL: "enterCouncil" };
export const SEAL_ACTION: Partial<Record<PeriodState, { action: PeriodAction; stage: ScoreStageKind; next: PeriodState }>> = {
  SELF_ASSESSMENT: { action: "sealSelf", stage: "SELF", next: "GROUP_SCORING" },
  GROUP_SCORING: { action: "sealGroup", stage: "GROUP", next: "COUNCIL_REVIEW" },
  COUNCIL_REVIEW: { action: "sealCouncil", stage: "COUNCIL", next: "APPEALS" },
};
/** Every capability that seals some stage (the gate and the period lookup of sealStage). */
export const SEAL_CAPS: readonly Capability[] = [...new Set(Object.values(SEAL_ACTION).flatMap((s) => PERIOD_RULES[s.action].caps))];
/** The stage being entered in each state (none once confirmed). */
export const ACTIVE_STAGE: Partial<Record<PeriodState, ScoreStageKind>> = { SELF_ASSESSMENT: "SELF", GROUP_SCORING: "GROUP", COUNCIL_REVIEW: "COUNCIL" };

export function decidePeriod(state: PeriodState, action: PeriodAction, may: (cap: Capability) => boolean): Decision<PeriodState> {
  const rule = PERIOD_RULES[action];
  if (!rule.caps.some(may)) return { ok: false, code: "FORBIDDEN" };
  if (!rule.from.includes(state)) return { ok: false, code: "STATE" };
  return { ok: true, next: rule.to ?? state };
}

/**
 * Segregation of duties: nobody scores themselves at a stage above self-assessment, and nobody
 * self-assesses for someone else. Returns a Vietnamese refusal or null.
 */
export function selfScoringRefusal(stage: ScoreStageKind, scorerMemberId: string | null, sheetMemberId: string): string | null {
  const own = scorerMemberId !== null && scorerMemberId === sheetMemberId;
  if (stage === "SELF" && !own) return "Chỉ đoàn viên mới tự chấm phiếu của mình.";
  if (stage !== "SELF" && own) return "Không ai chấm phiếu của chính mình ở bước tổ chấm hoặc hội đồng; phiếu này do người khác chấm.";
  return null;
}

/** Appeals are taken until the end of the deadline (a moment chosen by the chair). */
export function appealOpen(deadline: Date | null, now = new Date()): boolean {
  return !!deadline && now.getTime() <= deadline.getTime();
}

/**
 * Why a period cannot be closed yet, or null: an appeal still open, or the appeal window still
 * running (a member may still appeal). The deadline is shown as Vietnam's calendar day.
 */
export function closeRefusal(deadline: Date | null, openAppeals: number, now = new Date()): string | null {
  const parts: string[] = [];
  if (openAppeals > 0) parts.push(`Còn ${openAppeals} khiếu nại chưa giải quyết.`);
  if (appealOpen(deadline, now)) parts.push(`Đang trong thời hạn nhận khiếu nại (đến hết ngày ${formatDate(todayVN(deadline!))}); chỉ khóa sổ sau hạn này.`);
  return parts.length ? parts.join(" ") : null;
}
