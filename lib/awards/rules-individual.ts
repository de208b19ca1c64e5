// Individual eligibility (DOMAIN.md §6 rules 1–6): one named function per rule, each returning a
// Check with the data it used; evaluateMember() puts them together per title.
import { CATALOGUE, titleEntry } from "./catalogue";
import { addMonthsIso, addDaysIso, formatIsoDay, wholeMonths, yearLabel, type AwardFact, type MemberFacts, type PeriodInfo, OPEN_CASE_LABELS } from "./facts";
import { DISCIPLINE_LABELS, GRADE_LABELS, disciplineAtLeast, gradeAtLeast, type Settings } from "./settings";
import { check, settingCheck, verdict, type Check, type Verdict } from "./verdict";

const LUAT = "Luật Thi đua, khen thưởng 2022";

/** Rule 1: xếp loại viên chức ≥ HTTNV. */
export function gradeAtLeastRule(f: MemberFacts, s: Settings): Check {
  const min = s["ldtt.minGrade"];
  const ok = gradeAtLeast(f.grade, min.value);
  const has = f.grade ? GRADE_LABELS[f.grade] : "chưa có xếp loại";
  return settingCheck("grade-at-least", ok, min, ok ? `Xếp loại: ${has}` : `Xếp loại ${has}, cần từ "${GRADE_LABELS[min.value]}" trở lên`, { grade: f.grade, min: min.value });
}

/**
 * Rule 1: đăng ký thi đua, shown with its source: a registration in a campaign of the period
 * (what the member did) or, without one, the chair's tick on the yearly evaluation.
 */
export function registeredRule(f: MemberFacts, s: Settings): Check {
  const req = s["ldtt.requireRegistration"];
  const campaigns = f.registeredIn ?? [];
  const registered = f.registered || campaigns.length > 0;
  const ok = !req.value || registered;
  const detail = campaigns.length
    ? `Đã đăng ký thi đua (phong trào ${campaigns.join("; ")})`
    : registered
      ? "Đã đăng ký (đánh dấu của chủ tịch)"
      : req.value
        ? "Chưa đăng ký thi đua"
        : "Không bắt buộc đăng ký thi đua";
  return settingCheck("registered", ok, req, detail, { registered, campaigns });
}

/** The last day a discipline has effect (12 months unless stated). */
function disciplineEnd(d: { decidedOn: string; effectiveTo: string | null }): string {
  return d.effectiveTo ?? addDaysIso(addMonthsIso(d.decidedOn, 12), -1);
}

/** Disciplines of at least `min` that overlap the period. */
export function disciplinesInPeriod<T extends { level: MemberFacts["disciplines"][number]["level"]; decidedOn: string; effectiveTo: string | null }>(list: T[], period: PeriodInfo, min: T["level"]): T[] {
  return list.filter((d) => disciplineAtLeast(d.level, min) && d.decidedOn <= period.endsOn && disciplineEnd(d) >= period.startsOn);
}

/** Rule 1: no discipline in the period. */
export function noDisciplineRule(f: MemberFacts, period: PeriodInfo, s: Settings): Check {
  const min = s["ldtt.blockingDiscipline"];
  const hits = disciplinesInPeriod(f.disciplines, period, min.value);
  const detail = hits.length
    ? `Bị kỷ luật ${hits.map((d) => `${DISCIPLINE_LABELS[d.level].toLowerCase()} ngày ${formatIsoDay(d.decidedOn)}`).join(", ")} trong kỳ`
    : "Không bị kỷ luật trong kỳ";
  return settingCheck("no-discipline", hits.length === 0, min, detail, { disciplines: hits });
}

/** Rule 1: absent < 40 working days, maternity leave excepted. */
export function absenceRule(f: MemberFacts, s: Settings): Check {
  const max = s["ldtt.maxAbsenceDays"].value;
  const exempt = s["ldtt.maternityExempt"].value;
  const counted = f.absenceWorkingDays + (exempt ? 0 : f.maternityLeaveDays);
  const ok = counted < max;
  const maternity = f.maternityLeaveDays > 0 ? (exempt ? `; nghỉ thai sản ${f.maternityLeaveDays} ngày không tính` : `; gồm ${f.maternityLeaveDays} ngày thai sản`) : "";
  return settingCheck("absence-limit", ok, s["ldtt.maxAbsenceDays"], `Nghỉ ${counted} ngày làm việc (${ok ? "dưới" : "không dưới"} ${max})${maternity}`, {
    absenceWorkingDays: f.absenceWorkingDays,
    maternityLeaveDays: f.maternityLeaveDays,
    counted,
    max,
  });
}

/**
 * Rule 1: employed ≥ 10 months. Counted in the 12 months ending on the period's last day, so a
 * school year's summer counts as employment; maternity leave is employment (contract runs on).
 */
export function monthsEmployedRule(f: MemberFacts, period: PeriodInfo, s: Settings): Check {
  const min = s["ldtt.minMonthsEmployed"];
  const windowStart = addDaysIso(addMonthsIso(period.endsOn, -12), 1);
  const end = f.employedTo && f.employedTo < period.endsOn ? f.employedTo : period.endsOn;
  const from = !f.employedFrom ? null : f.employedFrom > windowStart ? f.employedFrom : windowStart;
  const months = from ? wholeMonths(from, end) : 0;
  const ok = months >= min.value;
  const since = f.employedFrom ? ` (tuyển dụng từ ${formatIsoDay(f.employedFrom)})` : " (chưa có ngày tuyển dụng)";
  return settingCheck("months-employed", ok, min, `Công tác ${months} tháng trong 12 tháng tính đến ${formatIsoDay(period.endsOn)}${since}, cần từ ${min.value} tháng`, {
    months,
    min: min.value,
    employedFrom: f.employedFrom,
  });
}

/** Rule 5: no nomination while a discipline review, investigation, inspection or complaint is open. */
export function noOpenCaseRule(f: MemberFacts, asOf: string): Check {
  const open = f.openCases.filter((c) => c.openedOn <= asOf && (!c.closedOn || c.closedOn > asOf));
  const detail = open.length ? open.map((c) => `${OPEN_CASE_LABELS[c.kind]} (từ ${formatIsoDay(c.openedOn)}: ${c.summary})`).join("; ") : "Không có vụ việc đang xem xét";
  return check("no-open-case", open.length === 0, `${LUAT}: không đề nghị khen thưởng khi đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc có khiếu nại, tố cáo chưa giải quyết`, detail, {
    openCases: open,
  });
}

function recognisedInitiatives(f: MemberFacts, years: number[], requireApplied: boolean) {
  return f.initiatives.filter((i) => years.includes(i.startYear) && !!i.recognisedOn && (!requireApplied || i.applied));
}

/** Rule 2: ≥ 1 initiative recognised by a competent council and applied, in the period. */
export function initiativeRule(f: MemberFacts, period: PeriodInfo, s: Settings): Check {
  const min = s["cstdcs.minInitiatives"].value;
  const applied = s["cstdcs.requireApplied"].value;
  const ok = recognisedInitiatives(f, [period.startYear], applied);
  const pending = f.initiatives.filter((i) => i.startYear === period.startYear && !ok.includes(i));
  const why = pending.map((i) => `"${i.title}" ${!i.recognisedOn ? "chưa được công nhận" : "chưa được áp dụng"}`);
  const detail = ok.length >= min
    ? `Có ${ok.length} sáng kiến được công nhận${applied ? " và áp dụng" : ""}: ${ok.map((i) => `"${i.title}"${i.decisionNumber ? ` (QĐ ${i.decisionNumber})` : ""}`).join(", ")}`
    : `Cần ${min} sáng kiến được công nhận${applied ? " và áp dụng" : ""} trong năm học ${period.label}, có ${ok.length}${why.length ? ` (${why.join("; ")})` : ""}`;
  return settingCheck("needs-initiative", ok.length >= min, s["cstdcs.minInitiatives"], detail, { initiatives: ok.map((i) => i.id), min });
}

/** Rule 2 [practice]: many schools also want HTXSNV for CSTĐCS. */
export function htxsnvForCstdcsRule(f: MemberFacts, s: Settings): Check {
  const req = s["cstdcs.requireHtxsnv"];
  const ok = !req.value || f.grade === "HTXSNV";
  return settingCheck("needs-htxsnv", ok, req, req.value ? (ok ? "Xếp loại Hoàn thành xuất sắc nhiệm vụ" : "Quy chế trường yêu cầu xếp loại Hoàn thành xuất sắc nhiệm vụ") : "Không yêu cầu HTXSNV", { grade: f.grade });
}

function counts(a: AwardFact): boolean {
  return !a.revoked && !a.thematic;
}

/** Years of merit (non-thematic, non-revoked) awards of a title. */
export function titleYears(awards: AwardFact[], code: string): number[] {
  return [...new Set(awards.filter((a) => a.titleCode === code && counts(a)).map((a) => a.startYear))].sort((a, b) => a - b);
}

/** Length of the run of years ending at `last`, each `step` after the previous one. */
export function consecutiveRun(years: number[], last: number, step = 1): number {
  const set = new Set(years);
  let n = 0;
  for (let y = last; set.has(y); y -= step) n++;
  return n;
}

/**
 * Rule 3: CSTĐ cấp tỉnh needs 3 consecutive CSTĐCS, the current period included when the member
 * qualifies for CSTĐCS now. The app flags; the upper unit decides.
 */
export function chainCstdcsRule(f: MemberFacts, period: PeriodInfo, s: Settings, currentCstdcs: boolean): Check {
  const need = s["chain.cstdTinh"];
  const awarded = titleYears(f.awards, "CSTDCS");
  const pending = currentCstdcs && !awarded.includes(period.startYear);
  const years = pending ? [...awarded, period.startYear] : awarded;
  const last = years.includes(period.startYear) ? period.startYear : period.startYear - 1;
  const run = consecutiveRun(years, last);
  const shown = Array.from({ length: run }, (_, i) => yearLabel(last - run + 1 + i));
  const list = run ? ` (${shown.join(", ")}${pending ? " – năm nay đang xét" : ""})` : "";
  return settingCheck("chain-cstdcs", run >= need.value, need, `${run} năm liên tục đạt CSTĐCS${list}, cần ${need.value}`, { years: shown, run, need: need.value, pending });
}

/** Rule 3: CSTĐ toàn quốc needs 2 consecutive CSTĐ cấp tỉnh (each cycle is `chain.cstdTinh` years). */
export function chainCstdTinhRule(f: MemberFacts, period: PeriodInfo, s: Settings): Check {
  const need = s["chain.cstdToanQuoc"];
  const step = s["chain.cstdTinh"].value;
  const years = titleYears(f.awards, "CSTD_TINH").filter((y) => y <= period.startYear);
  const last = years.length ? years[years.length - 1] : period.startYear;
  const run = years.length ? consecutiveRun(years, last, step) : 0;
  return settingCheck("chain-cstd-tinh", run >= need.value, need, `${run} lần liên tục đạt CSTĐ cấp tỉnh, bộ${years.length ? ` (các năm ${years.map(yearLabel).join(", ")})` : ""}, cần ${need.value}`, {
    years,
    run,
    need: need.value,
  });
}

/** Rule 4: Bằng khen Tổng LĐLĐVN — 2 consecutive HTXSNV years, 2 initiatives, provincial federation Bằng khen the year before. */
export function bangKhenTldRules(f: MemberFacts, period: PeriodInfo, s: Settings): Check[] {
  const yearsNeed = s["bkTld.htxsnvYears"];
  const grades = new Map((f.gradeHistory ?? []).map((g) => [g.startYear, g.grade]));
  if (f.grade) grades.set(period.startYear, f.grade);
  const htxs = [...grades].filter(([, g]) => g === "HTXSNV").map(([y]) => y);
  const run = consecutiveRun(htxs, period.startYear);
  const window = Array.from({ length: Math.max(run, yearsNeed.value) }, (_, i) => period.startYear - i);
  const inits = recognisedInitiatives(f, window, false);
  const prior = f.awards.filter((a) => a.titleCode === "BK_LDLD_TINH" && a.startYear === period.startYear - 1 && counts(a));
  const priorNeed = s["bkTld.requireProvincialBangKhen"];
  return [
    settingCheck("htxsnv-years", run >= yearsNeed.value, yearsNeed, `${run} năm liên tục hoàn thành xuất sắc nhiệm vụ, cần ${yearsNeed.value}`, { run }),
    settingCheck("initiative-count", inits.length >= s["bkTld.minInitiatives"].value, s["bkTld.minInitiatives"], `${inits.length} sáng kiến được công nhận trong ${window.length} năm gần nhất, cần ${s["bkTld.minInitiatives"].value}`, {
      initiatives: inits.map((i) => i.id),
    }),
    settingCheck(
      "prior-provincial-bang-khen",
      !priorNeed.value || prior.length > 0,
      priorNeed,
      prior.length ? `Đã có Bằng khen LĐLĐ tỉnh năm học ${yearLabel(period.startYear - 1)}${prior[0].decisionNumber ? ` (QĐ ${prior[0].decisionNumber})` : ""}` : `Chưa có Bằng khen LĐLĐ tỉnh năm học ${yearLabel(period.startYear - 1)}`,
      { prior: prior.length },
    ),
  ];
}

/**
 * Rule 6: one achievement, one award. A title is conferred once per period; forms (Giấy khen,
 * Bằng khen…) cannot share an achievement with another form (two awards or two levels).
 * `others` are the nominee's registry awards plus the other proposals in the same package.
 * A lower award is never required for a higher one.
 */
export function oneAchievementRule(candidate: { titleCode: string; startYear: number; achievementKey: string }, others: AwardFact[]): Check {
  const entry = titleEntry(candidate.titleCode);
  const live = others.filter((o) => !o.revoked);
  const clash =
    entry.kind === "title"
      ? live.find((o) => o.titleCode === candidate.titleCode && o.startYear === candidate.startYear)
      : live.find((o) => CATALOGUE.get(o.titleCode)?.kind === "form" && (o.achievementKey ?? `year:${o.startYear}`) === candidate.achievementKey);
  const detail = clash
    ? `Thành tích này đã được dùng cho "${CATALOGUE.get(clash.titleCode)?.name ?? clash.titleCode}" năm học ${yearLabel(clash.startYear)}${clash.decisionNumber ? ` (QĐ ${clash.decisionNumber})` : ""}`
    : "Thành tích chưa được dùng cho khen thưởng khác";
  return check("one-achievement-one-award", !clash, `${LUAT}: một thành tích chỉ được khen một lần, không đề nghị hai hình thức hoặc hai cấp cho cùng thành tích`, detail, {
    achievementKey: candidate.achievementKey,
    clash: clash ?? null,
  });
}

export interface EvaluateOptions {
  /** The day of the evaluation (open cases are checked on it): the council's meeting, or today. */
  asOf: string;
  /** Awards and proposals the one-achievement rule compares with (default: f.awards). */
  others?: AwardFact[];
  /** Achievement key of forms proposed (default "year:<startYear>"). */
  achievementKey?: string;
}

/** LĐTT (rule 1, with rule 5). */
export function evaluateLdtt(f: MemberFacts, period: PeriodInfo, s: Settings, o: EvaluateOptions): Verdict {
  return verdict("LDTT", [gradeAtLeastRule(f, s), registeredRule(f, s), noDisciplineRule(f, period, s), absenceRule(f, s), monthsEmployedRule(f, period, s), noOpenCaseRule(f, o.asOf)]);
}

/** CSTĐCS (rule 2): LĐTT in the same period plus an initiative recognised and applied. */
export function evaluateCstdcs(f: MemberFacts, period: PeriodInfo, s: Settings, o: EvaluateOptions, ldtt = evaluateLdtt(f, period, s, o)): Verdict {
  const hadLdtt = titleYears(f.awards, "LDTT").includes(period.startYear);
  const isLdtt = check("is-ldtt", ldtt.eligible || hadLdtt, `${LUAT}: đạt danh hiệu Lao động tiên tiến trong cùng kỳ`, ldtt.eligible || hadLdtt ? "Đạt điều kiện Lao động tiên tiến" : `Chưa đạt Lao động tiên tiến (${ldtt.reasons.filter((r) => !r.passed).map((r) => r.detail).join("; ")})`);
  return verdict("CSTDCS", [isLdtt, initiativeRule(f, period, s), htxsnvForCstdcsRule(f, s), noOpenCaseRule(f, o.asOf)]);
}

/**
 * Rule 2 in a package: CSTĐCS is given to someone who is Lao động tiên tiến of the same period, so
 * a CSTĐCS nominee must already hold LĐTT for the period or be proposed for it (in this package or
 * another live proposal of the year). Being eligible is not enough: LĐTT must be decided too.
 */
export function ldttProposedRule(x: { heldLdtt: boolean; proposedLdtt: "same-package" | "other-package" | null; periodLabel: string }): Check {
  const ok = x.heldLdtt || !!x.proposedLdtt;
  const detail = x.heldLdtt
    ? `Đã có quyết định công nhận Lao động tiên tiến năm học ${x.periodLabel}`
    : x.proposedLdtt === "same-package"
      ? "Được đề nghị Lao động tiên tiến trong cùng hồ sơ"
      : x.proposedLdtt === "other-package"
        ? "Được đề nghị Lao động tiên tiến trong hồ sơ khác cùng năm học"
        : `Chưa có và chưa được đề nghị danh hiệu Lao động tiên tiến năm học ${x.periodLabel}: thêm đề nghị LĐTT cho người này`;
  return check("ldtt-proposed", ok, `${LUAT}, Điều 23: Chiến sĩ thi đua cơ sở xét tặng cho cá nhân đạt danh hiệu Lao động tiên tiến`, detail, { heldLdtt: x.heldLdtt, proposedLdtt: x.proposedLdtt });
}

/** Every title an individual may be considered for, with reasons (rules 1–6). */
export function evaluateMember(f: MemberFacts, period: PeriodInfo, s: Settings, o: EvaluateOptions): Verdict[] {
  const open = noOpenCaseRule(f, o.asOf);
  const ldtt = evaluateLdtt(f, period, s, o);
  const cstdcs = evaluateCstdcs(f, period, s, o, ldtt);
  const cstdTinh = verdict("CSTD_TINH", [chainCstdcsRule(f, period, s, cstdcs.eligible), open], true);
  const cstdTq = verdict("CSTD_TOAN_QUOC", [chainCstdTinhRule(f, period, s), open], true);
  const bkTld = verdict("BK_TLD", [...bangKhenTldRules(f, period, s), open, oneAchievementRule({ titleCode: "BK_TLD", startYear: period.startYear, achievementKey: o.achievementKey ?? `year:${period.startYear}` }, o.others ?? f.awards)]);
  return [ldtt, cstdcs, cstdTinh, cstdTq, bkTld];
}

/**
 * The verdict for one proposed title: the dedicated rules where the catalogue has them, and for
 * every other form the rules that apply to all (open case, discipline, one achievement).
 */
export function evaluateProposal(f: MemberFacts, titleCode: string, period: PeriodInfo, s: Settings, o: EvaluateOptions): Verdict {
  const entry = titleEntry(titleCode);
  const achievementKey = o.achievementKey ?? `year:${period.startYear}`;
  const oneAward = oneAchievementRule({ titleCode, startYear: period.startYear, achievementKey }, o.others ?? f.awards);
  if (!entry.subjects.includes("individual")) {
    return verdict(titleCode, [check("subject-kind", false, "Danh mục danh hiệu, hình thức khen thưởng", `"${entry.name}" chỉ dành cho tập thể`)]);
  }
  const base = evaluateMember(f, period, s, { ...o, achievementKey }).find((v) => v.title === titleCode);
  if (base) {
    const reasons = base.reasons.some((r) => r.rule === "one-achievement-one-award") ? base.reasons : [...base.reasons, oneAward];
    return verdict(titleCode, reasons, base.flagOnly);
  }
  const reasons = [noOpenCaseRule(f, o.asOf), noDisciplineRule(f, period, s), oneAward];
  if (entry.womenOnly) reasons.push(check("women-only", f.gender === "NU", "Tiêu chuẩn phong trào thi đua của nữ CNVCLĐ", f.gender === "NU" ? "Đoàn viên nữ" : "Danh hiệu chỉ xét cho đoàn viên nữ"));
  return verdict(titleCode, reasons);
}
