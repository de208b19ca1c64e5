// Measures a target (chỉ tiêu) can be tied to. The keys are stored on PlanTarget rows and must
// never change: as later issues build the data (registrations, titles, initiatives, women's
// movement, discipline), they add a `compute` for their key and every existing plan's target
// lights up with a live actual. Until then the actual is entered by hand ("nhập tay").

import { formatNumber, formatPercent } from "../format";

export const MEASURE_KEYS = [
  "registered_pct",
  "lddt_pct",
  "initiatives_count",
  "women_gvtdvn_pct",
  "disciplined_count",
  "manual",
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export interface MeasureInfo {
  key: MeasureKey;
  label: string;
  unit: "PERCENT" | "COUNT";
  /** Where the live figure will come from (shown as a hint). */
  source: string;
}

export const MEASURES: Record<MeasureKey, MeasureInfo> = {
  registered_pct: { key: "registered_pct", label: "Tỷ lệ đoàn viên đăng ký thi đua", unit: "PERCENT", source: "đăng ký thi đua đầu năm" },
  lddt_pct: { key: "lddt_pct", label: "Tỷ lệ đạt Lao động tiên tiến", unit: "PERCENT", source: "kết quả xét danh hiệu cuối năm" },
  initiatives_count: { key: "initiatives_count", label: "Số sáng kiến được công nhận", unit: "COUNT", source: "sáng kiến được hội đồng công nhận" },
  women_gvtdvn_pct: { key: "women_gvtdvn_pct", label: "Tỷ lệ nữ đạt \"Giỏi việc trường – Đảm việc nhà\"", unit: "PERCENT", source: "bình xét phong trào nữ" },
  disciplined_count: { key: "disciplined_count", label: "Số đoàn viên bị kỷ luật", unit: "COUNT", source: "quyết định kỷ luật trong năm học" },
  manual: { key: "manual", label: "Chỉ tiêu khác (nhập tay)", unit: "COUNT", source: "nhập tay" },
};

export function isMeasureKey(k: string): k is MeasureKey {
  return (MEASURE_KEYS as readonly string[]).includes(k);
}

/** A live actual, or null when the app does not hold the data (yet). */
export type LiveActual = { value: number; basis: string } | null;

/**
 * The figures the app holds for a school year. Today none of the measured data exists (later
 * issues add it); the function keeps the shape so callers need no change when it does.
 */
export type MeasureData = Partial<Record<MeasureKey, LiveActual>>;

/** The actual to show for a target: live when the data exists, else the manual figure. */
export function targetActual(
  t: { measureKey: string; manualActual: number | null },
  data: MeasureData,
): { value: number | null; live: boolean; basis?: string } {
  const live = isMeasureKey(t.measureKey) ? data[t.measureKey] : null;
  if (live) return { value: live.value, live: true, basis: live.basis };
  return { value: t.manualActual, live: false };
}

/** Met, missed, or not known yet. */
export function targetMet(
  t: { comparator: "AT_LEAST" | "AT_MOST"; targetValue: number },
  actual: number | null,
): boolean | null {
  if (actual === null) return null;
  return t.comparator === "AT_LEAST" ? actual >= t.targetValue : actual <= t.targetValue;
}

/** "≥ 80%", "≤ 0 người", "≥ 5". */
export function formatTarget(t: { comparator: "AT_LEAST" | "AT_MOST"; targetValue: number; unit: "PERCENT" | "COUNT" }): string {
  const sign = t.comparator === "AT_LEAST" ? "≥" : "≤";
  return `${sign} ${t.unit === "PERCENT" ? formatPercent(t.targetValue, 1, true) : formatNumber(t.targetValue)}`;
}
