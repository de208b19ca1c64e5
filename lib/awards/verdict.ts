// The shape every rule returns (DESIGN.md "Rules as data and functions"): a verdict per title
// with one check per rule, each saying whether it passed, on what legal basis, and the data
// behind it, so that the UI, the documents and the tests show the same reasons.
import { titleName } from "./catalogue";
import type { SettingOf } from "./settings";

/** Named rules (DOMAIN.md §6 numbers in brackets). */
export type RuleId =
  | "grade-at-least" // [1]
  | "registered" // [1]
  | "no-discipline" // [1]
  | "absence-limit" // [1]
  | "months-employed" // [1]
  | "is-ldtt" // [2]
  | "needs-initiative" // [2]
  | "needs-htxsnv" // [2, practice]
  | "chain-cstdcs" // [3]
  | "chain-cstd-tinh" // [3]
  | "htxsnv-years" // [4]
  | "initiative-count" // [4]
  | "prior-provincial-bang-khen" // [4]
  | "no-open-case" // [5]
  | "one-achievement-one-award" // [6]
  | "women-only"
  | "subject-kind"
  | "ldtt-share" // [7, 8]
  | "no-member-disciplined" // [7]
  | "htnv-share" // [8]
  | "has-cstdcs" // [8]
  | "cstdcs-cap" // [9]
  | "htxsnv-cap" // [10]
  | "quota" // [11]
  | "odd-members" // [12]
  | "quorum" // [12]
  | "ballot-consistent" // [13]
  | "ballot-pass" // [13]
  | "scores-frozen" // [14]
  | "dossier" // [15]
  | "revocation" // [16]
  | "notice-period"
  | "deadline"
  | "objections-answered"
  | "council-vote"
  | "ldtt-proposed" // [2] CSTĐCS needs LĐTT held or proposed in the same period
  | "returned-changed" // a returned nominee changed before resubmission
  | "posting-date"; // công khai not before the council met or the last withdrawal

export interface Check {
  rule: RuleId;
  passed: boolean;
  /** Văn bản căn cứ (from the setting row used, or the law the rule itself rests on). */
  basis: string;
  /** One Vietnamese sentence with the numbers: "Nghỉ 12 ngày làm việc (< 40)". */
  detail: string;
  /** The data the check looked at. */
  data?: Record<string, unknown>;
}

export interface Verdict {
  title: string;
  titleName: string;
  eligible: boolean;
  /** The app only flags a candidate; the upper unit decides (CSTĐ cấp tỉnh, toàn quốc). */
  flagOnly?: boolean;
  reasons: Check[];
}

export function check(rule: RuleId, passed: boolean, basis: string, detail: string, data?: Record<string, unknown>): Check {
  return data ? { rule, passed, basis, detail, data } : { rule, passed, basis, detail };
}

/** A check resting on one setting: its basis comes from the setting row. */
export function settingCheck(rule: RuleId, passed: boolean, setting: SettingOf<unknown>, detail: string, data?: Record<string, unknown>): Check {
  return check(rule, passed, setting.basis, detail, data);
}

export function verdict(title: string, reasons: Check[], flagOnly = false): Verdict {
  const v: Verdict = { title, titleName: titleName(title), eligible: reasons.every((r) => r.passed), reasons };
  if (flagOnly) v.flagOnly = true;
  return v;
}

export function failedReasons(v: Verdict | Check[]): Check[] {
  return (Array.isArray(v) ? v : v.reasons).filter((r) => !r.passed);
}

/** "Không đạt: …; …" — the failed checks in one line, for lists and refusals. */
export function summarise(v: Verdict | Check[]): string {
  const failed = failedReasons(v);
  return failed.length ? failed.map((r) => r.detail).join("; ") : "Đạt tất cả điều kiện";
}
