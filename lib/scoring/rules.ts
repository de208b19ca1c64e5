// Totals, floors, disqualifiers and classification (DOMAIN.md §4) as pure functions over plain
// data. The grid, the member's page, the server's recomputation, the reports and the tests all
// call these; nothing else adds up points. Points are tenths (lib/scoring/points.ts).
//
// Entry states, never confused:
//   - no entry             → NOT ENTERED: the sheet is incomplete, there is no total for
//                            classification (never counted as 0);
//   - SCORED with points   → the points (0 is a real score);
//   - NOT_APPLICABLE       → the criterion does not concern this member (no homeroom class…);
//   - EXEMPT               → excused for a recorded reason (maternity leave…).
// What N/A and EXEMPT do to the total is a setting of the scale (scale.notApplicable /
// scale.exempt): RESCALE takes the criterion out of the max and rescales the criteria total to
// the full max (so everyone is classified on the same bands); FULL_CREDIT counts it at its max.
// Templates use N/A → RESCALE and EXEMPT → FULL_CREDIT (maternity leave counts as worked, as in
// the LĐTT rule). Rescaling rounds to the nearest tenth. Group floors are checked on the group's
// applicable max (a group with nothing applicable has no floor). Deductions tied to a group come
// off that group (never below 0); the others off the total; the total never goes below 0.
import { formatPoints } from "./points";
import { formatPercent } from "../format";
import { allCriteria, criteriaMax, type ScaleDefinition } from "./scale";

export type EntryState = "SCORED" | "NOT_APPLICABLE" | "EXEMPT";

export interface Entry {
  state: EntryState;
  /** Tenths, SCORED POINTS criteria only. */
  points?: number;
  /** Đạt (true) / Không đạt (false), SCORED PASS_FAIL criteria only. */
  pass?: boolean;
  note?: string;
}

/** What one scorer entered for one member at one stage (tự chấm / tổ chấm / hội đồng). */
export interface StageData {
  /** By criterion key; a missing key means "not entered". */
  entries: Record<string, Entry>;
  deductions: { key: string; count: number; reason: string }[];
  /** Tenths by bonus item key. */
  bonus: Record<string, number>;
  disqualifiers: { key: string; reason: string }[];
}

export const EMPTY_STAGE: StageData = { entries: {}, deductions: [], bonus: {}, disqualifiers: [] };

export interface Reason {
  rule: string;
  message: string;
}

export interface GroupResult {
  key: string;
  name: string;
  max: number;
  /** The group's max without RESCALE-d criteria. */
  applicableMax: number;
  /** Points after group deductions, before rescaling (tenths). */
  score: number;
  deducted: number;
  missing: string[];
}

export interface Classification {
  /** Band key, or null for the unranked label. */
  key: string | null;
  label: string;
  reasons: Reason[];
}

export interface StageResult {
  complete: boolean;
  /** Criterion keys not entered yet. */
  missing: string[];
  criteriaMax: number;
  applicableMax: number;
  /** Sum of group scores (tenths) before rescaling. */
  criteriaScore: number;
  /** criteriaScore rescaled to criteriaMax when criteria were taken out (tenths). */
  criteriaScaled: number;
  deductionTotal: number;
  bonusTotal: number;
  bonusCapped: number;
  /** The total the bands read (tenths). Still computed when incomplete, for live display. */
  total: number;
  groups: GroupResult[];
  failedPassFail: string[];
  disqualified: { key: string; name: string; reason: string }[];
  /** Null while incomplete. */
  classification: Classification | null;
}

export interface DataProblem {
  path: string;
  message: string;
}

/**
 * Checks what a scorer sent against the scale: known keys only, points within [0, max] of each
 * criterion and bonus item, whole positive occurrence counts, a reason on every deduction and
 * disqualifier. The server refuses data with any problem.
 */
export function validateStageData(scale: ScaleDefinition, data: StageData): DataProblem[] {
  const problems: DataProblem[] = [];
  const criteria = new Map(allCriteria(scale).map((c) => [c.key, c]));
  for (const [k, e] of Object.entries(data.entries)) {
    const c = criteria.get(k);
    const path = `entries.${k}`;
    if (!c) {
      problems.push({ path, message: `Tiêu chí "${k}" không có trong biểu điểm.` });
      continue;
    }
    if (e.state !== "SCORED") {
      if (e.points !== undefined || e.pass !== undefined) problems.push({ path, message: `"${c.name}": đã đánh dấu không áp dụng / miễn thì không nhập điểm.` });
      continue;
    }
    if (c.type === "PASS_FAIL") {
      if (typeof e.pass !== "boolean") problems.push({ path, message: `"${c.name}": chọn Đạt hoặc Không đạt.` });
    } else if (typeof e.points !== "number" || !Number.isInteger(e.points) || e.points < 0 || e.points > c.max) {
      problems.push({ path, message: `"${c.name}": điểm phải từ 0 đến ${formatPoints(c.max)}.` });
    }
  }
  const items = new Map(scale.deductions.map((d) => [d.key, d]));
  const dedSeen = new Set<string>();
  data.deductions.forEach((d, i) => {
    const item = items.get(d.key);
    const path = `deductions.${i}`;
    if (!item) return problems.push({ path, message: `Khoản trừ "${d.key}" không có trong biểu điểm.` });
    if (dedSeen.has(d.key)) problems.push({ path, message: `Khoản trừ "${item.name}" nhập hai lần; hãy gộp số lần.` });
    dedSeen.add(d.key);
    if (!Number.isInteger(d.count) || d.count < 1 || d.count > 500) problems.push({ path, message: `"${item.name}": số lần phải là số nguyên từ 1.` });
    if (!d.reason?.trim()) problems.push({ path, message: `"${item.name}": mỗi khoản trừ cần ghi lý do.` });
  });
  const bonus = new Map(scale.bonus.map((b) => [b.key, b]));
  for (const [k, v] of Object.entries(data.bonus)) {
    const b = bonus.get(k);
    if (!b) problems.push({ path: `bonus.${k}`, message: `Mục cộng điểm "${k}" không có trong biểu điểm.` });
    else if (!Number.isInteger(v) || v < 0 || v > b.max) problems.push({ path: `bonus.${k}`, message: `"${b.name}": điểm cộng từ 0 đến ${formatPoints(b.max)}.` });
  }
  const dq = new Map(scale.disqualifiers.map((d) => [d.key, d]));
  data.disqualifiers.forEach((d, i) => {
    const item = dq.get(d.key);
    if (!item) problems.push({ path: `disqualifiers.${i}`, message: `Trường hợp "${d.key}" không có trong biểu điểm.` });
    else if (!d.reason?.trim()) problems.push({ path: `disqualifiers.${i}`, message: `"${item.name}": cần ghi lý do.` });
  });
  return problems;
}

/** Recomputes everything from the scale and the entries. `data` null = nothing entered. */
export function computeStage(scale: ScaleDefinition, data: StageData | null): StageResult {
  const d = data ?? EMPTY_STAGE;
  const missing: string[] = [];
  const failedPassFail: string[] = [];
  const groupDeductions = new Map<string, number>();
  let generalDeductions = 0;
  for (const ded of d.deductions) {
    const item = scale.deductions.find((x) => x.key === ded.key);
    if (!item) continue;
    const amount = item.points * Math.max(0, ded.count);
    if (item.groupKey) groupDeductions.set(item.groupKey, (groupDeductions.get(item.groupKey) ?? 0) + amount);
    else generalDeductions += amount;
  }

  const groups: GroupResult[] = scale.groups.map((g) => {
    let applicableMax = 0;
    let raw = 0;
    const gMissing: string[] = [];
    for (const c of g.criteria) {
      const e = d.entries[c.key];
      if (!e) {
        gMissing.push(c.key);
        applicableMax += c.max;
        continue;
      }
      const policy = e.state === "NOT_APPLICABLE" ? scale.notApplicable : e.state === "EXEMPT" ? scale.exempt : null;
      if (policy === "RESCALE") continue;
      applicableMax += c.max;
      if (policy === "FULL_CREDIT") raw += c.max;
      else if (c.type === "PASS_FAIL") {
        if (e.pass === false) failedPassFail.push(c.key);
      } else raw += clamp(e.points ?? 0, 0, c.max);
    }
    missing.push(...gMissing);
    const gd = groupDeductions.get(g.key) ?? 0;
    const score = Math.max(0, raw - gd);
    return { key: g.key, name: g.name, max: g.max, applicableMax, score, deducted: Math.min(raw, gd), missing: gMissing };
  });

  const max = criteriaMax(scale);
  const applicableMax = groups.reduce((s, g) => s + g.applicableMax, 0);
  const criteriaScore = groups.reduce((s, g) => s + g.score, 0);
  const criteriaScaled = applicableMax > 0 && applicableMax < max ? Math.round((criteriaScore * max) / applicableMax) : criteriaScore;
  const bonusTotal = Object.entries(d.bonus).reduce((s, [k, v]) => {
    const item = scale.bonus.find((b) => b.key === k);
    return item ? s + clamp(v, 0, item.max) : s;
  }, 0);
  const bonusCapped = Math.min(bonusTotal, scale.bonusCap);
  // DEDUCT_FROM_START: criteria carry no points (Đạt/Không đạt at most); every deduction counts in full.
  const deductFromStart = scale.kind === "DEDUCT_FROM_START";
  const deductionTotal = deductFromStart
    ? generalDeductions + [...groupDeductions.values()].reduce((s, x) => s + x, 0)
    : generalDeductions + groups.reduce((s, g) => s + g.deducted, 0);
  const base = deductFromStart ? (scale.start ?? 0) - deductionTotal : criteriaScaled - generalDeductions;
  const total = Math.max(0, base + bonusCapped);

  const disqualified = d.disqualifiers.flatMap((x) => {
    const item = scale.disqualifiers.find((q) => q.key === x.key);
    return item ? [{ key: item.key, name: item.name, reason: x.reason }] : [];
  });
  const result: StageResult = {
    complete: data !== null && missing.length === 0,
    missing,
    criteriaMax: max,
    applicableMax,
    criteriaScore,
    criteriaScaled,
    deductionTotal,
    bonusTotal,
    bonusCapped,
    total,
    groups,
    failedPassFail,
    disqualified,
    classification: null,
  };
  result.classification = classify(scale, result);
  return result;
}

/**
 * The band a result falls in, with every reason it did not reach a higher one. Null while the
 * sheet is incomplete (not entered is never treated as 0).
 */
export function classify(scale: ScaleDefinition, r: Omit<StageResult, "classification">): Classification | null {
  if (!r.complete) return null;
  const reasons: Reason[] = [];
  if (r.disqualified.length) {
    for (const q of r.disqualified) reasons.push({ rule: `disqualified:${q.key}`, message: `${q.name}: ${q.reason}` });
    return { key: null, label: scale.unrankedLabel, reasons };
  }
  if (scale.kind === "ADDITIVE" && r.criteriaMax > 0 && r.applicableMax === 0) {
    return { key: null, label: scale.unrankedLabel, reasons: [{ rule: "nothing-applicable", message: "Không có tiêu chí nào áp dụng để chấm." }] };
  }
  for (const band of scale.bands) {
    if (r.total < band.min) continue;
    const blockers: Reason[] = [];
    if (band.applyGroupFloors) {
      for (const g of r.groups) {
        const group = scale.groups.find((x) => x.key === g.key);
        const pct = group?.floorPercent ?? band.groupFloorPercent;
        if (pct === undefined || g.applicableMax === 0) continue;
        // score / applicableMax ≥ pct % , in integers.
        if (g.score * 100 < pct * g.applicableMax) {
          blockers.push({
            rule: `group-floor:${g.key}`,
            message: `Chưa đạt mức "${band.label}": nhóm "${g.name}" đạt ${formatPoints(g.score)}/${formatPoints(g.applicableMax)} điểm, dưới ${formatPercent(pct, 1, true)} điểm tối đa.`,
          });
        }
      }
    }
    if (band.requireAllPass && r.failedPassFail.length) {
      blockers.push({ rule: "pass-fail", message: `Chưa đạt mức "${band.label}": có tiêu chí Không đạt.` });
    }
    if (blockers.length === 0) {
      reasons.push({ rule: `band:${band.key}`, message: `Tổng điểm ${formatPoints(r.total)} ≥ ${formatPoints(band.min)}: "${band.label}".` });
      return { key: band.key, label: band.label, reasons };
    }
    reasons.push(...blockers);
  }
  const lowest = scale.bands[scale.bands.length - 1];
  reasons.push({ rule: "below-bands", message: `Tổng điểm ${formatPoints(r.total)} chưa đạt mức xếp loại nào${lowest ? ` (thấp nhất "${lowest.label}" từ ${formatPoints(lowest.min)})` : ""}.` });
  return { key: null, label: scale.unrankedLabel, reasons };
}

/**
 * A year's result from its periods, as the scale says: AVERAGE / SUM / LAST of the period totals
 * (groups likewise, so floors still apply); DEDUCT_FROM_START scales start once and every
 * period's deductions count. Incomplete if any period is; disqualified if any period is.
 */
export function aggregatePeriods(scale: ScaleDefinition, periods: StageResult[]): StageResult | null {
  if (periods.length === 0) return null;
  const last = periods[periods.length - 1];
  const avg = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) / xs.length);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const pick = scale.aggregation === "AVERAGE" ? avg : scale.aggregation === "SUM" ? sum : (xs: number[]) => xs[xs.length - 1];
  let total: number;
  if (scale.kind === "DEDUCT_FROM_START") {
    const start = scale.start ?? 0;
    total = Math.max(0, start - sum(periods.map((p) => p.deductionTotal)) + Math.min(scale.bonusCap, sum(periods.map((p) => p.bonusCapped))));
  } else total = pick(periods.map((p) => p.total));
  const groups = last.groups.map((g, i) => ({ ...g, score: pick(periods.map((p) => p.groups[i]?.score ?? 0)), applicableMax: pick(periods.map((p) => p.groups[i]?.applicableMax ?? 0)) }));
  const merged: StageResult = {
    ...last,
    complete: periods.every((p) => p.complete),
    missing: periods.flatMap((p) => p.missing),
    groups,
    total,
    failedPassFail: [...new Set(periods.flatMap((p) => p.failedPassFail))],
    disqualified: periods.flatMap((p) => p.disqualified),
    classification: null,
  };
  merged.classification = classify(scale, merged);
  return merged;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
