// The nomination workflow as explicit state machines (SECURITY.md "Workflows and decisions"):
// one for each nominee (item) and one for the package. The server asks transition() before every
// state change and writes it as a conditional update on the old state; a table test covers every
// (state, action, role). Each step asks for a capability (lib/authz/permissions.ts), never a role
// name: callers pass the capabilities the viewer holds over the package (capsAt in lib/authz/decide.ts).
import type { Capability } from "../authz/permissions";

export const ITEM_STATES = ["DRAFT", "POSTED", "SUBMITTED", "RETURNED", "APPROVED", "APPROVED_CHANGED", "REJECTED", "DECIDED", "REVOKED", "WITHDRAWN"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  DRAFT: "Dự thảo",
  POSTED: "Đang công khai",
  SUBMITTED: "Đã gửi cấp trên",
  RETURNED: "Bị trả lại để bổ sung",
  APPROVED: "Cấp trên đã duyệt",
  APPROVED_CHANGED: "Duyệt ở hình thức/cấp khác",
  REJECTED: "Không duyệt",
  DECIDED: "Đã có quyết định",
  REVOKED: "Đã thu hồi",
  WITHDRAWN: "Đã rút khỏi danh sách",
};

export const PACKAGE_STATES = ["DRAFT", "POSTED", "SUBMITTED", "RETURNED", "REVIEWED", "DECIDED"] as const;
export type PackageState = (typeof PACKAGE_STATES)[number];

export const PACKAGE_STATE_LABELS: Record<PackageState, string> = {
  DRAFT: "Dự thảo",
  POSTED: "Đang công khai",
  SUBMITTED: "Đã gửi, chờ duyệt",
  RETURNED: "Bị trả lại",
  REVIEWED: "Đã duyệt xong",
  DECIDED: "Đã có quyết định",
};

/** The school prepares and submits its package (principal, union chair). */
const SCHOOL: readonly Capability[] = ["nomination.manage"];
/** The upper unit reviews… */
const UPPER: readonly Capability[] = ["nomination.review"];
/** …and decides (or revokes) by a decision it issues. */
const DECIDER: readonly Capability[] = ["decision.issue"];
/** The union route (issue 12, DOMAIN.md §5): the union chair proposes union forms to the upper union. */
const UNION_PROPOSER: readonly Capability[] = ["nomination.propose_union"];
/** The government route (issue 12): the principal proposes to the state authority… */
const PROPOSER: readonly Capability[] = ["nomination.propose_state"];
/** …and records the authority's decision. */
const RECORDER: readonly Capability[] = ["decision.record_external"];

interface Rule<S extends string> {
  from: readonly S[];
  /** null: the state stays (an edit). */
  to: S | null;
  /** Any one of these capabilities over the package allows the step. */
  caps: readonly Capability[];
  label: string;
}

export const ITEM_ACTIONS = {
  edit: { from: ["DRAFT", "RETURNED"], to: null, caps: SCHOOL, label: "Sửa" },
  withdraw: { from: ["DRAFT", "POSTED", "RETURNED"], to: "WITHDRAWN", caps: SCHOOL, label: "Rút khỏi danh sách" },
  post: { from: ["DRAFT"], to: "POSTED", caps: SCHOOL, label: "Công khai" },
  unpost: { from: ["POSTED"], to: "DRAFT", caps: SCHOOL, label: "Thôi công khai để sửa" },
  submit: { from: ["POSTED"], to: "SUBMITTED", caps: UNION_PROPOSER, label: "Gửi cấp trên" },
  resubmit: { from: ["RETURNED"], to: "SUBMITTED", caps: UNION_PROPOSER, label: "Gửi lại" },
  return: { from: ["SUBMITTED"], to: "RETURNED", caps: UPPER, label: "Trả lại để bổ sung" },
  approve: { from: ["SUBMITTED"], to: "APPROVED", caps: UPPER, label: "Duyệt" },
  approveChanged: { from: ["SUBMITTED"], to: "APPROVED_CHANGED", caps: UPPER, label: "Duyệt ở hình thức/cấp khác" },
  reject: { from: ["SUBMITTED"], to: "REJECTED", caps: UPPER, label: "Không duyệt" },
  // REVOKED: after a revocation the nominee may be decided again (the revoked award stays).
  decide: { from: ["APPROVED", "APPROVED_CHANGED", "REVOKED"], to: "DECIDED", caps: DECIDER, label: "Ra quyết định" },
  revoke: { from: ["DECIDED"], to: "REVOKED", caps: DECIDER, label: "Thu hồi quyết định" },
  // REVOKED: after the authority revoked its decision (recorded by the school), a new one may be recorded.
  recordState: { from: ["SUBMITTED", "REVOKED"], to: "DECIDED", caps: RECORDER, label: "Ghi nhận quyết định của cơ quan nhà nước" },
  revokeState: { from: ["DECIDED"], to: "REVOKED", caps: RECORDER, label: "Ghi nhận thu hồi quyết định của cơ quan nhà nước" },
  // The school union's own BCH decides its forms (GK_CDCS…) for nominees the council voted and the
  // school posted (no upper review); or again after its decision was revoked.
  decideSchool: { from: ["POSTED", "REVOKED"], to: "DECIDED", caps: DECIDER, label: "Ra quyết định của Ban Chấp hành công đoàn cơ sở" },
} as const satisfies Record<string, Rule<ItemState>>;
export type ItemAction = keyof typeof ITEM_ACTIONS;
export const ITEM_ACTION_NAMES = Object.keys(ITEM_ACTIONS) as ItemAction[];

export const PACKAGE_ACTIONS = {
  edit: { from: ["DRAFT", "RETURNED"], to: null, caps: SCHOOL, label: "Sửa hồ sơ" },
  post: { from: ["DRAFT"], to: "POSTED", caps: SCHOOL, label: "Công khai danh sách" },
  unpost: { from: ["POSTED"], to: "DRAFT", caps: SCHOOL, label: "Thôi công khai để sửa" },
  submit: { from: ["POSTED"], to: "SUBMITTED", caps: UNION_PROPOSER, label: "Gửi cấp trên" },
  resubmit: { from: ["RETURNED"], to: "SUBMITTED", caps: UNION_PROPOSER, label: "Gửi lại cấp trên" },
  review: { from: ["SUBMITTED"], to: null, caps: UPPER, label: "Xét duyệt" },
  decide: { from: ["REVIEWED"], to: "DECIDED", caps: DECIDER, label: "Ra quyết định" },
  split: { from: ["POSTED"], to: null, caps: SCHOOL, label: "Tách hồ sơ theo cấp quyết định" },
  send: { from: ["POSTED"], to: "SUBMITTED", caps: PROPOSER, label: "Gửi hồ sơ đến cơ quan nhà nước" },
} as const satisfies Record<string, Rule<PackageState>>;
export type PackageAction = keyof typeof PACKAGE_ACTIONS;
export const PACKAGE_ACTION_NAMES = Object.keys(PACKAGE_ACTIONS) as PackageAction[];

export type TransitionResult<S> = { ok: true; to: S } | { ok: false; reason: string };

function run<S extends string>(rules: Record<string, Rule<S>>, labels: Record<S, string>, state: S, action: string, caps: readonly Capability[]): TransitionResult<S> {
  const rule = rules[action];
  if (!rule) return { ok: false, reason: "Thao tác không tồn tại." };
  if (!caps.some((c) => rule.caps.includes(c))) return { ok: false, reason: `Vai trò của bạn không được "${rule.label.toLowerCase()}".` };
  if (!rule.from.includes(state)) return { ok: false, reason: `Không thể "${rule.label.toLowerCase()}" khi hồ sơ ở trạng thái "${labels[state]}".` };
  return { ok: true, to: rule.to ?? state };
}

/** May a viewer holding `caps` over the nominee do `action` in `state`, and where does it go? */
export function itemTransition(state: ItemState, action: ItemAction, caps: readonly Capability[]): TransitionResult<ItemState> {
  return run<ItemState>(ITEM_ACTIONS as unknown as Record<string, Rule<ItemState>>, ITEM_STATE_LABELS, state, action, caps);
}

export function packageTransition(state: PackageState, action: PackageAction, caps: readonly Capability[]): TransitionResult<PackageState> {
  return run<PackageState>(PACKAGE_ACTIONS as unknown as Record<string, Rule<PackageState>>, PACKAGE_STATE_LABELS, state, action, caps);
}

/** Items still in play (not withdrawn). */
export function liveItems<T extends { status: ItemState }>(items: T[]): T[] {
  return items.filter((i) => i.status !== "WITHDRAWN");
}

/**
 * The package's state after its nominees were reviewed: still SUBMITTED while any waits, RETURNED
 * when the rest is settled and some were returned, REVIEWED when all are approved or rejected,
 * DECIDED once every approved one has its decision.
 */
export function packageStateAfterReview(items: { status: ItemState }[], current: PackageState): PackageState {
  const live = liveItems(items);
  if (current === "DRAFT" || current === "POSTED") return current;
  if (live.some((i) => i.status === "SUBMITTED")) return "SUBMITTED";
  if (live.some((i) => i.status === "RETURNED")) return "RETURNED";
  if (live.length && live.every((i) => ["DECIDED", "REVOKED", "REJECTED"].includes(i.status)) && live.some((i) => i.status !== "REJECTED")) return "DECIDED";
  return "REVIEWED";
}

/** Segregation of duties: nobody reviews or decides a nomination of themselves. */
export function notSelfReview(reviewerMemberId: string | null, nomineeMemberId: string | null): boolean {
  return !reviewerMemberId || !nomineeMemberId || reviewerMemberId !== nomineeMemberId;
}
