// The nomination dossier (DOMAIN.md §6 rule 15), the gate before submission, and revocation (16).
import { titleEntry } from "./catalogue";
import { formatIsoDay } from "./facts";
import { addWorkingDays, WORKING_DAYS_BASIS } from "./rules-calendar";
import type { Settings } from "./settings";
import { check, settingCheck, type Check, type Verdict } from "./verdict";
import { legalBasisFor } from "../legal/decrees";
import { todayIsoVN } from "../time";

export const DOC_KINDS = ["TO_TRINH", "DANH_SACH", "BIEN_BAN_HOP", "BIEN_BAN_KIEM_PHIEU", "BAO_CAO_THANH_TICH", "BAN_SAO_QUYET_DINH", "CONG_NHAN_SANG_KIEN", "MINH_CHUNG"] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_LABELS: Record<DocKind, string> = {
  TO_TRINH: "Tờ trình đề nghị khen thưởng",
  DANH_SACH: "Danh sách đề nghị",
  BIEN_BAN_HOP: "Biên bản họp Hội đồng Thi đua – Khen thưởng",
  BIEN_BAN_KIEM_PHIEU: "Biên bản kiểm phiếu",
  BAO_CAO_THANH_TICH: "Báo cáo thành tích",
  BAN_SAO_QUYET_DINH: "Bản sao quyết định khen thưởng trước đó",
  CONG_NHAN_SANG_KIEN: "Giấy công nhận sáng kiến",
  MINH_CHUNG: "Minh chứng thành tích",
};

/** The dossier is filed under the decree in force the day it is filed (lib/legal/decrees.ts). */
const basisOn = (on: Date | string) => `Luật Thi đua, khen thưởng 2022; ${legalBasisFor(on).citation}: thành phần hồ sơ đề nghị khen thưởng`;

export interface DossierItem {
  id: string;
  nomineeName: string;
  titleCode: string;
}
export interface DossierDoc {
  kind: DocKind;
  /** The nominee the paper belongs to (null: the package). */
  itemId?: string | null;
}

/** What a nominee's title needs besides the package papers. */
export function docsNeededFor(titleCode: string): DocKind[] {
  const e = titleEntry(titleCode);
  const out: DocKind[] = [];
  if (e.needsAchievementReport) out.push("BAO_CAO_THANH_TICH", "MINH_CHUNG");
  if (["CSTD_TINH", "CSTD_TOAN_QUOC", "BK_TLD"].includes(titleCode)) out.push("BAN_SAO_QUYET_DINH");
  if (["CSTDCS", "CSTD_TINH", "CSTD_TOAN_QUOC", "BK_TLD"].includes(titleCode)) out.push("CONG_NHAN_SANG_KIEN");
  return out;
}

/** Rule 15: every paper the dossier needs, one check per missing paper (or one "complete" check). */
export function dossierRule(items: DossierItem[], docs: DossierDoc[], on: Date | string = todayIsoVN()): Check[] {
  const BASIS = basisOn(on);
  const has = (kind: DocKind, itemId: string | null = null) => docs.some((d) => d.kind === kind && (itemId === null ? !d.itemId : d.itemId === itemId));
  const missing: Check[] = [];
  const need: DocKind[] = ["TO_TRINH", "DANH_SACH", "BIEN_BAN_HOP"];
  if (items.some((i) => titleEntry(i.titleCode).secretBallot)) need.push("BIEN_BAN_KIEM_PHIEU");
  for (const k of need) if (!has(k)) missing.push(check("dossier", false, BASIS, `Thiếu ${DOC_LABELS[k].toLowerCase()}`, { kind: k }));
  for (const i of items) {
    for (const k of docsNeededFor(i.titleCode)) {
      if (!has(k, i.id)) missing.push(check("dossier", false, BASIS, `${i.nomineeName}: thiếu ${DOC_LABELS[k].toLowerCase()}`, { kind: k, itemId: i.id }));
    }
  }
  return missing.length ? missing : [check("dossier", true, BASIS, "Hồ sơ đủ thành phần")];
}

/**
 * The public posting (công khai) lasts N working days (setting "nomination.noticeDays"): the
 * posting day is not counted; weekends, public holidays and Tết are skipped (rules-calendar.ts).
 * Submission is possible the day after the N-th working day.
 */
export function noticePeriodRule(postedOn: string | null, today: string, s: Settings): Check {
  const days = s["nomination.noticeDays"];
  const last = postedOn ? addWorkingDays(postedOn, days.value) : null;
  const ok = !!last && today > last;
  const detail = !postedOn
    ? "Danh sách chưa được công khai"
    : ok
      ? `Đã công khai từ ${formatIsoDay(postedOn)} (đủ ${days.value} ngày làm việc, hết ngày ${formatIsoDay(last)})`
      : `Công khai từ ${formatIsoDay(postedOn)}, phải đủ ${days.value} ngày làm việc (hết ngày ${formatIsoDay(last)}, không tính thứ Bảy, Chủ nhật, ngày lễ, Tết)`;
  return settingCheck("notice-period", ok, { ...days, basis: `${days.basis}; ${WORKING_DAYS_BASIS}` }, detail, { postedOn, days: days.value, lastDay: last });
}

/**
 * The day a list is posted (công khai): not in the future, not before the council voted on it,
 * and, when an earlier posting was withdrawn to edit the list, not before that withdrawal: the
 * notice period then restarts from the new posting. Returns the refusal shown beside the field.
 */
export function postingDateRule(postedOn: string, x: { today: string; councilMetOn: string | null; withdrawnOn: string | null }): Check {
  const basis = "Quy chế dân chủ ở cơ sở: công khai danh sách sau khi Hội đồng Thi đua – Khen thưởng xét, đủ thời gian để mọi người góp ý";
  if (postedOn > x.today) return check("posting-date", false, basis, "Ngày công khai không được sau hôm nay.");
  if (x.councilMetOn && postedOn < x.councilMetOn) return check("posting-date", false, basis, `Ngày công khai không được trước ngày Hội đồng họp xét (${formatIsoDay(x.councilMetOn)}).`, { councilMetOn: x.councilMetOn });
  if (x.withdrawnOn && postedOn < x.withdrawnOn)
    return check("posting-date", false, basis, `Danh sách đã thôi công khai ngày ${formatIsoDay(x.withdrawnOn)} để sửa; công khai lại từ ngày đó trở đi, thời hạn tính lại từ ngày công khai mới.`, { withdrawnOn: x.withdrawnOn });
  return check("posting-date", true, basis, `Công khai từ ${formatIsoDay(postedOn)}`);
}

/** A nominee the upper unit returned, and the last change the school made to it since. */
export interface ReturnedNominee {
  nomineeName: string;
  returnedAt: string;
  /** Latest edit of the report, paper added or level changed after the return (null: none). */
  changedAt: string | null;
  comment?: string | null;
}

/** A returned nominee must be changed (report edited, papers added) before the package is sent again. */
export function returnedChangedRule(items: ReturnedNominee[]): Check {
  const unchanged = items.filter((i) => !i.changedAt || i.changedAt <= i.returnedAt);
  return check(
    "returned-changed",
    unchanged.length === 0,
    "Hướng dẫn xét duyệt của đơn vị cấp trên: hồ sơ bị trả lại phải được bổ sung, sửa theo ý kiến trước khi gửi lại",
    unchanged.length ? `Chưa sửa, bổ sung theo ý kiến cấp trên: ${unchanged.map((i) => `${i.nomineeName}${i.comment ? ` (${i.comment})` : ""}`).join("; ")}` : items.length ? "Các đề nghị bị trả lại đã được sửa, bổ sung" : "Không có đề nghị bị trả lại",
    { unchanged: unchanged.map((i) => i.nomineeName) },
  );
}

export interface SubmissionInput {
  today: string;
  /** Hạn nộp của đơn vị cấp trên (null: no deadline). */
  deadline: string | null;
  /** Set when the upper unit reopened a late submission. */
  reopenedUntil: string | null;
  postedOn: string | null;
  objections: { answered: boolean }[];
  /** Nominees whose council vote did not pass (or is missing when one is required). */
  votesMissing: string[];
  eligibility: { nomineeName: string; verdict: Verdict }[];
  caps: Check[];
  dossier: Check[];
  /** Nominees returned by the upper unit (a resubmission needs each of them changed). */
  returned?: ReturnedNominee[];
}

/**
 * Everything that blocks submission, each with its reason: the notice period (công khai), open
 * objections, deadline, council votes, eligibility, caps and quotas, the dossier.
 */
export function submissionChecks(x: SubmissionInput, s: Settings): Check[] {
  const out: Check[] = [];
  out.push(noticePeriodRule(x.postedOn, x.today, s));
  const open = x.objections.filter((o) => !o.answered).length;
  out.push(check("objections-answered", open === 0, "Quy chế dân chủ ở cơ sở: Hội đồng trả lời các ý kiến phản ánh", open ? `Còn ${open} ý kiến phản ánh chưa được trả lời` : "Các ý kiến phản ánh đã được trả lời"));
  const late = !!x.deadline && x.today > x.deadline;
  const reopened = !!x.reopenedUntil && x.today <= x.reopenedUntil;
  out.push(
    check("deadline", !late || reopened, "Hạn nộp hồ sơ của đơn vị cấp trên", !x.deadline ? "Không có hạn nộp" : late ? (reopened ? `Quá hạn ${formatIsoDay(x.deadline)}, cấp trên đã mở lại đến ${formatIsoDay(x.reopenedUntil)}` : `Đã quá hạn nộp ${formatIsoDay(x.deadline)}; cần đơn vị cấp trên mở lại`) : `Trong hạn (đến ${formatIsoDay(x.deadline)})`),
  );
  out.push(check("council-vote", x.votesMissing.length === 0, "Biên bản họp Hội đồng Thi đua – Khen thưởng", x.votesMissing.length ? `Chưa được Hội đồng thông qua: ${x.votesMissing.join(", ")}` : "Các đề nghị đã được Hội đồng thông qua"));
  for (const e of x.eligibility) {
    if (!e.verdict.eligible && !e.verdict.flagOnly) {
      const why = e.verdict.reasons.filter((r) => !r.passed).map((r) => r.detail).join("; ");
      out.push(check(e.verdict.reasons.find((r) => !r.passed)?.rule ?? "dossier", false, e.verdict.reasons.find((r) => !r.passed)?.basis ?? "", `${e.nomineeName} – ${e.verdict.titleName}: ${why}`));
    }
  }
  if (x.returned?.length) out.push(returnedChangedRule(x.returned));
  out.push(...x.caps, ...x.dossier);
  return out;
}

export function blocking(checks: Check[]): Check[] {
  return checks.filter((c) => !c.passed);
}

/** Rule 16: a decision can be revoked once, with a reason; the record stays, marked revoked. */
export function revocationRule(alreadyRevoked: boolean, reason: string | null | undefined): Check {
  const r = reason?.trim() ?? "";
  const ok = !alreadyRevoked && r.length >= 5;
  return check("revocation", ok, "Luật Thi đua, khen thưởng 2022: hủy bỏ quyết định khen thưởng khi có sai phạm; hồ sơ gốc được giữ", alreadyRevoked ? "Quyết định đã bị thu hồi trước đó" : ok ? `Thu hồi: ${r}` : "Cần ghi lý do thu hồi (gian dối, hồ sơ sai, vi phạm quy định…)");
}

/** Registry status of an award given the revocations of decisions. */
export function awardStatus(a: { decisionId: string }, revokedDecisionIds: ReadonlySet<string>): "ACTIVE" | "REVOKED" {
  return revokedDecisionIds.has(a.decisionId) ? "REVOKED" : "ACTIVE";
}
