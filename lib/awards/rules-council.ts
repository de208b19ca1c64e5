// The school council and its votes (DOMAIN.md §6 rules 12–14).
import { titleEntry } from "./catalogue";
import { formatPercent } from "../format";
import { formatRatio, meetsRatio, percent, type Ratio, type SettingOf, type Settings, type VoteBase } from "./settings";
import { check, settingCheck, type Check } from "./verdict";

/** Rule 12: the council has an odd number of members. */
export function oddMembersRule(memberCount: number, s: Settings): Check {
  const req = s["council.requireOdd"];
  const ok = memberCount > 0 && (!req.value || memberCount % 2 === 1);
  return settingCheck("odd-members", ok, req, ok ? `Hội đồng có ${memberCount} thành viên` : memberCount === 0 ? "Hội đồng chưa có thành viên" : `Hội đồng có ${memberCount} thành viên, số thành viên phải là số lẻ`, { memberCount });
}

/** Rule 12: quorum, ≥ 2/3 of the members present, before a vote opens. */
export function quorumRule(present: number, memberCount: number, s: Settings): Check {
  const q = s["council.quorum"];
  const ok = meetsRatio(present, memberCount, q.value);
  return settingCheck("quorum", ok, q, `Có mặt ${present}/${memberCount} thành viên (${formatPercent(percent(present, memberCount), 2, true)}), cần ${formatRatio(q.value)}`, { present, memberCount });
}

export interface BallotInput {
  titleCode: string;
  /** Phiếu phát ra, thu về, hợp lệ, đồng ý. */
  issued: number;
  returned: number;
  valid: number;
  agree: number;
  present: number;
  memberCount: number;
}

export interface BallotResult {
  titleCode: string;
  secret: boolean;
  base: VoteBase;
  baseCount: number;
  threshold: Ratio;
  /** Fewest "agree" ballots that pass. */
  required: number;
  percentAgree: number;
  passed: boolean;
  basis: string;
  checks: Check[];
}

/** The threshold family a title is voted under (rule 13). */
export function voteRuleFor(titleCode: string, s: Settings): { pass: SettingOf<Ratio>; base: SettingOf<VoteBase> } {
  const rule = titleEntry(titleCode).voteRule;
  if (rule === "school") return { pass: s["vote.schoolPass"], base: s["vote.schoolBase"] };
  if (rule === "higher") return { pass: s["vote.higherPass"], base: s["vote.higherBase"] };
  return { pass: s["vote.simplePass"], base: s["vote.simpleBase"] };
}

function minAgree(base: number, r: Ratio): number {
  // Smallest a with a/base meeting r: a·den ≥ num·base (strict: >).
  const exact = (r.num * base) / r.den;
  const n = Math.ceil(exact);
  return r.strict && n * r.den === r.num * base ? n + 1 : n;
}

/**
 * Rule 13: tallies a ballot. Consistency first (agree ≤ valid ≤ returned ≤ issued ≤ present), then
 * the pass threshold: ≥ 70% of those present for CSTĐCS, ≥ 90% of all members for provincial and
 * national proposals, a simple majority otherwise (all settings).
 */
export function tallyBallot(b: BallotInput, s: Settings): BallotResult {
  const { pass, base } = voteRuleFor(b.titleCode, s);
  const baseCount = base.value === "PRESENT" ? b.present : b.memberCount;
  const problems: string[] = [];
  if ([b.issued, b.returned, b.valid, b.agree, b.present, b.memberCount].some((n) => !Number.isInteger(n) || n < 0)) problems.push("Số phiếu phải là số nguyên không âm");
  if (b.present > b.memberCount) problems.push(`Số có mặt (${b.present}) lớn hơn số thành viên (${b.memberCount})`);
  if (b.issued > b.present) problems.push(`Số phiếu phát ra (${b.issued}) lớn hơn số có mặt (${b.present})`);
  if (b.returned > b.issued) problems.push(`Số phiếu thu về (${b.returned}) lớn hơn số phát ra (${b.issued})`);
  if (b.valid > b.returned) problems.push(`Số phiếu hợp lệ (${b.valid}) lớn hơn số thu về (${b.returned})`);
  if (b.agree > b.valid) problems.push(`Số phiếu đồng ý (${b.agree}) lớn hơn số hợp lệ (${b.valid})`);
  const consistent = check("ballot-consistent", problems.length === 0, "Biên bản kiểm phiếu", problems.length ? problems.join("; ") : `Phát ra ${b.issued}, thu về ${b.returned}, hợp lệ ${b.valid}, đồng ý ${b.agree}`, {
    issued: b.issued,
    returned: b.returned,
    valid: b.valid,
    agree: b.agree,
  });
  const required = minAgree(baseCount, pass.value);
  const ok = problems.length === 0 && baseCount > 0 && meetsRatio(b.agree, baseCount, pass.value);
  const baseText = base.value === "PRESENT" ? "số thành viên có mặt" : "tổng số thành viên Hội đồng";
  const pct = percent(b.agree, baseCount);
  const passCheck = settingCheck("ballot-pass", ok, pass, `${b.agree}/${baseCount} phiếu đồng ý (${formatPercent(pct, 2, true)} ${baseText}), cần ${formatRatio(pass.value)} (ít nhất ${required} phiếu)`, {
    agree: b.agree,
    baseCount,
    required,
    percent: pct,
  });
  return {
    titleCode: b.titleCode,
    secret: titleEntry(b.titleCode).secretBallot,
    base: base.value,
    baseCount,
    threshold: pass.value,
    required,
    percentAgree: pct,
    passed: ok,
    basis: pass.basis,
    checks: [consistent, passCheck],
  };
}

export interface BallotSheetInput {
  /** Phiếu phát ra, thu về, hợp lệ: one ballot sheet lists every nominee, so these are shared. */
  issued: number;
  returned: number;
  valid: number;
  present: number;
  memberCount: number;
  /** Each nominee on the sheet with the ballots that agreed to them. */
  nominees: { itemId: string; titleCode: string; agree: number }[];
}

export interface BallotSheetResult {
  /** The shared counts are consistent (issued ≥ returned ≥ valid, ≤ present). */
  consistent: Check;
  /** Per nominee problem (agree missing or above valid), keyed by item id. */
  problems: Record<string, string>;
  /** Per nominee tally (rule 13 judged for each person), in the sheet's order. */
  results: (BallotResult & { itemId: string })[];
  ok: boolean;
}

/**
 * Rule 13 for a ballot that lists every nominee (phiếu bầu kín ghi tên từng người, or a show of
 * hands taken person by person): the shared counts once, then each nominee's "agree" out of the
 * valid ballots, the pass threshold judged per nominee.
 */
export function tallyBallotSheet(b: BallotSheetInput, s: Settings): BallotSheetResult {
  const shared = tallyBallot({ titleCode: b.nominees[0]?.titleCode ?? "LDTT", issued: b.issued, returned: b.returned, valid: b.valid, agree: 0, present: b.present, memberCount: b.memberCount }, s).checks[0];
  const problems: Record<string, string> = {};
  const results: BallotSheetResult["results"] = [];
  for (const n of b.nominees) {
    if (!Number.isInteger(n.agree) || n.agree < 0) {
      problems[n.itemId] = "Số phiếu đồng ý phải là số nguyên không âm";
      continue;
    }
    if (n.agree > b.valid) problems[n.itemId] = `Số phiếu đồng ý (${n.agree}) lớn hơn số phiếu hợp lệ (${b.valid})`;
    results.push({ itemId: n.itemId, ...tallyBallot({ titleCode: n.titleCode, issued: b.issued, returned: b.returned, valid: b.valid, agree: n.agree, present: b.present, memberCount: b.memberCount }, s) });
  }
  // "agree" is 0 in the shared tally, so its consistency check speaks of the shared counts only.
  const consistent: Check = shared.passed ? { ...shared, detail: `Phát ra ${b.issued}, thu về ${b.returned}, hợp lệ ${b.valid}` } : shared;
  return { consistent, problems, results, ok: consistent.passed && Object.keys(problems).length === 0 && b.nominees.length > 0 };
}

